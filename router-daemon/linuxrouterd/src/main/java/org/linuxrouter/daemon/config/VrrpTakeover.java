package org.linuxrouter.daemon.config;

/**
 * How a router pair's new master takes over the gateways ({@code vrrp_takeover}; docs/architecture.md, "The router
 * pair").
 */
public enum VrrpTakeover {
    /**
     * keepalived adds every gateway as a virtual address on the master at takeover and removes them on the backup:
     * works on any kernel, costs seconds at thousands of networks (the kernel's IPv6 address work).
     */
    ADDRESSES("addresses"),
    /**
     * Every gateway sits on both routers; an nftables table (the standby gate) silences the backup's guest links,
     * and the takeover only opens it: O(1) in the number of networks. Needs nftables' inet and arp families.
     */
    GATE("gate");

    private final String word;

    VrrpTakeover(String word) {
        this.word = word;
    }

    /** The configuration file's spelling. */
    public String word() {
        return word;
    }

    /** {@code addresses} or {@code gate}. */
    static VrrpTakeover parse(String text) {
        for (VrrpTakeover t : values()) {
            if (t.word.equals(text)) {
                return t;
            }
        }
        throw new BadValue("addresses or gate", ConfigValues.quote(text));
    }
}
