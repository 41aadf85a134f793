package org.linuxrouter.daemon.reconcile;

import java.util.List;
import java.util.Set;

/**
 * The settings around the kernel objects that are not objects themselves (sysctls: forwarding, proxy_arp,
 * proxy_ndp, proxy_delay, rp_filter). They are read-compare-written on every pass rather than diffed. Global
 * defaults must be set before links are created (new interfaces copy {@code conf/default}), per-interface values
 * after.
 */
public interface HostTuning {

    /** Before any link is created. Returns problems, each naming the setting; an empty list means all set. */
    List<String> beforeLinks(DesiredSnapshot desired);

    /**
     * After the links exist; {@code created} names the links this pass created (they start from
     * {@code conf/default} and must be set now). Returns problems, each naming the setting and interface.
     */
    List<String> afterLinks(DesiredSnapshot desired, Set<String> created);

    HostTuning NONE = new HostTuning() {
        @Override
        public List<String> beforeLinks(DesiredSnapshot desired) {
            return List.of();
        }

        @Override
        public List<String> afterLinks(DesiredSnapshot desired, Set<String> created) {
            return List.of();
        }
    };
}
