/**
 * Keeping routers in line with CloudStack: {@link org.linuxrouter.cloudstack.reconcile.HeldNetworks} reads what
 * CloudStack holds for a router (its placed networks and their user-VM NICs), the pure
 * {@link org.linuxrouter.cloudstack.reconcile.RepairPlanner} compares it with what the router reports, and
 * {@link org.linuxrouter.cloudstack.reconcile.RouterSync} applies the repairs through {@code client.RouterGateway},
 * logging each. Used by {@code syncLinuxRouter} and by the periodic
 * {@link org.linuxrouter.cloudstack.reconcile.ReconcileManager}.
 */
package org.linuxrouter.cloudstack.reconcile;
