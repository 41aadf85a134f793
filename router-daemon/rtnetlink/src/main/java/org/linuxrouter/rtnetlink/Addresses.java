package org.linuxrouter.rtnetlink;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/** IPv4 and IPv6 interface addresses. Every method throws {@link NetlinkException} when the kernel refuses. */
public final class Addresses {
    private final Rtnl rtnl;

    Addresses(Rtnl rtnl) {
        this.rtnl = rtnl;
    }

    /** Every address of every link, both families. Equivalent to: {@code ip addr show}. */
    public List<Address> list() {
        List<Address> out = new ArrayList<>();
        for (NetlinkMessage m : rtnl.dump(AddressCodec.dump())) {
            out.add(AddressCodec.decode(m));
        }
        return out;
    }

    /** The addresses of one link. Equivalent to: {@code ip addr show dev NAME}. */
    public List<Address> list(int linkIndex) {
        List<Address> out = new ArrayList<>();
        for (Address a : list()) {
            if (a.linkIndex() == linkIndex) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Adds an address; EEXIST if the link has it already. Equivalent to: {@code ip addr add PREFIX dev NAME}
     * (with {@code proto N} when the address carries a protocol).
     */
    public void add(Address address) {
        rtnl.execute(AddressCodec.add(address));
    }

    /**
     * Deletes an address; {@link NetlinkException#isNotFound()} (EADDRNOTAVAIL) when the link does not have it.
     * Equivalent to: {@code ip addr del PREFIX dev NAME}.
     */
    public void delete(Address address) {
        rtnl.execute(AddressCodec.delete(address));
    }
}
