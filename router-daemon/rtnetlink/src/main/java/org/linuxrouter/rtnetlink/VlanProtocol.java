package org.linuxrouter.rtnetlink;

/** The tag protocol of a VLAN link (IFLA_VLAN_PROTOCOL). */
public enum VlanProtocol {
    /** 802.1Q, ethertype 0x8100: the usual customer tag. */
    IEEE_802_1Q(0x8100),
    /** 802.1ad (QinQ service tag), ethertype 0x88A8. */
    IEEE_802_1AD(0x88A8);

    private final int ethertype;

    VlanProtocol(int ethertype) {
        this.ethertype = ethertype;
    }

    public int ethertype() {
        return ethertype;
    }

    public static VlanProtocol ofEthertype(int ethertype) {
        for (VlanProtocol p : values()) {
            if (p.ethertype == ethertype) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected VLAN ethertype 0x8100 or 0x88a8, got 0x"
                + Integer.toHexString(ethertype));
    }
}
