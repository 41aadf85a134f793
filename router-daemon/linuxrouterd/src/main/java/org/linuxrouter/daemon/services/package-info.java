/**
 * The services a CloudStack virtual router gave its guests, run by the daemon from desired state:
 * {@link org.linuxrouter.daemon.services.metadata} (metadata, user data and password over HTTP) and
 * {@link org.linuxrouter.daemon.services.firewall} (nftables anti-spoofing).
 */
package org.linuxrouter.daemon.services;
