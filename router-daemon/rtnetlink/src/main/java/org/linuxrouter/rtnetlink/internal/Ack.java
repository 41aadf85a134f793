package org.linuxrouter.rtnetlink.internal;

import java.util.Optional;

/**
 * The kernel's answer to one ACKed request.
 *
 * @param errno  0 for success, otherwise the positive errno
 * @param extack the kernel's reason (NLMSGERR_ATTR_MSG), when it gave one
 */
public record Ack(int errno, Optional<String> extack) {
    public static final Ack OK = new Ack(0, Optional.empty());

    public boolean succeeded() {
        return errno == 0;
    }
}
