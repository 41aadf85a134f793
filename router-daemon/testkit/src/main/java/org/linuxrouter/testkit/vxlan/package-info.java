/**
 * Owns the host-kernel VXLAN lab, for tests that need real guest networks without 802.1Q: {@link
 * org.linuxrouter.testkit.vxlan.VxlanLab} wires a router namespace (underlay, uplink, management link to the test),
 * an upstream host and a multicast-capable fabric; {@link org.linuxrouter.testkit.vxlan.VxlanHypervisor} is a KVM
 * host that joins VNIs with exactly the commands of CloudStack's {@code modifyvxlan.sh} (or, for fabrics without
 * multicast, {@code modifyvxlan-evpn.sh}'s device with static flood entries); {@link
 * org.linuxrouter.testkit.vxlan.GuestVm} is a VM namespace behind a hypervisor's bridge.
 */
package org.linuxrouter.testkit.vxlan;
