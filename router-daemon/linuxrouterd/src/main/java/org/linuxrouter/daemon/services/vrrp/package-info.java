/**
 * The router pair: a real keepalived, started, configured and restarted by the daemon, holds every guest gateway
 * address on the VRRP master only. {@link org.linuxrouter.daemon.services.vrrp.KeepalivedConf} renders its
 * configuration from the daemon's settings and desired state, {@link org.linuxrouter.daemon.services.vrrp.Keepalived}
 * checks ({@code keepalived -t}), installs, reloads (SIGHUP, mastership kept) and supervises it,
 * {@link org.linuxrouter.daemon.services.vrrp.NotifyFifo} reads its state changes, and
 * {@link org.linuxrouter.daemon.services.vrrp.VrrpService} ties them together and acts on a takeover.
 */
package org.linuxrouter.daemon.services.vrrp;
