/**
 * Request signing shared by both ends: the plugin signs with {@link org.linuxrouter.protocol.auth.RequestSigner},
 * the daemon checks with {@link org.linuxrouter.protocol.auth.SignatureVerifier}, and both build the same
 * {@link org.linuxrouter.protocol.auth.CanonicalRequest}:
 *
 * <pre>
 * METHOD \n REQUEST-TARGET \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
 * </pre>
 *
 * signed with HMAC-SHA256 under the per-router {@link org.linuxrouter.protocol.auth.RouterSecret}. The
 * headers are {@code X-LR-Timestamp} (Unix seconds), {@code X-LR-Nonce} (16..64 base64url characters)
 * and {@code X-LR-Signature} (64 lower-case hex digits); see {@link org.linuxrouter.protocol.auth.SignatureHeaders}.
 * Requests more than 300 s from the verifier's clock, and nonces seen before inside that window, are
 * refused. Nothing in this package logs or prints secret material; failure details are safe to return
 * to the caller. Uses only the JDK.
 */
package org.linuxrouter.protocol.auth;
