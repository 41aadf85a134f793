package org.linuxrouter.rtnetlink.internal;

import java.util.List;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/**
 * Every object message of one complete dump, NLMSG_DONE excluded.
 *
 * @param messages    the RTM_NEW* messages, in the kernel's order
 * @param interrupted the kernel flagged NLM_F_DUMP_INTR: the table changed during the dump, so the list may be
 *                    inconsistent and the dump should be retried
 */
public record DumpReply(List<NetlinkMessage> messages, boolean interrupted) {
    public DumpReply {
        messages = List.copyOf(messages);
    }
}
