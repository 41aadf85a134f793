package org.linuxrouter.rtnetlink;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/**
 * Forwarding-table entries of bridges and VXLAN devices (family AF_BRIDGE). Every method throws
 * {@link NetlinkException} when the kernel refuses.
 */
public final class BridgeFdb {
    private final Rtnl rtnl;

    BridgeFdb(Rtnl rtnl) {
        this.rtnl = rtnl;
    }

    /** Every entry of every device. Equivalent to: {@code bridge fdb show}. */
    public List<FdbEntry> list() {
        List<FdbEntry> out = new ArrayList<>();
        for (NetlinkMessage m : rtnl.dump(FdbCodec.dump())) {
            if (FdbCodec.isFdb(m)) {
                FdbCodec.decode(m).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Adds an entry; another entry with the same MAC but another remote is kept (append). Equivalent to:
     * {@code bridge fdb append MAC dev NAME dst REMOTE}.
     */
    public void append(FdbEntry entry) {
        rtnl.execute(FdbCodec.append(entry));
    }

    /**
     * Deletes an entry; {@link NetlinkException#isNotFound()} (ENOENT) when there is none. Equivalent to:
     * {@code bridge fdb del MAC dev NAME dst REMOTE}.
     */
    public void delete(FdbEntry entry) {
        rtnl.execute(FdbCodec.delete(entry));
    }
}
