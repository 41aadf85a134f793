package org.linuxrouter.rtnetlink.internal;

import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.Errno;

/**
 * A libc call returned -1, or the kernel answered a netlink request with a negative error. The public layer maps
 * this to NetlinkException; it never leaves the library.
 */
public final class ErrnoException extends RuntimeException {
    private final String call;
    private final int errno;
    private final Optional<String> extack;

    public ErrnoException(String call, int errno, Optional<String> extack, Throwable cause) {
        super(call + " failed: " + Errno.name(errno) + " (" + Errno.description(errno) + ")"
                + extack.map(m -> ": " + m).orElse(""), cause);
        this.call = call;
        this.errno = errno;
        this.extack = extack;
    }

    public ErrnoException(String call, int errno) {
        this(call, errno, Optional.empty(), null);
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    public Optional<String> extack() {
        return extack;
    }
}
