package org.linuxrouter.cloudstack.reconcile;

/** How much a sync pushes. */
public enum SyncMode {
    /** Only what differs from what the router reports (the periodic reconciliation). */
    DIFFERENCES,
    /**
     * Every network and NIC CloudStack holds, whatever the router reports (syncLinuxRouter, e.g. after a router
     * reinstall); unchanged ones are no-ops on the router. Extra networks and NICs are removed in both modes.
     */
    EVERYTHING
}
