package org.linuxrouter.daemon.services.vrrp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line keepalived writes to its notify FIFO for a VRRP instance: {@code INSTANCE "name" MASTER 100}, or the
 * event {@code INSTANCE "name" MASTER_RX_LOWER_PRI 110}: this router, master, heard an advertisement of lower
 * priority, i.e. the peer believed the master dead for a moment and took over ({@code lowerPriorityAdvert}; the
 * state stays MASTER). Group, virtual-server and real-server lines, and anything malformed, parse to empty.
 */
record NotifyLine(String instance, VrrpState state, int priority, boolean lowerPriorityAdvert) {

    static final String LOWER_PRIORITY_ADVERT = "MASTER_RX_LOWER_PRI";

    private static final Pattern INSTANCE = Pattern.compile(
            "INSTANCE \"([A-Za-z0-9_.-]{1,64})\" (MASTER|BACKUP|FAULT|STOP|DELETED|" + LOWER_PRIORITY_ADVERT
                    + ") (\\d{1,3})");

    static Optional<NotifyLine> parse(String line) {
        Matcher m = INSTANCE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean lower = m.group(2).equals(LOWER_PRIORITY_ADVERT);
        return Optional.of(new NotifyLine(m.group(1), lower ? VrrpState.MASTER : VrrpState.ofWord(m.group(2)),
                Integer.parseInt(m.group(3)), lower));
    }
}
