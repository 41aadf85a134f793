package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** Rtnl.openIn from a thread in another namespace acts in the target namespace only. Needs root. */
@FreshNetns
class NetnsKernelTest {
    @Test
    void openInActsInTheTargetNamespaceWhateverThreadCalls() throws Exception {
        // this test thread's own namespace, named by a path that stays valid from other threads
        Path self = Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))).resolve("ns/net");
        // the common pool's threads are in the host namespace: open from there, create, and close
        CompletableFuture.runAsync(() -> {
            try (Rtnl inTest = Rtnl.openIn(self)) {
                inTest.links().addVeth("in0", "in1");
            }
        }).get();
        assertEquals(List.of("lo", "in1", "in0"), LinkKernelTest.names(Ip.json("link", "show")));
    }
}
