package org.linuxrouter.rtnetlink;

import java.util.Optional;
import java.util.Set;
import org.linuxrouter.rtnetlink.wire.Errno;

/**
 * The kernel refused a request, or a netlink socket call failed. The message reads like
 * {@code RTM_NEWLINK eth1.100 failed: EEXIST (File exists)}, followed by the kernel's own reason when it gave one.
 */
public class NetlinkException extends RuntimeException {
    /** What the kernel answers when the object a request names does not exist (link, address, route, entry). */
    private static final Set<Integer> NOT_FOUND = Set.of(Errno.ENOENT, Errno.ENODEV, Errno.ESRCH,
            Errno.EADDRNOTAVAIL);

    private final int errno;
    private final Optional<String> extack;
    private final String operation;

    public NetlinkException(String operation, int errno, Optional<String> extack, Throwable cause) {
        super(operation + " failed: " + Errno.name(errno) + " (" + Errno.description(errno) + ")"
                + extack.map(m -> "; kernel says: " + m).orElse(""), cause);
        this.errno = errno;
        this.extack = extack;
        this.operation = operation;
    }

    /** The positive errno, e.g. 17 for EEXIST. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno, e.g. {@code EEXIST}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** The kernel's extended-ack text, e.g. {@code ipv4: Address already assigned}. */
    public Optional<String> extack() {
        return extack;
    }

    /** The request that failed, e.g. {@code RTM_NEWADDR 192.0.2.1/24 dev 3}. */
    public String operation() {
        return operation;
    }

    /**
     * The object named does not exist (ENOENT, ENODEV, ESRCH or EADDRNOTAVAIL). On a delete this means "already
     * gone", which lets callers make deletes idempotent.
     */
    public boolean isNotFound() {
        return NOT_FOUND.contains(errno);
    }

    /** The object to create exists already (EEXIST). */
    public boolean isAlreadyExists() {
        return errno == Errno.EEXIST;
    }
}
