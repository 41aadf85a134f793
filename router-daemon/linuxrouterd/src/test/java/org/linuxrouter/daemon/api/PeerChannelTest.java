package org.linuxrouter.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.config.PeerConfig;
import org.linuxrouter.daemon.services.peer.ForgetOutbox;
import org.linuxrouter.daemon.services.peer.PeerChannel;
import org.linuxrouter.daemon.services.vrrp.VrrpState;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.PeerState;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

/**
 * The peer channel against a real peer API (in-process, pinned TLS, signed): the password-ack endpoint forgets
 * only the acknowledged password and persists it; the outbox survives a restart and is delivered once the peer
 * can be reached; two polls that see both routers MASTER raise the split brain, the first that does not clears it.
 */
class PeerChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "Xk3-first";

    @Test
    void thePeersEndpointForgetsOnlyTheAcknowledgedPasswordAndPersistsIt(@TempDir Path dir) throws Exception {
        try (ApiFixture peer = new ApiFixture(dir, true)) {
            HttpRouterClient client = withNicAndPassword(peer);
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, PasswordAck.of(Secret.of("another")));
            assertTrue(passwordSet(client), "another password's acknowledgement changes nothing");
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, PasswordAck.of(Secret.of(PASSWORD)));
            assertFalse(passwordSet(client), "forgotten");
            assertTrue(new FileStateStore(dir).load().network(ApiTest.NET_A).orElseThrow().nic(ApiTest.NIC)
                    .orElseThrow().password().isEmpty(), "and persisted");
            // idempotent, and unknown networks or NICs are not an error the sender would retry
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, PasswordAck.of(Secret.of(PASSWORD)));
            client.acknowledgePassword(Uuid.parse("00000000-0000-4000-8000-000000000001"), ApiTest.NIC,
                    PasswordAck.of(Secret.of(PASSWORD)));
        }
    }

    @Test
    void aPasswordArrivingAfterThePeersAcknowledgementIsNotStored(@TempDir Path dir) throws Exception {
        try (ApiFixture peer = new ApiFixture(dir, true)) {
            HttpRouterClient client = peer.client();
            client.putNetwork(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24"));
            client.putNic(ApiTest.NET_A, ApiTest.nic("10.1.1.10"));
            // the guest acknowledged on the other router before the plugin's PUT with the password reached this one
            client.acknowledgePassword(ApiTest.NET_A, ApiTest.NIC, PasswordAck.of(Secret.of(PASSWORD)));
            NicSpec late = ApiTest.nic("10.1.1.10").newBuilder().password(Secret.of(PASSWORD)).build();
            client.putNic(ApiTest.NET_A, late);
            assertFalse(passwordSet(client), "never served here");
            client.putNic(ApiTest.NET_A, late);
            assertFalse(passwordSet(client), "not on a retried PUT either");
            client.putNic(ApiTest.NET_A, ApiTest.nic("10.1.1.10").newBuilder().password(Secret.of("a-new-one"))
                    .build());
            assertTrue(passwordSet(client), "a new password CloudStack sets is stored as always");
        }
    }

    @Test
    void badPasswordAcksAre4xxAndChangeNothing(@TempDir Path dir) throws Exception {
        try (ApiFixture peer = new ApiFixture(dir, false)) {
            String nic = new JsonCodec().encode(ApiTest.nic("10.1.1.10").newBuilder()
                    .password(Secret.of(PASSWORD)).build());
            assertEquals(200, peer.signed("PUT", "/v1/networks/" + ApiTest.NET_A, new JsonCodec().encode(
                    ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24")).getBytes(StandardCharsets.UTF_8),
                    JsonCodec.JSON).statusCode());
            String nicPath = "/v1/networks/" + ApiTest.NET_A + "/nics/" + ApiTest.NIC;
            assertEquals(200, peer.signed("PUT", nicPath, nic.getBytes(StandardCharsets.UTF_8), JsonCodec.JSON)
                    .statusCode());
            String ack = nicPath + "/password-ack";
            String good = new JsonCodec().encode(PasswordAck.of(Secret.of(PASSWORD)));
            HttpResponse<String> plain = peer.signed("PUT", ack, PASSWORD.getBytes(StandardCharsets.UTF_8),
                    JsonCodec.JSON);
            assertEquals(400, plain.statusCode(), plain.body());
            assertFalse(plain.body().contains(PASSWORD), "a refusal never quotes what it was sent");
            HttpResponse<String> upper = peer.signed("PUT", ack, good.toUpperCase().replace("SHA256", "sha256")
                    .getBytes(StandardCharsets.UTF_8), JsonCodec.JSON);
            assertEquals(400, upper.statusCode());
            assertTrue(upper.body().contains("\"field\":\"sha256\""), upper.body());
            assertEquals(405, peer.signed("GET", ack, new byte[0], null).statusCode());
            assertEquals(400, peer.signed("PUT", "/v1/networks/" + ApiTest.NET_A + "/nics/not-a-uuid/password-ack",
                    good.getBytes(StandardCharsets.UTF_8), JsonCodec.JSON).statusCode());
            assertEquals(401, peer.send(peer.raw("PUT", ack, good.getBytes(StandardCharsets.UTF_8), JsonCodec.JSON))
                    .statusCode(), "signed like every other write");
            assertTrue(peer.service.desiredState().network(ApiTest.NET_A).orElseThrow().nic(ApiTest.NIC)
                    .orElseThrow().password().isPresent(), "nothing changed");
        }
    }

    @Test
    void theOutboxSurvivesARestartAndIsDeliveredOnceThePeerCanBeReached(@TempDir Path dir) throws Exception {
        Path peerDir = Files.createDirectories(dir.resolve("peer"));
        Path localDir = Files.createDirectories(dir.resolve("local"));
        Path secretFile = dir.resolve("peer-secret");
        try (ApiFixture peer = new ApiFixture(peerDir, true)) {
            HttpRouterClient client = withNicAndPassword(peer);
            PeerConfig config = new PeerConfig(peer.base(), CertificateFingerprint.parse(
                    peer.identity.orElseThrow().fingerprint()), secretFile, Duration.ofMillis(100));

            // The peer's secret is not there yet: nothing can be delivered, the acknowledgement waits on disk.
            PeerChannel first = new PeerChannel(config, new ForgetOutbox(localDir), () -> VrrpState.MASTER,
                    Clock.systemUTC());
            first.start();
            first.acknowledged(ApiTest.NET_A, ApiTest.NIC, Secret.of(PASSWORD));
            assertTrue(eventually(() -> peerState(first).error().isPresent()), "the failure is shown");
            assertTrue(peerState(first).error().get().contains("pair_peer_secret_file"), "naming the key: "
                    + peerState(first).error().get());
            PeerState waiting = peerState(first);
            assertEquals(1, waiting.pendingForgets());
            assertFalse(waiting.reachable());
            assertTrue(passwordSet(client));
            first.close();
            String onDisk = Files.readString(localDir.resolve(ForgetOutbox.FILE_NAME));
            assertFalse(onDisk.contains(PASSWORD), "the outbox holds a digest, never the password");
            assertTrue(onDisk.contains(PasswordAck.of(Secret.of(PASSWORD)).sha256()), onDisk);

            // A restarted daemon finds it, and delivers it once the operator put the peer's secret in place.
            Files.writeString(secretFile, peer.secret.encoded() + "\n");
            Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
            ForgetOutbox reopened = new ForgetOutbox(localDir);
            assertEquals(1, reopened.size());
            try (PeerChannel second = new PeerChannel(config, reopened, () -> VrrpState.BACKUP, Clock.systemUTC())) {
                second.start();
                assertTrue(eventually(() -> !passwordSet(client)), "the peer forgot the password");
                assertTrue(eventually(() -> reopened.size() == 0), "and the outbox is empty");
                assertTrue(eventually(() -> second.delivered() == 1), "counted");
                assertTrue(eventually(() -> peerState(second).reachable() && peerState(second).error().isEmpty()),
                        peerState(second).toString());
            }
            assertEquals(0, new ForgetOutbox(localDir).size(), "emptied on disk too");
        }
    }

    @Test
    void bothMasterInTwoPollsIsASplitBrainThatClearsWhenOneIsBackup(@TempDir Path dir) throws Exception {
        Path secretFile = dir.resolve("peer-secret");
        try (ApiFixture peer = new ApiFixture(Files.createDirectories(dir.resolve("peer")), true)) {
            AtomicReference<PairState.Role> peerRole = new AtomicReference<>(PairState.Role.MASTER);
            peer.service.reportPairWith(() -> Optional.of(PairState.of(peerRole.get(), 1, null, 0, null)));
            Files.writeString(secretFile, peer.secret.encoded());
            Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
            AtomicReference<VrrpState> local = new AtomicReference<>(VrrpState.BACKUP);
            PeerConfig config = new PeerConfig(peer.base(), CertificateFingerprint.parse(
                    peer.identity.orElseThrow().fingerprint()), secretFile, Duration.ofMillis(100));
            try (PeerChannel channel = new PeerChannel(config, new ForgetOutbox(dir.resolve("local")), local::get,
                    Clock.systemUTC())) {
                channel.start();
                assertTrue(eventually(() -> peerState(channel).role().equals(Optional.of(PairState.Role.MASTER))));
                Thread.sleep(500);
                assertFalse(channel.splitBrain(), "backup and master: no split brain");

                local.set(VrrpState.MASTER); // the VRRP link is cut: this router took over too
                assertTrue(eventually(channel::splitBrain), "both MASTER is detected");
                PairState shown = channel.decorate(PairState.of(PairState.Role.MASTER, 2, null, 0, null));
                assertTrue(shown.splitBrain());
                assertEquals(1, shown.peer().orElseThrow().splitBrains());

                peerRole.set(PairState.Role.BACKUP); // the link is back: VRRP elected one master
                assertTrue(eventually(() -> !channel.splitBrain()), "the split brain clears");
                assertEquals(1, peerState(channel).splitBrains(), "counted once");
            }
        }
    }

    private static HttpRouterClient withNicAndPassword(ApiFixture peer) throws Exception {
        HttpRouterClient client = peer.client();
        client.putNetwork(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24"));
        client.putNic(ApiTest.NET_A, ApiTest.nic("10.1.1.10").newBuilder().password(Secret.of(PASSWORD)).build());
        assertTrue(passwordSet(client));
        return client;
    }

    private static boolean passwordSet(HttpRouterClient client) {
        try {
            return client.getNetwork(ApiTest.NET_A).orElseThrow().nics().stream()
                    .filter(n -> n.uuid().equals(ApiTest.NIC)).map(NicSpec::password).findFirst().orElseThrow()
                    .isPresent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static PeerState peerState(PeerChannel channel) {
        return channel.decorate(PairState.of(PairState.Role.UNKNOWN, 0, null, 0, null)).peer().orElseThrow();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
