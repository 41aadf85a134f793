package org.linuxrouter.ha.status.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;

class ClusterParsersTest {
    @Test
    void pacemakerHealthy() {
        ClusterStatus c = CrmMonParser.parse(Samples.read("crm-mon/healthy.xml")).value();
        assertEquals(ClusterStatus.Stack.PACEMAKER, c.stack());
        assertTrue(c.running());
        assertEquals(List.of(new ClusterNode("storage1", true, "online"), new ClusterNode("storage2", true, "online")),
                c.nodes());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void pacemakerPeerOfflineAndFailedAction() {
        ClusterStatus c = CrmMonParser.parse(Samples.read("crm-mon/peer-offline-failed-action.xml")).value();
        assertFalse(c.nodes().get(1).online());
        assertEquals(List.of("pacemaker node storage2 is offline", "resource p_nfsserver failed",
                "failed action p_nfsserver_monitor_10000 on storage1: not running"), c.problems());
    }

    @Test
    void pacemakerNotRunningHere() {
        ClusterStatus c = CrmMonParser.parse(Samples.read("crm-mon/not-connected.xml")).value();
        assertFalse(c.running());
        assertEquals(List.of("crm_mon: Not connected (code 102)"), c.problems());
    }

    @Test
    void truncatedXmlIsUnknown() {
        Reading<ClusterStatus> r = CrmMonParser.parse(Samples.read("crm-mon/truncated.xml"));
        assertFalse(r.known());
        assertTrue(r.problem().startsWith("crm_mon --output-as=xml: not well-formed XML"), r.problem());
    }

    @Test
    void doctypeIsRefused() {
        assertFalse(CrmMonParser.parse(Samples.read("crm-mon/doctype.xml")).known());
    }

    @Test
    void otherXmlIsUnknown() {
        assertTrue(CrmMonParser.parse("<cib/>").problem().contains("not <pacemaker-result>"));
    }

    @Test
    void heartbeatBothNodesUp() {
        Map<String, String> st = new LinkedHashMap<>();
        st.put("storage1", "active\n");
        st.put("storage2", "active\n");
        ClusterStatus c = ClStatusParser.parse("Heartbeat is running on this machine.\n", st).value();
        assertEquals(ClusterStatus.Stack.HEARTBEAT, c.stack());
        assertTrue(c.running());
        assertEquals(2, c.nodes().size());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void heartbeatPeerDead() {
        Map<String, String> st = new LinkedHashMap<>();
        st.put("storage1", "active");
        st.put("storage2", "dead");
        ClusterStatus c = ClStatusParser.parse("Heartbeat is running on this machine.\n", st).value();
        assertEquals(List.of("heartbeat node storage2 is dead"), c.problems());
        assertFalse(c.nodes().get(1).online());
    }

    @Test
    void heartbeatStopped() {
        ClusterStatus c = ClStatusParser.parse("Heartbeat is stopped on this machine.\n", Map.of()).value();
        assertFalse(c.running());
    }

    @Test
    void heartbeatGarbage() {
        assertFalse(ClStatusParser.parse("Segmentation fault\n", Map.of()).known());
        assertFalse(ClStatusParser.parse("Heartbeat is running on this machine.\n", Map.of("a", "sleepy")).known());
    }

    @Test
    void nodeList() {
        assertEquals(List.of("storage1", "storage2"), ClStatusParser.parseNodeList("storage1\nstorage2\n").value());
        assertFalse(ClStatusParser.parseNodeList("storage1\n;rm -rf /\n").known());
    }
}
