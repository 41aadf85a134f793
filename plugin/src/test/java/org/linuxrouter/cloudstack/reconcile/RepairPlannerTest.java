package org.linuxrouter.cloudstack.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.client.NetworkRef;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

/** Tables of (held by CloudStack, reported by the router, mode) → repairs, in order. */
class RepairPlannerTest {
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String N1 = "11111111-0000-4000-8000-000000000001";
    private static final String N2 = "22222222-0000-4000-8000-000000000002";
    private static final String N3 = "33333333-0000-4000-8000-000000000003";

    @Test
    void inStepNothingToDo() {
        assertEquals(List.of(), plan(List.of(held(A, 100, nic(N1, 10))), List.of(reported(A, 100, nic(N1, 10))),
                SyncMode.DIFFERENCES));
    }

    @Test
    void aRouterThatLostEverythingGetsNetworksThenNics() {
        assertEquals(List.of("put network " + A, "put nic " + N1 + " of " + A, "put nic " + N2 + " of " + A,
                        "put network " + B),
                plan(List.of(held(A, 100, nic(N1, 10), nic(N2, 11)), held(B, 200)), List.of(), SyncMode.DIFFERENCES));
    }

    @Test
    void aChangedSpecOrNicIsPutAgainAndExtrasAreDeleted() {
        List<String> repairs = plan(List.of(held(A, 101, nic(N1, 20), nic(N2, 11))),
                List.of(reported(A, 100, nic(N1, 10), nic(N3, 12)), reported(B, 200)), SyncMode.DIFFERENCES);
        assertEquals(List.of("put network " + A, "put nic " + N1 + " of " + A, "put nic " + N2 + " of " + A,
                "delete nic " + N3 + " of " + A, "delete network " + B), repairs);
    }

    @Test
    void everythingModePushesAllHeldEvenWhenInStep() {
        assertEquals(List.of("put network " + A, "put nic " + N1 + " of " + A, "delete network " + B),
                plan(List.of(held(A, 100, nic(N1, 10))), List.of(reported(A, 100, nic(N1, 10)), reported(B, 200)),
                        SyncMode.EVERYTHING));
    }

    @Test
    void guestDataIsComparedAsTheRouterReportsItAndAPendingPasswordIsNoDrift() {
        NicSpec held = nic(N1, 10).newBuilder().hostname(Hostname.parse("web-1"))
                .metadata(java.util.Map.of("instance-id", "i-1")).userData(Secret.of("I2Nsb3VkLWNvbmZpZwo=")).build();
        NicSpec reported = held.newBuilder().password(Secret.of("Pa55-word")).build().redacted();

        assertEquals(List.of(), plan(List.of(held(A, 100, held)), List.of(reported(A, 100, reported)),
                SyncMode.DIFFERENCES), "user data reported as set, a password the vm has not fetched yet");
        assertEquals(List.of("put nic " + N1 + " of " + A), plan(List.of(held(A, 100, held)),
                List.of(reported(A, 100, held.newBuilder().userData(null).build())), SyncMode.DIFFERENCES),
                "user data the router lost is drift");
        assertEquals(List.of("put nic " + N1 + " of " + A), plan(List.of(held(A, 100, held)),
                List.of(reported(A, 100, reported.newBuilder().hostname(Hostname.parse("web-2")).build())),
                SyncMode.DIFFERENCES));
    }

    @Test
    void aPasswordKeptForThisRouterIsAlwaysPutAndOneTheRouterHoldsIsNeverErased() {
        NicSpec kept = nic(N1, 10).newBuilder().password(Secret.of("Pa55-word")).build();
        NicSpec holding = kept.redacted();
        assertEquals(List.of("put nic " + N1 + " of " + A), plan(List.of(held(A, 100, kept)),
                List.of(reported(A, 100, nic(N1, 10))), SyncMode.DIFFERENCES), "the router missed it: drift");
        assertEquals(List.of("put network " + A), plan(List.of(held(A, 100, nic(N1, 10))),
                List.of(reported(A, 100, holding)), SyncMode.EVERYTHING),
                "a nic put without its password would erase one the vm has not fetched yet");
        assertEquals(List.of("put network " + A, "put nic " + N1 + " of " + A), plan(List.of(held(A, 100, nic(N1, 10))),
                List.of(reported(A, 100, nic(N1, 10))), SyncMode.EVERYTHING), "without one, everything is pushed");
    }

    @Test
    void anEmptyCloudStackClearsTheRouter() {
        assertEquals(List.of("delete network " + A), plan(List.of(), List.of(reported(A, 100, nic(N1, 10))),
                SyncMode.DIFFERENCES));
    }

    private static List<String> plan(List<HeldNetwork> held, List<NetworkState> reported, SyncMode mode) {
        return RepairPlanner.plan(held, reported, mode).stream()
                .map(r -> r.kind().text() + r.nicUuid().map(n -> " " + n + " of").orElse("") + " "
                        + r.network().uuid())
                .collect(Collectors.toList());
    }

    private static HeldNetwork held(String uuid, int vlan, NicSpec... nics) {
        return new HeldNetwork(new NetworkRef(1, uuid, null), spec(uuid, vlan), Arrays.asList(nics));
    }

    private static NetworkState reported(String uuid, int vlan, NicSpec... nics) {
        return NetworkState.builder().spec(spec(uuid, vlan)).nics(Arrays.asList(nics))
                .status(NetworkStatus.builder().desiredRevision(3).appliedRevision(3).build()).build();
    }

    private static NetworkSpec spec(String uuid, int vlan) {
        return NetworkSpec.builder().uuid(Uuid.parse(uuid)).segment(Segment.vlan(vlan))
                .gateway4(GatewayAddress.parse("203.0.113.1/24")).build();
    }

    private static NicSpec nic(String uuid, int host) {
        return NicSpec.builder().uuid(Uuid.parse(uuid)).mac(MacAddress.parse(String.format("02:00:00:00:00:%02x", host)))
                .addAddress(IpAddress.parse("203.0.113." + host)).build();
    }
}
