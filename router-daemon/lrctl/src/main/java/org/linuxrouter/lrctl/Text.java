package org.linuxrouter.lrctl;

import java.util.List;
import java.util.stream.Collectors;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.PlannedStep;
import org.linuxrouter.protocol.model.Uuid;

/** How model values read in lrctl's human output; shared so every command words them the same way. */
final class Text {
  /** Shown for an absent optional value; never empty, so table columns stay countable. */
  static final String NONE = "-";

  private Text() {
  }

  static String applied(NetworkStatus status) {
    return status.isApplied() ? "yes" : "no";
  }

  /** {@code applied (revision 3)}, {@code pending (...)} or {@code failing (...): why}. */
  static String state(NetworkStatus status) {
    if (status.isApplied()) {
      return "applied (revision " + status.desiredRevision() + ")";
    }
    String revisions = "(revision " + status.desiredRevision() + ", kernel at " + status.appliedRevision() + ")";
    return status.lastError().map(e -> "failing " + revisions + ": " + e).orElse("pending " + revisions);
  }

  /**
   * The interface the segment rides on: a VLAN's trunk or a VXLAN's underlay, or {@code default}: the daemon then
   * uses its trunk_interface (VXLAN: vxlan_underlay).
   */
  static String trunk(NetworkSpec spec) {
    return spec.trunk().map(Object::toString)
        .or(() -> spec.vxlan().flatMap(VxlanOptions::underlay).map(Object::toString)).orElse("default");
  }

  /** {@code multicast}, {@code unicast to 10.0.0.11,10.0.0.12} or {@code default} for a VXLAN segment. */
  static String vxlan(VxlanOptions options) {
    String mode = options.mode().map(VxlanMode::wireName).orElse("default");
    return options.vteps().isEmpty() ? mode : mode + " to " + addresses(options.vteps());
  }

  /** {@code 10.1.1.1/24} or {@code 10.1.1.1/24,fd00::1/64}: no blank, so it stays one table cell for awk. */
  static String gateways(NetworkSpec spec) {
    return spec.gateway4() + spec.gateway6().map(g -> "," + g).orElse("");
  }

  static String addresses(List<IpAddress> addresses) {
    return addresses.isEmpty() ? NONE : addresses.stream().map(Object::toString).collect(Collectors.joining(","));
  }

  static String uuids(List<Uuid> uuids) {
    return uuids.isEmpty() ? "none" : uuids.stream().map(Uuid::value).collect(Collectors.joining(", "));
  }

  /** The step's network, or {@code host} for host-wide steps. */
  static String network(PlannedStep step) {
    return step.network().map(Uuid::value).orElse("host");
  }

  static String count(int n, String singular) {
    return n + " " + singular + (n == 1 ? "" : "s");
  }
}
