package org.linuxrouter.daemon.services.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

/** The durable outbox on a real file: order, one entry per NIC, owner-only, and an unreadable file moved aside. */
class ForgetOutboxTest {

    private static final Uuid NET = Uuid.parse("5a1b2c3d-0000-4000-8000-00000000aa01");
    private static final Uuid NIC_1 = Uuid.parse("5a1b2c3d-0000-4000-8000-00000000bb01");
    private static final Uuid NIC_2 = Uuid.parse("5a1b2c3d-0000-4000-8000-00000000bb02");
    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void oldestFirstOnePerNicAndANewerAckSurvivesTheOlderOnesDelivery(@TempDir Path dir) throws Exception {
        ForgetOutbox outbox = new ForgetOutbox(dir);
        PendingForget first = forget(NIC_1, "pw-1", 0);
        PendingForget second = forget(NIC_2, "pw-2", 1);
        outbox.add(first);
        outbox.add(second);
        assertEquals(Optional.of(first), outbox.oldest());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox.path())));

        PendingForget newer = forget(NIC_1, "pw-1b", 2); // CloudStack set a new password, the guest acked it too
        outbox.add(newer);
        assertEquals(List.of(second, newer), outbox.entries(), "replaced, and now the newest");
        outbox.remove(first); // a delivery of the older one finishing late removes nothing
        assertEquals(List.of(second, newer), new ForgetOutbox(dir).entries(), "and so on disk");
        outbox.remove(second);
        outbox.remove(newer);
        assertEquals(0, new ForgetOutbox(dir).size());
    }

    @Test
    void anUnreadableFileIsMovedAsideNotFatal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ForgetOutbox.FILE_NAME), "{\"version\":1,\"forgets\":[{\"network\":\"x\"}]}");
        ForgetOutbox outbox = new ForgetOutbox(dir);
        assertEquals(0, outbox.size());
        assertTrue(Files.exists(dir.resolve(ForgetOutbox.FILE_NAME + ".unreadable")), "kept for the operator");
        outbox.add(forget(NIC_1, "pw-1", 0));
        assertEquals(1, new ForgetOutbox(dir).size(), "and the outbox works again");
    }

    private static PendingForget forget(Uuid nic, String password, int seconds) {
        return new PendingForget(NET, nic, PasswordAck.of(Secret.of(password)), T0.plusSeconds(seconds));
    }
}
