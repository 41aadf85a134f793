package org.linuxrouter.lab.pair;

import java.util.List;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;

/** One guest network as CloudStack sees it: the spec and its NICs, pushed to both routers. */
record PairNetwork(NetworkSpec spec, List<NicSpec> nics) {
    PairNetwork {
        nics = List.copyOf(nics);
    }
}
