package org.linuxrouter.hactl.doctor;

import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.drbd.DrbdRole;
import org.linuxrouter.ha.status.drbd.DrbdVolume;
import org.linuxrouter.ha.status.node.InterfaceAddress;
import org.linuxrouter.ha.status.node.IpAddrParser;

/** The floating IP is on this node exactly when this node is the DRBD primary of the chain's resource. */
final class FloatingIpCheck implements Check {

    @Override
    public String name() {
        return "vip";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        String vip = ctx.inventory().floatingIp().address();
        CommandRunner.Result ip = ctx.system().run("ip", "-j", "addr");
        Reading<List<InterfaceAddress>> addresses = ip.ok() ? IpAddrParser.parse(ip.stdout())
                : Reading.unknown("ip -j addr: " + ip.error());
        if (!addresses.known()) {
            return List.of(Finding.of(name(), Severity.DEGRADED, "cannot read this node's addresses: "
                    + addresses.problem(), "install iproute2"));
        }
        Optional<InterfaceAddress> holder = IpAddrParser.holder(addresses.value(), vip);
        Optional<DrbdVolume> chain = ctx.volumeOf(ctx.chainResource());
        if (chain.isEmpty()) {
            return List.of(holder.isPresent()
                    ? Finding.of(name(), Severity.FAILED, "this node holds " + vip + " but DRBD is not up here",
                            "stop the cluster resources here; the VIP belongs on the primary")
                    : Finding.ok(name(), vip + " is not on this node"));
        }
        boolean primary = chain.get().role() == DrbdRole.PRIMARY;
        if (primary && holder.isEmpty()) {
            return List.of(Finding.of(name(), Severity.FAILED, "this node is primary but does not hold " + vip
                    + ": clients cannot reach the service", "check the cluster's resource chain (IPaddr/IPaddr2)"));
        }
        if (!primary && holder.isPresent()) {
            return List.of(Finding.of(name(), Severity.FAILED, "this node is not primary but holds " + vip + " on "
                    + holder.get().interfaceName(), "remove it (ip addr del " + vip + "/"
                    + holder.get().prefixLength() + " dev " + holder.get().interfaceName() + ") and check the cluster"));
        }
        return List.of(Finding.ok(name(), primary ? vip + " is on this node, the primary ("
                + holder.get().interfaceName() + ")" : vip + " is not on this node (secondary)"));
    }
}
