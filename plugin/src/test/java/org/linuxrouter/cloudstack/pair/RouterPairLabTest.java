package org.linuxrouter.cloudstack.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.api.response.RouterResponses;
import org.linuxrouter.cloudstack.reconcile.HeldNetworks;
import org.linuxrouter.cloudstack.reconcile.ReconcileManager;
import org.linuxrouter.cloudstack.reconcile.RouterSync;
import org.linuxrouter.cloudstack.reconcile.SyncReport;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterDraft;
import org.linuxrouter.cloudstack.testing.CloudStackVm;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.cloudstack.testing.RouterPairLab;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PairState;
import org.mockito.ArgumentCaptor;

import com.cloud.network.Network;
import com.cloud.vm.Nic;
import com.cloud.vm.NicProfile;
import com.cloud.vm.NicVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;
import com.cloud.vm.dao.NicDao;

/**
 * The plugin's side of the router pair against two real linuxrouterd processes running VRRP with a real keepalived
 * ({@link RouterPairLab}, host kernel, VXLAN networks): the second router registered with {@code pairwith}, every
 * change on both, one member killed (an unreachable router) while networks change, the change still succeeding with
 * one alert and the member lagging, and the member converging to CloudStack's view (extras removed, never the
 * union) as soon as it answers again. Then the one-time password: pushed while member 2 is down, it is kept for
 * member 2, delivered at its resync and served there exactly once after a failover to it; and a password the VM
 * fetched from the master while the other member was down is never served by that member, although its resync
 * carries it (the router's tombstone, fed by the peer channel). Only CloudStack's beans are Mockito mocks. One
 * scenario, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterPairLabTest {
    private static final String NET_A = "6f1c2a3b-4d5e-4f60-8a7b-000000005101";
    private static final String NET_B = "6f1c2a3b-4d5e-4f60-8a7b-000000005102";
    private static final String NIC_A = "0a1b2c3d-4e5f-4a6b-8c7d-00000000000a";
    private static final String NIC_B = "0a1b2c3d-4e5f-4a6b-8c7d-00000000000b";
    private static final String NET_C = "6f1c2a3b-4d5e-4f60-8a7b-000000005103";
    private static final String NIC_C = "0a1b2c3d-4e5f-4a6b-8c7d-00000000000c";
    private static final long NIC_C_ID = 31;
    private static final String GATEWAY_C = "198.51.100.129";
    private static final String VM_C = "198.51.100.130";

    private final PluginFixture plugin = new PluginFixture();
    private final NicDao nics = plugin.nics;
    private final RouterSync sync = new RouterSync(new HeldNetworks(plugin.placements, plugin.registries.entities(), nics,
            plugin.guestServices, plugin.pendingPasswords), plugin.gateway, plugin.registry, plugin.pendingPasswords);
    private final ReconcileManager manager = new ReconcileManager(plugin.registry, sync);
    private final RouterResponses responses = new RouterResponses(plugin.registries.entities(), plugin.placements,
            plugin.registry, plugin.gateway);
    private final Network networkA = vxlanNetwork(11, NET_A, 5101, "198.51.100.1", "198.51.100.0/26");
    private final Network networkB = vxlanNetwork(12, NET_B, 5102, "198.51.100.65", "198.51.100.64/26");
    private final NicProfile nicA = GuestNetworks.nic(NIC_A, "02:00:4c:00:00:0a", "198.51.100.10", null);
    private final NicProfile nicB = GuestNetworks.nic(NIC_B, "02:00:4c:00:00:0b", "198.51.100.70", null);
    private final Network networkC = vxlanNetwork(13, NET_C, 5103, GATEWAY_C, "198.51.100.128/26");
    private final NicProfile nicC = GuestNetworks.nic(NIC_C, "02:00:4c:00:00:0c", VM_C, null);
    /** A user VM on network C whose offering gives LinuxRouter Dhcp, Dns and UserData (so passwords). */
    private CloudStackVm vmC;
    private RouterPairLab lab;
    private LinuxRouterVO r1;
    private LinuxRouterVO r2;

    @BeforeAll
    void start() throws Exception {
        lab = RouterPairLab.start("lrpw" + ProcessHandle.current().pid() % 1000);
        when(plugin.registries.entities().findById(eq(Network.class), eq(11L))).thenReturn(networkA);
        when(plugin.registries.entities().findById(eq(Network.class), eq(12L))).thenReturn(networkB);
        List<NicVO> onB = List.of(storedNic(NIC_B, "02:00:4c:00:00:0b", "198.51.100.70"));
        when(nics.listByNetworkId(12L)).thenReturn(onB);
        when(nics.listByNetworkId(11L)).thenReturn(List.of());
        when(plugin.registries.entities().findById(eq(Network.class), eq(13L))).thenReturn(networkC);
        vmC = new CloudStackVm(plugin, networkC, nicC, NIC_C_ID, 61, "c2b0c2b0-0000-4000-8000-000000000061", "vm-c",
                null, null);
        NicVO storedC = storedNic(NIC_C, "02:00:4c:00:00:0c", VM_C);
        when(storedC.getId()).thenReturn(NIC_C_ID);
        when(storedC.getInstanceId()).thenReturn(61L);
        when(storedC.isDefaultNic()).thenReturn(true);
        when(storedC.getNetworkId()).thenReturn(13L);
        when(nics.listByNetworkId(13L)).thenReturn(List.of(storedC));
        when(nics.findByUuid(NIC_C)).thenReturn(storedC);
        when(nics.findByUuidIncludingRemoved(NIC_C)).thenReturn(storedC);
        when(nics.findByIdIncludingRemoved(NIC_C_ID)).thenReturn(storedC);
    }

    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void theSecondRouterIsRegisteredAsThePairOfTheFirst() {
        r1 = plugin.registry.add(draft(1).zoneId(GuestNetworks.ZONE).build());
        r2 = plugin.registry.add(draft(2).pairWith(r1.getId()).build());

        assertEquals(List.of(r1, r2), plugin.registry.members(r1));
        assertEquals(r1.getScope(), r2.getScope());
        assertEquals(2, r2.getPairMember());
        assertNull(r2.getLaggingSince(), "no network was placed yet: nothing to catch up on");
    }

    @Test
    @Order(2)
    void aNetworkAndItsNicGoToBothRoutersAndBothReportTheirVrrpRole() throws Exception {
        assertTrue(plugin.element.prepare(networkA, nicA, userVm(), null, null));

        for (int member = 1; member <= 2; member++) {
            assertEquals(Set.of(NET_A), networksOn(member), "router " + member);
            assertEquals(List.of(NIC_A), nicsOn(member, NET_A), "router " + member);
            assertTrue(lab.links(member).contains("vxlan5101"), "router " + member + ": " + lab.links(member));
        }
        verify(plugin.alerts, never()).sendAlert(any(), any(Long.class), any(), anyString(), anyString());

        long deadline = System.nanoTime() + 30_000_000_000L;
        Set<String> roles = Set.of();
        while (System.nanoTime() < deadline && !roles.equals(Set.of("MASTER", "BACKUP"))) {
            roles = listed().values().stream().map(LinuxRouterResponse::getVrrpRole).filter(r -> r != null)
                    .collect(Collectors.toSet());
            Thread.sleep(500);
        }
        assertEquals(Set.of("MASTER", "BACKUP"), roles, "one master and one backup, as each router reports");
        LinuxRouterResponse first = listed().get("r1");
        assertEquals(r2.getUuid(), first.getPairWith());
        assertEquals("r2", first.getPairWithName());
        assertEquals(r1.getUuid(), listed().get("r2").getPairWith());
        assertEquals(1, first.getNetworkCount());
        assertFalse(first.getSplitBrain(), "the routers hear each other");
        assertNotNull(first.getLastContact());
        assertFalse(first.getLagging());
    }

    @Test
    @Order(3)
    void withOneRouterDownChangesSucceedOnTheOtherWithOneAlertAndTheDownOneLagging() throws Exception {
        lab.kill(2);

        assertTrue(plugin.element.prepare(networkB, nicB, userVm(), null, null), "router 1 acknowledged");
        assertTrue(plugin.element.destroy(networkA, null), "router 1 acknowledged");

        assertEquals(Set.of(NET_B), networksOn(1));
        assertEquals(List.of(NIC_B), nicsOn(1, NET_B));
        assertFalse(lab.links(1).contains("vxlan5101"));
        assertTrue(lab.links(1).contains("vxlan5102"));
        assertNotNull(r2.getLaggingSince(), "router 2 missed the changes");
        assertNull(r1.getLaggingSince());
        ArgumentCaptor<String> subject = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        // one alert for the lagging spell, not one per missed change (three were missed)
        verify(plugin.alerts, times(1)).sendAlert(any(), eq(GuestNetworks.ZONE), isNull(), subject.capture(),
                body.capture());
        assertTrue(subject.getValue().startsWith("Linux router r2 missed a change; its pair member r1 carries"),
                subject.getValue());
        assertTrue(body.getValue().contains("put network " + NET_B), body.getValue());

        LinuxRouterResponse down = listed().get("r2");
        assertTrue(down.getLagging());
        assertNull(down.getVrrpRole(), "a router that does not answer has no role to show");
        assertEquals(0, manager.resyncLagging().size(), "router 2 does not answer yet");
        assertNotNull(r2.getLaggingSince(), "still lagging");
    }

    @Test
    @Order(4)
    void theReturningRouterConvergesToCloudStacksViewNotTheUnion() throws Exception {
        lab.restart(2);
        // the members disagree: router 2 still holds network A (deleted meanwhile) and lacks B
        assertEquals(Set.of(NET_A), networksOn(2));
        assertTrue(lab.links(2).contains("vxlan5101"));

        List<SyncReport> reports = manager.resyncLagging();

        assertEquals(1, reports.size(), reports.toString());
        assertEquals(List.of(), reports.get(0).failures());
        assertEquals(2, reports.get(0).differing(), "A held though deleted, B missing");
        for (int member = 1; member <= 2; member++) {
            assertEquals(Set.of(NET_B), networksOn(member), "router " + member + " holds CloudStack's view");
            assertEquals(List.of(NIC_B), nicsOn(member, NET_B), "router " + member);
        }
        assertFalse(lab.links(2).contains("vxlan5101"), "the extra network is gone from the kernel too");
        assertTrue(lab.links(2).contains("vxlan5102"));
        assertNull(r2.getLaggingSince(), "in step again");
        LinuxRouterResponse back = listed().get("r2");
        assertFalse(back.getLagging());
        assertEquals(0, back.getDrift());
        assertEquals(1, back.getNetworkCount());
        assertEquals(List.of(), manager.resyncLagging(), "nothing lags any more");
    }

    @Test
    @Order(5)
    void aPasswordPushedWhileRouter2IsDownIsKeptDeliveredAtItsResyncAndServedThereOnce() throws Exception {
        lab.kill(2);
        assertTrue(plugin.element.prepare(networkC, nicC, vmC.profile("Pw-once-2"), null, null), "the VM starts");
        assertTrue(passwordSet(1, NET_C, NIC_C));
        assertEquals(Map.of(keyOf(r2), "enc(Pw-once-2)"), plugin.nicDetails.of(NIC_C_ID),
                "kept for router 2 only, through CloudStack's encryption (a visible stand-in here)");

        lab.restart(2);
        List<SyncReport> reports = manager.resyncLagging();
        assertEquals(1, reports.size(), reports.toString());
        assertEquals(List.of(), reports.get(0).failures());
        assertTrue(passwordSet(2, NET_C, NIC_C), "the resync carried it");
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_C_ID), "dropped once router 2 acknowledged it");
        assertNull(r2.getLaggingSince());

        // router 1 goes (cleanly: keepalived hands over at once); the VM asks router 2, now master
        lab.stop(1);
        assertTrue(eventually(() -> lab.role(2) == PairState.Role.MASTER), "router 2 takes over");
        assertEquals("Pw-once-2", lab.password(2, GATEWAY_C, VM_C, "send_my_password"));
        assertEquals("saved_password", lab.password(2, GATEWAY_C, VM_C, "saved_password"));
        assertEquals("saved_password", lab.password(2, GATEWAY_C, VM_C, "send_my_password"), "served once");

        lab.restart(1); // its copy is forgotten through the peer channel, as soon as it answers
        assertTrue(eventually(() -> !passwordSet(1, NET_C, NIC_C)), "router 1 forgot what router 2's guest saved");
        assertTrue(eventually(() -> lab.pendingForgets(2) == 0));
    }

    @Test
    @Order(6)
    void aPasswordTheVmFetchedWhileTheOtherRouterWasDownIsNeverServedThereAfterItsResync() throws Exception {
        int master = lab.role(1) == PairState.Role.MASTER ? 1 : 2;
        int other = 3 - master;
        assertEquals(PairState.Role.MASTER, lab.role(master));
        LinuxRouterVO otherRouter = other == 1 ? r1 : r2;
        lab.kill(other);

        assertTrue(plugin.element.savePassword(networkC, nicC, vmC.profile("Pw-reset-3")), "resetPasswordForVM");
        assertEquals(Set.of(keyOf(otherRouter)), plugin.nicDetails.of(NIC_C_ID).keySet(), "kept for the down one");
        assertEquals("Pw-reset-3", lab.password(master, GATEWAY_C, VM_C, "send_my_password"));
        assertEquals("saved_password", lab.password(master, GATEWAY_C, VM_C, "saved_password"));
        assertEquals(1, lab.pendingForgets(master), "the acknowledgement waits for the down router");

        lab.restart(other);
        // the acknowledgement arrives first, then the resync carrying the password (the order the
        // tombstone exists for; the other order is forgotten on arrival of the acknowledgement)
        assertTrue(eventually(() -> lab.pendingForgets(master) == 0), "delivered to the returning router");
        List<SyncReport> reports = manager.resyncLagging();
        assertEquals(1, reports.size(), reports.toString());
        assertEquals(List.of(), reports.get(0).failures(), "the router answers 2xx: nothing to retry");
        assertFalse(passwordSet(other, NET_C, NIC_C), "not stored: the VM already consumed it");
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_C_ID), "nothing left to send");

        lab.stop(master);
        assertTrue(eventually(() -> lab.role(other) == PairState.Role.MASTER), "the other router takes over");
        assertEquals("saved_password", lab.password(other, GATEWAY_C, VM_C, "send_my_password"),
                "never served a second time");
    }

    private static String keyOf(LinuxRouterVO router) {
        return "linuxrouter.pending.password." + router.getUuid();
    }

    private boolean passwordSet(int member, String network, String nic) {
        try {
            for (NetworkState state : lab.client(member).listNetworks()) {
                if (state.spec().uuid().value().equals(network)) {
                    return state.nics().stream().filter(n -> n.uuid().value().equals(nic))
                            .anyMatch(n -> n.password().isPresent());
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean eventually(ThrowingCondition condition) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (Exception e) {
                // not answering yet
            }
            Thread.sleep(300);
        }
        return false;
    }

    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }

    private RouterDraft.Builder draft(int member) {
        return RouterDraft.newBuilder().name("r" + member).url(lab.url(member)).secret(lab.secret(member))
                .fingerprint(lab.fingerprint(member)).trunkInterface("trunk0").vxlanUnderlay("trunk0")
                .vxlanMode("multicast");
    }

    private Map<String, LinuxRouterResponse> listed() {
        return plugin.registry.all().stream().map(responses::withStatus)
                .collect(Collectors.toMap(LinuxRouterResponse::getName, r -> r));
    }

    private Set<String> networksOn(int member) throws Exception {
        Set<String> uuids = new TreeSet<>();
        for (NetworkState state : lab.client(member).listNetworks()) {
            uuids.add(state.spec().uuid().value());
        }
        return uuids;
    }

    private List<String> nicsOn(int member, String network) throws Exception {
        List<String> uuids = new ArrayList<>();
        for (NetworkState state : lab.client(member).listNetworks()) {
            if (state.spec().uuid().value().equals(network)) {
                state.nics().stream().map(NicSpec::uuid).forEach(u -> uuids.add(u.value()));
            }
        }
        return uuids;
    }

    private static Network vxlanNetwork(long id, String uuid, int vni, String gateway, String cidr) {
        Network network = GuestNetworks.shared(id, uuid, 100, gateway, cidr);
        when(network.getBroadcastUri()).thenReturn(URI.create("vxlan://" + vni));
        when(network.getName()).thenReturn("guest-vxlan-" + vni);
        return network;
    }

    private static NicVO storedNic(String uuid, String mac, String ipv4) {
        NicVO nic = mock(NicVO.class);
        when(nic.getUuid()).thenReturn(uuid);
        when(nic.getMacAddress()).thenReturn(mac);
        when(nic.getIPv4Address()).thenReturn(ipv4);
        when(nic.getVmType()).thenReturn(VirtualMachine.Type.User);
        when(nic.getState()).thenReturn(Nic.State.Reserved);
        return nic;
    }

    private static VirtualMachineProfile userVm() {
        VirtualMachineProfile profile = mock(VirtualMachineProfile.class);
        when(profile.getType()).thenReturn(VirtualMachine.Type.User);
        return profile;
    }
}
