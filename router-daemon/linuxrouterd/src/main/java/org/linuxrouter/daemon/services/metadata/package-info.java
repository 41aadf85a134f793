/**
 * Metadata, user data and the one-time password, served to guests the way CloudStack's virtual router serves them
 * (Apache on port 80, {@code passwd_server_ip.py} on port 8080), by the daemon's own HTTP layer: one wildcard
 * listener per port that answers a connection by its (local address, peer address) pair through a
 * {@link org.linuxrouter.daemon.services.metadata.MetadataDirectory}, never by anything the guest sends.
 */
package org.linuxrouter.daemon.services.metadata;
