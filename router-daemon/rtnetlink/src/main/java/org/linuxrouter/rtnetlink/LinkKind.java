package org.linuxrouter.rtnetlink;

/** What kind of link this is: IFLA_LINKINFO/IFLA_INFO_KIND and, for VLANs, its IFLA_INFO_DATA. */
public sealed interface LinkKind {
    /** The kernel's kind string, e.g. {@code vlan}; empty for links without one (lo, physical NICs). */
    String name();

    /**
     * An 802.1Q/802.1ad sub-interface.
     *
     * @param parentIndex ifindex of the link it is stacked on (IFLA_LINK)
     * @param vlanId      1..4094
     * @param protocol    tag protocol
     */
    record Vlan(int parentIndex, int vlanId, VlanProtocol protocol) implements LinkKind {
        public Vlan {
            if (parentIndex <= 0) {
                throw new IllegalArgumentException("expected a parent ifindex > 0, got " + parentIndex);
            }
            if (vlanId < 1 || vlanId > 4094) {
                throw new IllegalArgumentException("expected a VLAN id of 1..4094, got " + vlanId);
            }
            if (protocol == null) {
                throw new IllegalArgumentException("expected a VLAN protocol, got null");
            }
        }

        @Override
        public String name() {
            return "vlan";
        }
    }

    /** One end of a virtual Ethernet pair. */
    record Veth() implements LinkKind {
        @Override
        public String name() {
            return "veth";
        }
    }

    /** A dummy link: it drops what it is sent and holds addresses and routes. */
    record Dummy() implements LinkKind {
        @Override
        public String name() {
            return "dummy";
        }
    }

    /** A Linux bridge. */
    record Bridge() implements LinkKind {
        @Override
        public String name() {
            return "bridge";
        }
    }

    /**
     * Any other kind, or none.
     *
     * @param name the kernel's kind string, empty for a link with no IFLA_INFO_KIND (lo, hardware NICs)
     */
    record Other(String name) implements LinkKind {
        public Other {
            if (name == null) {
                throw new IllegalArgumentException("expected a kind name (possibly empty), got null");
            }
        }
    }
}
