package org.linuxrouter.daemon.kernel;

import org.linuxrouter.protocol.model.InterfaceName;

/** What kind of link the daemon creates for a network; a link whose spec changed is recreated. */
public sealed interface LinkSpec permits LinkSpec.Vlan {

    /** An 802.1Q subinterface {@code parent.vlanId}. Equivalent to: {@code ip link add link PARENT name NAME type vlan id ID}. */
    record Vlan(String parent, int vlanId) implements LinkSpec {
        public Vlan {
            InterfaceName.of("vlan parent", parent);
            if (vlanId < 1 || vlanId > 4094) {
                throw new IllegalArgumentException("vlan id: expected 1..4094, got " + vlanId);
            }
        }
    }
}
