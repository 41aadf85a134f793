/**
 * The desired-state store: what CloudStack asked this router to configure, kept on disk so a restarted
 * daemon converges to the same state without waiting for CloudStack to resend it.
 *
 * <p>Owns {@link org.linuxrouter.daemon.store.AtomicFile} (whole-file replacement that survives a crash at any
 * point: temp file, fsync, rename, fsync of the directory) and {@link org.linuxrouter.daemon.store.StoreException}.
 * The desired-state values and the JSON file store built on them live here too. Nothing in this package touches
 * the kernel or the network.
 */
package org.linuxrouter.daemon.store;
