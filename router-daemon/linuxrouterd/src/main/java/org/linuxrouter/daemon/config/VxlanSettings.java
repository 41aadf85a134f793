package org.linuxrouter.daemon.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

/**
 * The router's own VXLAN wiring (the {@code vxlan_*} keys): what a {@code vxlan://VNI} network uses when its spec
 * does not say. Router-wide because it describes the router's cabling and the fabric, which CloudStack does not
 * know: the underlay NIC, whether the fabric carries multicast, and for unicast the hypervisors' VTEP addresses.
 *
 * @param underlay the interface VXLAN packets leave by; empty: the trunk interface
 * @param mode     multicast (CloudStack's default {@code modifyvxlan.sh}) or unicast (a static VTEP list)
 * @param local    the source address of VXLAN packets; empty: chosen by the route to the destination
 * @param vteps    the remote VTEPs of unicast mode
 */
public record VxlanSettings(Optional<InterfaceName> underlay, VxlanMode mode, Optional<IpAddress> local,
                            List<IpAddress> vteps) {
  public static final VxlanSettings DEFAULTS =
      new VxlanSettings(Optional.empty(), VxlanMode.MULTICAST, Optional.empty(), List.of());

  public VxlanSettings {
    Objects.requireNonNull(underlay, "underlay");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(local, "local");
    // the protocol's rules for the same fields: unique routable unicast addresses of one family
    vteps = new VxlanOptions(null, mode, local.orElse(null), vteps).vteps();
  }
}
