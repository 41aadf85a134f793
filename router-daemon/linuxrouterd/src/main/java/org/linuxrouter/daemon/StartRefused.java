package org.linuxrouter.daemon;

/**
 * The daemon cannot start safely with this configuration on this host (e.g. {@code vrrp_takeover = gate} without a
 * usable nftables); the message says why and what to change. {@link Main} prints it and exits with status 2.
 */
public final class StartRefused extends RuntimeException {
    public StartRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
