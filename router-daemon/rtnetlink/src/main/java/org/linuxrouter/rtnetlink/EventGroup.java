package org.linuxrouter.rtnetlink;

import java.util.Set;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** The rtnetlink multicast groups {@link RtnlEvents} can subscribe to. */
public enum EventGroup {
    LINK(Rtm.RTMGRP_LINK),
    IPV4_ADDRESS(Rtm.RTMGRP_IPV4_IFADDR),
    IPV6_ADDRESS(Rtm.RTMGRP_IPV6_IFADDR),
    IPV4_ROUTE(Rtm.RTMGRP_IPV4_ROUTE),
    IPV6_ROUTE(Rtm.RTMGRP_IPV6_ROUTE),
    NEIGHBOUR(Rtm.RTMGRP_NEIGH);

    private final int mask;

    EventGroup(int mask) {
        this.mask = mask;
    }

    /** The nl_groups bits for bind(2). */
    static int mask(Set<EventGroup> groups) {
        int mask = 0;
        for (EventGroup g : groups) {
            mask |= g.mask;
        }
        return mask;
    }
}
