package org.linuxrouter.lab.pair;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every probe of one case, started together: VM to upstream on both VLANs, upstream to the public VM (through
 * the master's proxy ARP), and the public VM to the metadata server on its gateway.
 */
final class Probes implements AutoCloseable {

    private final List<PingProbe> pings = new ArrayList<>();
    private final HttpProbe metadata;

    private Probes(PairTopology lab, Path dir, String label, String vm1InstanceId) {
        mark("probes start: " + label);
        pings.add(PingProbe.start(label + " vm1->upstream", lab.vm1, PairTopology.UPSTREAM, dir));
        pings.add(PingProbe.start(label + " vm2->upstream", lab.vm2, PairTopology.UPSTREAM, dir));
        pings.add(PingProbe.start(label + " upstream->vm1", lab.upstream, "198.51.100.130", dir));
        metadata = HttpProbe.start(label + " vm1->metadata", lab.vm1.name(), "198.51.100.129", "/latest/meta-data/instance-id",
                vm1InstanceId);
    }

    /** A line in the console with the wall clock, to line up with the probes' own stamps. */
    static void mark(String event) {
        System.out.println("pair lab event " + System.currentTimeMillis() + " " + event);
    }

    /** {@code label} names the case in the output files, which stay in {@code dir}. */
    static Probes start(PairTopology lab, Path dir, String label, String vm1InstanceId) {
        return new Probes(lab, dir, label, vm1InstanceId);
    }

    List<ProbeResult> stop() throws InterruptedException {
        List<ProbeResult> out = new ArrayList<>();
        for (PingProbe p : pings) {
            out.add(p.stop());
        }
        out.add(metadata.stop());
        return out;
    }

    @Override
    public void close() {
        pings.forEach(PingProbe::close);
        metadata.close();
    }
}
