package org.linuxrouter.daemon.services.vrrp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line keepalived writes to its notify FIFO for a VRRP instance: {@code INSTANCE "name" MASTER 100}. Group,
 * virtual-server and real-server lines, and anything malformed, are not instance states and parse to empty.
 */
record NotifyLine(String instance, VrrpState state, int priority) {

    private static final Pattern INSTANCE = Pattern.compile(
            "INSTANCE \"([A-Za-z0-9_.-]{1,64})\" (MASTER|BACKUP|FAULT|STOP|DELETED) (\\d{1,3})");

    static Optional<NotifyLine> parse(String line) {
        Matcher m = INSTANCE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NotifyLine(m.group(1), VrrpState.ofWord(m.group(2)), Integer.parseInt(m.group(3))));
    }
}
