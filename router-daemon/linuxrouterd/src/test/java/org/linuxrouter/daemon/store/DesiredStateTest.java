package org.linuxrouter.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linuxrouter.daemon.store.StoreFixtures.NET_A;
import static org.linuxrouter.daemon.store.StoreFixtures.NET_B;
import static org.linuxrouter.daemon.store.StoreFixtures.NIC_1;
import static org.linuxrouter.daemon.store.StoreFixtures.NIC_2;
import static org.linuxrouter.daemon.store.StoreFixtures.networkA;
import static org.linuxrouter.daemon.store.StoreFixtures.networkB;
import static org.linuxrouter.daemon.store.StoreFixtures.nic;
import static org.linuxrouter.daemon.store.StoreFixtures.nic1;
import static org.linuxrouter.daemon.store.StoreFixtures.nic2;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.Uuid;

class DesiredStateTest {

  @Test
  void everyChangeBumpsTheRevisionAndStampsTheNetwork() {
    DesiredState one = DesiredState.EMPTY.withNetwork(networkA());
    assertEquals(1, one.revision());
    assertEquals(1, one.network(NET_A).orElseThrow().revision());

    DesiredState two = one.withNetwork(networkB());
    assertEquals(2, two.revision());
    assertEquals(1, two.network(NET_A).orElseThrow().revision(), "network a did not change");
    assertEquals(2, two.network(NET_B).orElseThrow().revision());

    DesiredState three = two.withNic(NET_A, nic1());
    assertEquals(3, three.network(NET_A).orElseThrow().revision());
    assertEquals(Optional.of(nic1()), three.network(NET_A).orElseThrow().nic(NIC_1));

    DesiredState four = three.withNetwork(networkA().newBuilder().mtu(1500).build());
    assertEquals(4, four.network(NET_A).orElseThrow().revision());
    assertEquals(Map.of(NIC_1, nic1()), four.network(NET_A).orElseThrow().nics(), "a spec update keeps nics");

    DesiredState five = four.withoutNic(NET_A, NIC_1).withoutNetwork(NET_B);
    assertEquals(6, five.revision());
    assertEquals(List.of(NET_A), StoreFixtures.keys(five));
    assertEquals(Map.of(), five.network(NET_A).orElseThrow().nics());
  }

  @Test
  void repeatingARequestChangesNothing() {
    DesiredState state = StoreFixtures.sample();
    assertSame(state, state.withNetwork(networkA()));
    assertSame(state, state.withNic(NET_A, nic1()));
    assertSame(state, state.withoutNic(NET_A, Uuid.parse("00000000-0000-4000-8000-0000000000ff")));
    assertSame(state, state.withoutNetwork(Uuid.parse("00000000-0000-4000-8000-0000000000ff")));
  }

  @Test
  void isImmutable() {
    DesiredState state = StoreFixtures.sample();
    DesiredState before = state;
    state.withoutNetwork(NET_A);
    assertEquals(before, state);
    assertThrows(UnsupportedOperationException.class, () -> state.networks().remove(NET_A));
    assertThrows(UnsupportedOperationException.class,
        () -> state.network(NET_A).orElseThrow().nics().remove(NIC_1));
  }

  @Test
  void iteratesInUuidOrderWhateverTheInsertionOrder() {
    DesiredState state = DesiredState.EMPTY.withNetwork(networkA()).withNetwork(networkB())
        .withNic(NET_A, nic1()).withNic(NET_A, nic2());
    assertEquals(List.of(NET_B, NET_A), StoreFixtures.keys(state));
    assertEquals(List.of(NIC_2, NIC_1), List.copyOf(state.network(NET_A).orElseThrow().nics().keySet()));
  }

  @Test
  void aNicNeedsAnExistingNetwork() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DesiredState.EMPTY.withNic(NET_A, nic1()));
    assertEquals("network " + NET_A + ": expected an existing network, got none", e.getMessage());
  }

  @Test
  void anAddressCanBeRoutedToOneNicOnlyAcrossAllNetworks() {
    DesiredState state = StoreFixtures.sample();
    Uuid other = Uuid.parse("00000000-0000-4000-8000-0000000000cc");
    ConflictException e = assertThrows(ConflictException.class,
        () -> state.withNic(NET_B, nic(other, "02:00:00:00:00:cc", "203.0.113.11")));
    assertEquals("nic " + other + " of network " + NET_B + ": expected address 203.0.113.11 on one nic only,"
        + " got it on nic " + NIC_1 + " of network " + NET_A + " too", e.getMessage());

    ConflictException mac = assertThrows(ConflictException.class,
        () -> state.withNic(NET_A, nic(other, "02:00:4c:4f:4f:51")));
    assertTrue(mac.getMessage().contains("expected mac 02:00:4c:4f:4f:51 on one nic only"), mac.getMessage());
    // the same MAC in another network is fine (different L2 segment)
    assertEquals(state.revision() + 1, state.withNic(NET_B, nic(other, "02:00:4c:4f:4f:51")).revision());
    // moving an address: remove from one NIC, then add to another
    DesiredState moved = state.withNic(NET_A, nic(NIC_1, "02:00:4c:4f:4f:50", "203.0.113.10"))
        .withNic(NET_B, nic(other, "02:00:00:00:00:cc", "203.0.113.11"));
    assertEquals(state.revision() + 2, moved.revision());
  }

  @Test
  void constructorRejectsInconsistentMaps() {
    NetworkRecord a = NetworkRecord.of(networkA(), 1);
    assertThrows(IllegalArgumentException.class, () -> new DesiredState(1, Map.of(NET_B, a)));
    IllegalArgumentException future = assertThrows(IllegalArgumentException.class,
        () -> new DesiredState(0, Map.of(NET_A, a)));
    assertEquals("network " + NET_A + ": expected a revision up to 0, got 1", future.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DesiredState(-1, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new NetworkRecord(networkA(), Map.of(NIC_2, nic1()), 1));
    assertThrows(IllegalArgumentException.class, () -> NetworkRecord.of(networkA(), 0));
    assertThrows(IllegalArgumentException.class, () -> a.withSpec(networkB(), 2));
  }
}
