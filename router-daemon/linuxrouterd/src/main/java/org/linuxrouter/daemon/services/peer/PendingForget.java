package org.linuxrouter.daemon.services.peer;

import java.time.Instant;
import java.util.Objects;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Uuid;

/**
 * A password acknowledgement the peer has not accepted yet: a guest answered {@code saved_password} here for the
 * NIC's password whose SHA-256 is {@code ack}, at {@code since}.
 */
public record PendingForget(Uuid network, Uuid nic, PasswordAck ack, Instant since) {
    public PendingForget {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nic, "nic");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(since, "since");
    }

    /** One entry per NIC: a newer acknowledgement replaces an older one (the peer needs only the newest). */
    String key() {
        return network.value() + "/" + nic.value();
    }
}
