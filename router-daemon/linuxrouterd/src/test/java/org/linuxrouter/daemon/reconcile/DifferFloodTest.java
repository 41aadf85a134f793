package org.linuxrouter.daemon.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.kernel.FloodEntry;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.LinkSpec;
import org.linuxrouter.daemon.kernel.OwnedLink;
import org.linuxrouter.daemon.kernel.Step;

/** Flood entries diff like every other object on a link: per entry, and not at all on a link being replaced. */
class DifferFloodTest {
    private static final OwnedLink VXLAN = new OwnedLink("vxlan7",
            new LinkSpec.Vxlan(7, "eth2", Optional.empty(), Optional.empty(), 0, 4789, true), "net", 0, true);

    @Test
    void changedVtepListAddsAndDeletesOnlyTheDifference() throws Exception {
        KernelState observed = state(VXLAN, "10.0.0.11", "10.0.0.12");
        KernelState desired = state(VXLAN, "10.0.0.12", "10.0.0.13");
        assertEquals(List.of("delete flood vxlan7 to 10.0.0.11", "add flood vxlan7 to 10.0.0.13"),
                Differ.diff(desired, observed).stream().map(Step::describe).toList());
    }

    @Test
    void aRecreatedLinkGetsEveryEntryAgainWithoutDeletingTheOldOnes() throws Exception {
        OwnedLink moved = new OwnedLink("vxlan7",
                new LinkSpec.Vxlan(7, "eth3", Optional.empty(), Optional.empty(), 0, 4789, true), "net", 0, true);
        assertEquals(List.of("delete link vxlan7", "create link vxlan7", "add flood vxlan7 to 10.0.0.11"),
                Differ.diff(state(moved, "10.0.0.11"), state(VXLAN, "10.0.0.11")).stream().map(Step::describe)
                        .toList());
    }

    private static KernelState state(OwnedLink link, String... vteps) throws Exception {
        Set<FloodEntry> floods = new java.util.HashSet<>();
        for (String v : vteps) {
            floods.add(new FloodEntry(link.name(), InetAddress.getByName(v)));
        }
        return new KernelState(Map.of(link.name(), link), Set.of(), Set.of(), Set.of(), floods);
    }
}
