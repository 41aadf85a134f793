/**
 * The client CloudStack uses to talk to one router: {@link org.linuxrouter.protocol.client.RouterClient}
 * (the seam the plugin depends on and fakes in tests) and {@link org.linuxrouter.protocol.client.HttpRouterClient},
 * built on {@code java.net.http} only. Every request is signed ({@code auth}), sent over TLS pinned to
 * the router's SHA-256 certificate fingerprint, retried with backoff only when it is idempotent and
 * the failure is a connect failure, 503 or 429, and mapped to one exception family rooted at
 * {@link org.linuxrouter.protocol.client.RouterClientException}. Messages name the router URL and the
 * operation, never the secret.
 */
package org.linuxrouter.protocol.client;
