package org.linuxrouter.haagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.ha.status.report.AgentReport;

class AgentConfigLoaderTest {
    @Test
    void storageNodeWithDefaults() {
        AgentConfig c = AgentConfigLoader.parse("t", "# storage node\nrole = storage\nmount_point = /srv/nfs\n", "storage1");
        assertEquals(AgentReport.Role.STORAGE, c.role());
        assertEquals("storage1", c.nodeName());
        assertEquals(8444, c.listen().getPort());
        assertTrue(c.listen().getAddress().isAnyLocalAddress());
        assertTrue(c.tls());
        assertEquals(Optional.of("/srv/nfs"), c.mountPoint());
        assertEquals(AgentConfig.DrbdSource.PROC_EVENTS2, c.drbd());
        assertEquals(Path.of("/usr/sbin/drbdsetup"), c.tool("drbdsetup"));
        assertEquals(List.of(), c.checkPorts());
    }

    @Test
    void managementNodeChecksTheLocalManagementServerByDefault() {
        AgentConfig c = AgentConfigLoader.parse("t", "role = management\ndatabase_unit = mariadb.service\n"
                + "cluster = pacemaker\ncommand_timeout = 1500ms\nlisten = [::1]:9000\ntls = off\n", "ms1");
        assertEquals(List.of(new AgentConfig.HostPort("127.0.0.1", 8080), new AgentConfig.HostPort("127.0.0.1", 8250)),
                c.checkPorts());
        assertEquals(Duration.ofMillis(1500), c.commandTimeout());
        assertEquals(AgentConfig.ClusterSource.PACEMAKER, c.cluster());
        assertEquals("mariadb.service", c.databaseUnit());
    }

    @Test
    void everyProblemIsReportedNamingLineAndKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("ha-agent.conf",
                "role = storage\nrole = management\nlisten = somewhere:8444\ndrbd = 8.4\nproc_drbd = proc/drbd\n"
                        + "colour = blue\nnot a key value\ncommand_timeout = 5m\nip_path = /usr/sbin/../ip\n"
                        + "check_ports = 127.0.0.1:0\n", "n1"));
        assertEquals(List.of(
                "line 2: role: given twice (first on line 1)",
                "line 3: listen: expected an IP address and port, got \"somewhere:8444\"",
                "line 4: drbd: expected proc+events2|proc|events2|json|none, got \"8.4\"",
                "line 5: proc_drbd: expected an absolute path without . or .. segments, got \"proc/drbd\"",
                "line 6: colour: unknown key; expected one of " + keyList(),
                "line 7: expected key = value, got a line without =",
                "line 8: command_timeout: expected a duration such as 500ms or 5s, got \"5m\"",
                "line 9: ip_path: expected an absolute path without . or .. segments, got \"/usr/sbin/../ip\"",
                "line 10: check_ports: expected ports 1..65535, got 0 in \"127.0.0.1:0\""), e.problems());
        assertTrue(e.getMessage().startsWith("ha-agent.conf: 9 problem(s)"), e.getMessage());
    }

    private static String keyList() {
        try {
            AgentConfigLoader.parse("t", "x = 1\n", "n");
        } catch (ConfigException e) {
            String p = e.problems().get(0);
            return p.substring(p.indexOf("one of ") + 7);
        }
        throw new AssertionError("unknown key accepted");
    }

    @Test
    void roleIsRequiredAndPlainHttpOnlyOnLoopback() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentConfigLoader.parse("t", "tls = off\nlisten = 10.0.0.1:8444\n", "n1"));
        assertEquals(List.of("role: required; expected storage|management",
                "tls: off is allowed only with a loopback listen address, got listen = /10.0.0.1:8444"), e.problems());
    }

    @Test
    void unusableHostnameNeedsNodeName() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("t", "role = storage\n", "(none)"));
        assertEquals(List.of("node_name: the host name \"(none)\" is not usable; set node_name"), e.problems());
        assertEquals("s1", AgentConfigLoader.parse("t", "role = storage\nnode_name = s1\n", "(none)").nodeName());
    }
}
