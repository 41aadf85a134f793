package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.testkit.net.Ip;

/**
 * The lab smoke test: one UML boot builds router, hypervisor and two VMs on VLANs 100 and 200 (vlan-lab.sh) and
 * saves what the kernel reports; the assertions run here, on the host, on that evidence.
 * Needs root and the apt packages user-mode-linux kmod iproute2 iputils-ping.
 */
class VlanLabTest {

    @TempDir
    static Path share;
    private static Path evidence;
    private static UmlResult lab;

    @BeforeAll
    static void runTheLab() throws IOException {
        Path script = share.resolve("vlan-lab.sh");
        try (InputStream in = VlanLabTest.class.getResourceAsStream("vlan-lab.sh")) {
            Files.copy(in, script);
        }
        evidence = share.resolve("evidence");
        long start = System.nanoTime();
        lab = UmlKernel.run(UmlRun.command("bash", script.toString(), evidence.toString()).share(share).build());
        System.out.printf("vlan lab: %s; whole lab as the test saw it %d ms%n", lab.timings(),
                (System.nanoTime() - start) / 1_000_000);
        UmlProcesses.assertNoneLeft(lab.umid());
    }

    @Test
    void theLabScriptRanToItsEnd() {
        assertEquals(0, lab.exitCode(), lab.outputText());
        assertTrue(lab.output().stream().anyMatch(line -> line.startsWith("lab: done in ")), lab.outputText());
    }

    @Test
    void routerSubinterfacesAreDot1qVlansWithTheirIds() throws IOException {
        assertVlan(link("router-eth1.100.json"), "eth1.100", "eth1", 100);
        assertVlan(link("router-eth1.200.json"), "eth1.200", "eth1", 200);
        String config = Files.readString(evidence.resolve("router-vlan-config.txt"));
        assertTrue(config.matches("(?s).*eth1\\.100\\s+\\| 100\\s+\\| eth1.*"), config);
    }

    @Test
    void vm1IsAttachedByTheMovedVlanInterfaceAndVm2ThroughTheBridge() throws IOException {
        JsonNode vm1 = link("vm1-eth0.json");
        assertEquals("vlan", vm1.path("linkinfo").path("info_kind").asText(), vm1.toString());
        assertEquals(100, vm1.path("linkinfo").path("info_data").path("id").asInt(), vm1.toString());
        List<String> ports = Ip.parse(Files.readString(evidence.resolve("hyp-br200-ports.json")), List.of("ip"))
                .findValuesAsText("ifname");
        assertTrue(ports.containsAll(List.of("trunk0.200", "vm2-port")), ports.toString());
    }

    @Test
    void eachVmReachesItsGatewayOverItsVlan() throws IOException {
        assertEquals("0", rc("ping-gateway-vm1"), text("ping-gateway-vm1.txt"));
        assertEquals("0", rc("ping-gateway-vm2"), text("ping-gateway-vm2.txt"));
    }

    @Test
    void vm1PingsVm2OnlyThroughTheRouter() throws IOException {
        assertNotEquals("0", rc("ping-unrouted"), "with forwarding off: " + text("ping-unrouted.txt"));
        String routed = text("ping-routed.txt");
        assertEquals("0", rc("ping-routed"), routed);
        assertTrue(routed.contains("from 10.200.0.20"), routed);
        // one router hop: Linux sends with TTL 64, the router's forwarding takes one off
        assertTrue(routed.contains("ttl=63"), routed);
    }

    private static void assertVlan(JsonNode link, String name, String lower, int id) {
        assertEquals(name, link.path("ifname").asText(), link.toString());
        assertEquals(lower, link.path("link").asText(), link.toString());
        JsonNode info = link.path("linkinfo");
        assertEquals("vlan", info.path("info_kind").asText(), link.toString());
        assertEquals(id, info.path("info_data").path("id").asInt(), link.toString());
        assertEquals("802.1Q", info.path("info_data").path("protocol").asText(), link.toString());
        assertEquals("UP", link.path("operstate").asText(), link.toString());
    }

    private static JsonNode link(String file) throws IOException {
        JsonNode links = Ip.parse(text(file), List.of("ip", "-j", "-d", "link", "show"));
        assertEquals(1, links.size(), links.toString());
        return links.get(0);
    }

    private static String rc(String name) throws IOException {
        return text(name + ".rc").strip();
    }

    private static String text(String file) throws IOException {
        return Files.readString(evidence.resolve(file));
    }
}
