package org.linuxrouter.daemon.kernel;

import java.util.Map;
import java.util.Optional;
import org.linuxrouter.rtnetlink.Link;
import org.linuxrouter.rtnetlink.LinkKind;
import org.linuxrouter.rtnetlink.VlanProtocol;

/** The one place that maps the daemon's link kinds ({@link LinkSpec}) to rtnetlink's and back. */
final class LinkKinds {
    private LinkKinds() {
    }

    /**
     * The rtnetlink kind that creates {@code spec}, its lower device resolved by name; empty with the reason in
     * {@code problem} when that device does not exist (yet).
     */
    static Optional<LinkKind> toKernel(LinkSpec spec, Map<String, Integer> indexes, StringBuilder problem) {
        if (spec instanceof LinkSpec.Vlan vlan) {
            Integer parent = indexes.get(vlan.parent());
            if (parent == null) {
                problem.append("trunk ").append(vlan.parent()).append(" not found");
                return Optional.empty();
            }
            return Optional.of(new LinkKind.Vlan(parent, vlan.vlanId(), VlanProtocol.IEEE_802_1Q));
        }
        LinkSpec.Vxlan vxlan = (LinkSpec.Vxlan) spec;
        Integer underlay = indexes.get(vxlan.underlay());
        if (underlay == null) {
            problem.append("underlay ").append(vxlan.underlay()).append(" not found");
            return Optional.empty();
        }
        // the kernel's default port is left unsaid, so the request is byte for byte what modifyvxlan.sh sends
        int port = vxlan.port() == LinkKind.Vxlan.KERNEL_DEFAULT_PORT ? 0 : vxlan.port();
        return Optional.of(new LinkKind.Vxlan(vxlan.vni(), vxlan.group(), vxlan.local(), underlay, vxlan.ttl(), port,
                vxlan.learning()));
    }

    /** What an existing link is, in the daemon's terms; empty for kinds the daemon never creates. */
    static Optional<LinkSpec> fromKernel(Link link, Map<Integer, String> names) {
        if (link.kind() instanceof LinkKind.Vlan vlan) {
            return Optional.ofNullable(names.get(vlan.parentIndex())).map(p -> new LinkSpec.Vlan(p, vlan.vlanId()));
        }
        if (link.kind() instanceof LinkKind.Vxlan vxlan) {
            return Optional.ofNullable(names.get(vxlan.underlayIndex())).map(u -> new LinkSpec.Vxlan(vxlan.vni(), u,
                    vxlan.destination(), vxlan.local(), vxlan.ttl(), vxlan.effectivePort(), vxlan.learning()));
        }
        return Optional.empty();
    }
}
