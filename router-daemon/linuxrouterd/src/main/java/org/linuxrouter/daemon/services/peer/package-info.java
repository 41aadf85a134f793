/**
 * The peer channel of a router pair: this daemon talking to the other router's daemon over the management network
 * with the signed HTTPS API. {@link org.linuxrouter.daemon.services.peer.ForgetOutbox} keeps password
 * acknowledgements durable until the peer accepted them; {@link org.linuxrouter.daemon.services.peer.PeerChannel}
 * delivers them and polls the peer's status to detect a split brain.
 */
package org.linuxrouter.daemon.services.peer;
