/**
 * The desired-state store: what CloudStack asked this router to configure, kept on disk so a restarted
 * daemon converges to the same state without waiting for CloudStack to resend it.
 *
 * <p>Owns the immutable {@link org.linuxrouter.daemon.store.DesiredState} (networks by UUID, each a
 * {@link org.linuxrouter.daemon.store.NetworkRecord} of spec, NICs and revision; a global revision counter;
 * no address routed to two NICs), the {@link org.linuxrouter.daemon.store.StateStore} port and its
 * {@link org.linuxrouter.daemon.store.FileStateStore} ({@code state.json}, specs written by the protocol's
 * codec, a schema version, never silently replaced), and {@link org.linuxrouter.daemon.store.AtomicFile}
 * (whole-file replacement that survives a crash at any point: temp file, fsync, rename, fsync of the
 * directory). Nothing in this package touches the kernel or the network.
 */
package org.linuxrouter.daemon.store;
