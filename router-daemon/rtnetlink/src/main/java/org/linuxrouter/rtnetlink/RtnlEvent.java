package org.linuxrouter.rtnetlink;

/** A change the kernel announced on a subscribed group, decoded. */
public sealed interface RtnlEvent {
    /** NEW covers both creation and change (the kernel sends RTM_NEW* for either); DELETED is RTM_DEL*. */
    enum Action { NEW, DELETED }

    Action action();

    /** RTM_NEWLINK / RTM_DELLINK. */
    record LinkEvent(Action action, Link link) implements RtnlEvent {
    }

    /** RTM_NEWADDR / RTM_DELADDR. */
    record AddressEvent(Action action, Address address) implements RtnlEvent {
    }

    /** RTM_NEWROUTE / RTM_DELROUTE (IPv4 and IPv6 only). */
    record RouteEvent(Action action, Route route) implements RtnlEvent {
    }

    /** RTM_NEWNEIGH / RTM_DELNEIGH. */
    record NeighbourEvent(Action action, Neighbour neighbour) implements RtnlEvent {
    }
}
