package org.linuxrouter.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Secret;

/**
 * The NIC's password tombstone through the real API (in-process daemon, pinned TLS, signed requests, the state
 * file on disk): whichever comes first, the acknowledgement (the peer's {@code password-ack} or the router's own
 * guest's) or the PUT carrying the password, the consumed password is never held again, across restarts; a new
 * password is stored as always.
 */
class PasswordTombstoneTest {

    private static final String PASSWORD = "Xk3-consumed";
    private static final PasswordAck ACK = PasswordAck.of(Secret.of(PASSWORD));

    @Test
    void ackThenPutTheLatePasswordIsNotStoredEvenAfterARestart(@TempDir Path dir) throws Exception {
        try (ApiFixture router = new ApiFixture(dir, true)) {
            HttpRouterClient client = networkWithNic(router, ApiTest.nic("10.1.1.10"));
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, ACK); // the peer's guest fetched it first
        }
        String onDisk = Files.readString(dir.resolve(FileStateStore.FILE_NAME));
        assertTrue(onDisk.contains(ACK.sha256()), "the tombstone is durable: " + onDisk);
        assertFalse(onDisk.contains(PASSWORD), "a digest, never the password");
        try (ApiFixture restarted = new ApiFixture(dir, true)) {
            HttpRouterClient client = restarted.client();
            client.putNic(ApiTest.NET_A, withPassword(PASSWORD)); // the plugin's resync, after the restart
            assertFalse(passwordSet(client), "the consumed password is not stored");
            assertEquals(ApiTest.nic("10.1.1.10"), nic(client), "the rest of the NIC is");
            client.putNic(ApiTest.NET_A, withPassword("a-new-one"));
            assertTrue(passwordSet(client), "a new password CloudStack sets is stored as always");
        }
    }

    @Test
    void putThenAckForgetsItAndARepeatedPutDoesNotBringItBack(@TempDir Path dir) throws Exception {
        try (ApiFixture router = new ApiFixture(dir, true)) {
            HttpRouterClient client = networkWithNic(router, withPassword(PASSWORD));
            assertTrue(passwordSet(client));
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, ACK);
            assertFalse(passwordSet(client), "forgotten");
            client.putNic(ApiTest.NET_A, withPassword(PASSWORD)); // a resync carrying the password once more
            assertFalse(passwordSet(client), "not resurrected");
        }
        try (ApiFixture restarted = new ApiFixture(dir, true)) {
            restarted.client().putNic(ApiTest.NET_A, withPassword(PASSWORD));
            assertFalse(passwordSet(restarted.client()), "nor after a restart");
        }
    }

    @Test
    void theRoutersOwnGuestsAcknowledgementIsATombstoneToo(@TempDir Path dir) throws Exception {
        try (ApiFixture router = new ApiFixture(dir, true)) {
            HttpRouterClient client = networkWithNic(router, withPassword(PASSWORD));
            router.service.forgetPassword(ApiTest.NET_A, ApiTest.NIC, Secret.of(PASSWORD)); // saved_password
            assertFalse(passwordSet(client));
            client.putNic(ApiTest.NET_A, withPassword(PASSWORD));
            assertFalse(passwordSet(client), "the password server does not get it back");
        }
    }

    @Test
    void anAckForANetworkNotHereYetStillStopsThePasswordThatCreatesIt(@TempDir Path dir) throws Exception {
        try (ApiFixture router = new ApiFixture(dir, true)) {
            HttpRouterClient client = router.client();
            // the router was down while the network was created; the peer's acknowledgement arrives first
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, ACK);
            client.putNetwork(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24"));
            client.putNic(ApiTest.NET_A, withPassword(PASSWORD));
            assertFalse(passwordSet(client));
        }
    }

    @Test
    void deletingTheNetworkDropsItsTombstones(@TempDir Path dir) throws Exception {
        try (ApiFixture router = new ApiFixture(dir, true)) {
            HttpRouterClient client = router.client();
            client.putNetwork(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24"));
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, ACK);
            assertTrue(router.service.desiredState().consumedPassword(ApiTest.NIC).isPresent());
            client.deleteNetwork(ApiTest.NET_A);
            assertTrue(router.service.desiredState().consumedPassword(ApiTest.NIC).isEmpty(),
                    "nothing left of a deleted network");
            assertTrue(new FileStateStore(dir).load().consumed().isEmpty(), "on disk either");
        }
    }

    private static HttpRouterClient networkWithNic(ApiFixture router, NicSpec nic) throws Exception {
        HttpRouterClient client = router.client();
        client.putNetwork(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24"));
        client.putNic(ApiTest.NET_A, nic);
        return client;
    }

    private static NicSpec withPassword(String password) {
        return ApiTest.nic("10.1.1.10").newBuilder().password(Secret.of(password)).build();
    }

    private static NicSpec nic(HttpRouterClient client) throws Exception {
        return client.getNetwork(ApiTest.NET_A).orElseThrow().nics().stream()
                .filter(n -> n.uuid().equals(ApiTest.NIC)).findFirst().orElseThrow();
    }

    private static boolean passwordSet(HttpRouterClient client) throws Exception {
        return nic(client).password().isPresent();
    }

}
