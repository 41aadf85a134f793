/**
 * DHCP and DNS for guest networks with one real dnsmasq, managed by the daemon: {@link
 * org.linuxrouter.daemon.services.dhcp.DnsmasqRenderer} turns desired state into files (pure), {@link
 * org.linuxrouter.daemon.services.dhcp.DnsmasqFiles} writes only what changed and says what dnsmasq must do about
 * it, {@link org.linuxrouter.daemon.services.dhcp.DnsmasqSupervisor} runs and restarts the process, and {@link
 * org.linuxrouter.daemon.services.dhcp.DhcpDnsStage} is the reconcile stage tying them together.
 *
 * <p>One process for every network, per-network settings in the main file (restart when a network's DHCP
 * range or interface set changes), per-NIC and per-network options and names in the directories dnsmasq
 * watches with inotify (a new NIC is picked up with no signal at all; a changed or removed NIC needs SIGHUP,
 * which re-reads the directories but keeps the process, its sockets and the other networks' leases).
 */
package org.linuxrouter.daemon.services.dhcp;
