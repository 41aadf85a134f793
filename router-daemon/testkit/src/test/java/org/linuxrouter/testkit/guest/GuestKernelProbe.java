package org.linuxrouter.testkit.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.net.Netns;

/** Proves the in-guest JVM runs on the UML kernel and that the testkit's helpers work there. */
@Tag("uml-guest")
class GuestKernelProbe {

    @Test
    void runsOnTheUserModeLinuxKernel() throws IOException {
        String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        assertTrue(release.startsWith("6.1."), "expected the UML kernel 6.1, saw " + release);
        assertTrue(Files.exists(Path.of("/proc/net/vlan/config")), "the guest init loads 8021q");
    }

    @Test
    void buildsAVlanThroughTheTestkitAndReadsItBack() {
        // the dummy module is loaded on demand by the kernel through the init's modprobe wrapper
        try (Netns ns = Netns.create("probe")) {
            ns.ip().batch(List.of("link add d0 type dummy", "link add link d0 name d0.100 type vlan id 100",
                    "link set d0 up", "link set d0.100 up"));
            JsonNode vlan = ns.ip().link("d0.100");
            assertEquals("vlan", vlan.path("linkinfo").path("info_kind").asText(), vlan.toString());
            assertEquals(100, vlan.path("linkinfo").path("info_data").path("id").asInt(), vlan.toString());
            assertEquals("802.1Q", vlan.path("linkinfo").path("info_data").path("protocol").asText());
        }
    }
}
