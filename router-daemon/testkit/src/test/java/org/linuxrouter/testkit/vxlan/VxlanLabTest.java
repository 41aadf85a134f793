package org.linuxrouter.testkit.vxlan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.net.Netns;

/** The fixture on its own, on the host kernel: hypervisors built as modifyvxlan.sh builds them carry VM traffic. */
class VxlanLabTest {

    @Test
    void vmsOnTwoHypervisorsShareAVniOverMulticastAndOnlyThatVni() {
        try (VxlanLab lab = VxlanLab.create("tkvx")) {
            VxlanHypervisor hv1 = lab.addHypervisor(1);
            VxlanHypervisor hv2 = lab.addHypervisor(2);
            hv1.joinMulticast(70000);
            hv2.joinMulticast(70000);
            hv2.joinMulticast(70001);
            GuestVm a = hv1.startVm("a", 70000, "10.7.0.10/24", "10.7.0.1");
            GuestVm b = hv2.startVm("b", 70000, "10.7.0.11/24", "10.7.0.1");
            GuestVm c = hv2.startVm("c", 70001, "10.7.0.12/24", "10.7.0.1");

            JsonNode vxlan = hv1.netns().ip().link("vxlan70000").path("linkinfo").path("info_data");
            assertEquals("239.1.17.112", vxlan.path("group").asText());
            assertEquals(10, vxlan.path("ttl").asInt());
            assertEquals("eth1", vxlan.path("link").asText());
            assertEquals("eth1", hv1.netns().ip().json("route", "show", "239.1.17.112/32").path(0).path("dev").asText());
            assertEquals("brvx-70000", hv1.netns().ip().link("vxlan70000").path("master").asText());

            assertTrue(a.ping("10.7.0.11"), "same VNI across hypervisors");
            assertFalse(a.ping("10.7.0.12"), "another VNI is another broadcast domain");
            assertTrue(c.ping("10.7.0.12"), "its own address answers");

            hv2.leave(70001);
            assertEquals(List.of("vxlan70000"), names(hv2.netns().ip().json("link", "show", "type", "vxlan")));
            assertEquals(List.of("brvx-70000"), names(hv2.netns().ip().json("link", "show", "type", "bridge")));
        }
        assertFalse(Netns.exists("tkvx-router"), "close removes the namespaces");
    }

    @Test
    void unicastHypervisorsFloodToEachOther() {
        try (VxlanLab lab = VxlanLab.create("tkvu")) {
            VxlanHypervisor hv1 = lab.addHypervisor(1);
            VxlanHypervisor hv2 = lab.addHypervisor(2);
            hv1.joinUnicast(6001, List.of(hv2.address()));
            hv2.joinUnicast(6001, List.of(hv1.address()));
            GuestVm a = hv1.startVm("a", 6001, "10.6.0.10/24", "10.6.0.1");
            hv2.startVm("b", 6001, "10.6.0.11/24", "10.6.0.1");
            assertTrue(a.ping("10.6.0.11"));
        }
    }

    private static List<String> names(JsonNode links) {
        List<String> out = new java.util.ArrayList<>();
        links.forEach(l -> out.add(l.path("ifname").asText()));
        return out;
    }
}
