package org.linuxrouter.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a router joins one {@code vxlan://VNI} network; every field is optional and falls back to the router's own
 * configuration ({@code vxlan_*} keys of linuxrouterd.conf), so CloudStack may send only what its router
 * registration says (underlay and mode) and leave the VTEP list to the router's operator.
 *
 * <p>Rules checked here: VTEPs are unique routable unicast addresses of one family, the local address's too.
 */
public final class VxlanOptions {
  /** More VTEPs than hypervisors in any CloudStack zone we know of; each is one forwarding entry per network. */
  public static final int MAX_VTEPS = 1024;

  private final InterfaceName underlay;
  private final VxlanMode mode;
  private final IpAddress local;
  private final List<IpAddress> vteps;

  /** All arguments may be null (use the router's setting); null vteps means none given. */
  public VxlanOptions(InterfaceName underlay, VxlanMode mode, IpAddress local, List<IpAddress> vteps) {
    this.underlay = underlay;
    this.mode = mode;
    this.local = local == null ? null : local.requireRoutableUnicast("local");
    this.vteps = Check.uniqueList("vteps", vteps == null ? List.of() : vteps, MAX_VTEPS, a -> a);
    IpFamily family = local != null ? local.family() : this.vteps.isEmpty() ? null : this.vteps.get(0).family();
    for (int i = 0; i < this.vteps.size(); i++) {
      this.vteps.get(i).requireRoutableUnicast("vteps[" + i + "]");
      this.vteps.get(i).requireFamily("vteps[" + i + "]", family);
    }
  }

  /** The interface VXLAN packets leave by; absent: the router's {@code vxlan_underlay}. */
  public Optional<InterfaceName> underlay() {
    return Optional.ofNullable(underlay);
  }

  /** Absent: the router's {@code vxlan_mode}. */
  public Optional<VxlanMode> mode() {
    return Optional.ofNullable(mode);
  }

  /** The source address of VXLAN packets; absent: the router's {@code vxlan_local}, else chosen by routing. */
  public Optional<IpAddress> local() {
    return Optional.ofNullable(local);
  }

  /** The remote VTEPs of unicast mode; empty: the router's {@code vxlan_vteps}. */
  public List<IpAddress> vteps() {
    return vteps;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof VxlanOptions)) {
      return false;
    }
    VxlanOptions that = (VxlanOptions) other;
    return Objects.equals(underlay, that.underlay) && mode == that.mode && Objects.equals(local, that.local)
        && vteps.equals(that.vteps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(underlay, mode, local, vteps);
  }

  @Override
  public String toString() {
    return "VxlanOptions{underlay=" + underlay + ", mode=" + (mode == null ? null : mode.wireName()) + ", local="
        + local + ", vteps=" + vteps + "}";
  }
}
