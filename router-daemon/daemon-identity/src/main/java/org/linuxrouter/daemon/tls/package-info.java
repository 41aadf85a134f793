/**
 * The daemon's identity material: the HTTPS key and certificate, and the shared secret CloudStack signs
 * requests with.
 *
 * <p>Owns first-start generation (an EC P-256 key with a self-signed certificate made with BouncyCastle, stored
 * as PKCS#12; 32 random bytes for the secret; both mode 0600), loading them on later starts,
 * {@link org.linuxrouter.daemon.tls.Fingerprint} (the SHA-256 fingerprint CloudStack pins, spelled like
 * {@code openssl x509 -fingerprint -sha256}) and the TLS 1.2+ {@code SSLContext} for the JDK HttpsServer.
 * Files are written through {@link org.linuxrouter.daemon.store.AtomicFile}, so a crash during first start never
 * leaves half a keystore.
 */
package org.linuxrouter.daemon.tls;
