package org.linuxrouter.daemon.store;

import java.util.Objects;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Uuid;

/**
 * A NIC's tombstone: the SHA-256 of the last one-time password a guest fetched and acknowledged, here or on the
 * peer router. That password is never stored again for the NIC, so a late PUT (the plugin's resync of a router
 * that missed the push) cannot hand out a second time what the VM already consumed. {@code revision} is the
 * state revision it was recorded at (the oldest go first when the tombstones overflow).
 */
public record ConsumedPassword(Uuid network, PasswordAck ack, long revision) {
  public ConsumedPassword {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(ack, "ack");
    if (revision < 1) {
      throw new IllegalArgumentException("consumed password: expected a revision of 1 or more, got " + revision);
    }
  }
}
