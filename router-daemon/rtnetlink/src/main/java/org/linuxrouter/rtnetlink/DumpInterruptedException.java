package org.linuxrouter.rtnetlink;

import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.Errno;

/**
 * The kernel flagged a dump NLM_F_DUMP_INTR: the table changed while it was being read, so the result may be
 * inconsistent. Nothing is wrong: run the same dump again.
 */
public final class DumpInterruptedException extends NetlinkException {
    public DumpInterruptedException(String operation) {
        super(operation, Errno.EINTR, Optional.of("dump interrupted by a concurrent change, retry it"), null);
    }
}
