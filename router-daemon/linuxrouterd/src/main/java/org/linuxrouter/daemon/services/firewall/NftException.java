package org.linuxrouter.daemon.services.firewall;

/** nft could not be run or refused the script; the message carries nft's own words. */
public final class NftException extends RuntimeException {
    public NftException(String message) {
        super(message);
    }

    public NftException(String message, Throwable cause) {
        super(message, cause);
    }
}
