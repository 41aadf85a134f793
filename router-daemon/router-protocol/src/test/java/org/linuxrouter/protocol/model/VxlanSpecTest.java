package org.linuxrouter.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.json.JsonCodec;

/** VXLAN segments in the network spec: which fields go with which segment kind, and the options' own rules. */
class VxlanSpecTest {
  private final JsonCodec codec = new JsonCodec();

  @Test
  void vxlanSpecRoundTripsThroughJson() {
    NetworkSpec spec = Fixtures.fullVxlanNetwork();
    String json = codec.encode(spec);
    assertEquals(spec, codec.decodeNetworkSpec(json));
    assertEquals(true, json.contains("\"vxlan\":{\"underlay\":\"bond1\",\"mode\":\"unicast\",\"local\":\"192.0.2.1\","
        + "\"vteps\":[\"192.0.2.11\",\"192.0.2.12\"]}"), json);
  }

  @Test
  void bareVxlanSegmentNeedsNoOptions() {
    NetworkSpec spec = codec.decodeNetworkSpec("{\"uuid\":\"" + Fixtures.NETWORK + "\",\"segment\":\"vxlan://5001\","
        + "\"gateway4\":\"10.1.1.1/24\"}");
    assertEquals(Segment.vxlan(5001), spec.segment());
    assertEquals(false, spec.vxlan().isPresent());
  }

  @Test
  void trunkWithVxlanAndVxlanWithVlanAreRefused() {
    ValidationException trunk = assertThrows(ValidationException.class, () -> Fixtures.network()
        .segment(Segment.vxlan(5001)).trunk(InterfaceName.of("eth1")).build());
    assertEquals("trunk", trunk.field());
    ValidationException vxlan = assertThrows(ValidationException.class, () -> Fixtures.network()
        .vxlan(new VxlanOptions(null, VxlanMode.MULTICAST, null, null)).build());
    assertEquals("vxlan", vxlan.field());
  }

  @Test
  void badOptionsNameTheirField() {
    ValidationException mode = assertThrows(ValidationException.class, () -> codec.decodeNetworkSpec(
        "{\"uuid\":\"" + Fixtures.NETWORK + "\",\"segment\":\"vxlan://5001\",\"gateway4\":\"10.1.1.1/24\","
            + "\"vxlan\":{\"mode\":\"broadcast\"}}"));
    assertEquals("vxlan.mode", mode.field());
    ValidationException dup = assertThrows(ValidationException.class, () -> codec.decodeNetworkSpec(
        "{\"uuid\":\"" + Fixtures.NETWORK + "\",\"segment\":\"vxlan://5001\",\"gateway4\":\"10.1.1.1/24\","
            + "\"vxlan\":{\"vteps\":[\"192.0.2.11\",\"192.0.2.11\"]}}"));
    assertEquals("vxlan.vteps[1]", dup.field());
    ValidationException family = assertThrows(ValidationException.class, () -> new VxlanOptions(null, null,
        IpAddress.parse("192.0.2.1"), Arrays.asList(IpAddress.parse("2001:db8::11"))));
    assertEquals("vteps[0]", family.field());
    ValidationException multicastVtep = assertThrows(ValidationException.class, () -> new VxlanOptions(null, null,
        null, Arrays.asList(IpAddress.parse("239.0.0.1"))));
    assertEquals("vteps[0]", multicastVtep.field());
  }

  @Test
  void vniOutOfRangeIsRefused() {
    assertEquals("segment", assertThrows(ValidationException.class, () -> Segment.parse("vxlan://16777216")).field());
    assertEquals("segment", assertThrows(ValidationException.class, () -> Segment.parse("vxlan://0")).field());
    assertEquals(16_777_215, Segment.parse("vxlan://16777215").id());
  }
}
