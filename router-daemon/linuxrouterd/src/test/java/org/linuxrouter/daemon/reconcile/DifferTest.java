package org.linuxrouter.daemon.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.kernel.HostRoute;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.LinkSpec;
import org.linuxrouter.daemon.kernel.OwnedLink;
import org.linuxrouter.daemon.kernel.ProxyNeighbour;
import org.linuxrouter.daemon.kernel.Step;

/** Tables of (desired, observed) -> expected plan, written as one line per step. */
class DifferTest {

    private static final String NET_A = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String NET_B = "bbbbbbbb-0000-0000-0000-000000000002";

    @Test
    void nothingToDoWhenTheKernelMatches() {
        KernelState s = state(List.of(link("eth1.100", 100, NET_A)), List.of(addr("eth1.100", "10.1.1.1", 24)),
                List.of(route("203.0.113.5", "eth1.100")), List.of(proxy("203.0.113.5")));
        assertEquals(List.of(), Differ.diff(s, s));
    }

    @Test
    void emptyKernelGetsEverythingInDependencyOrder() {
        KernelState desired = state(List.of(link("eth1.100", 100, NET_A)), List.of(addr("eth1.100", "10.1.1.1", 24)),
                List.of(route("203.0.113.5", "eth1.100")), List.of(proxy("203.0.113.5")));
        assertEquals(List.of(
                "CreateLink eth1.100 " + NET_A,
                "AddAddress 10.1.1.1/24 dev eth1.100 " + NET_A,
                "AddRoute 203.0.113.5 dev eth1.100 " + NET_A,
                "AddProxy proxy 203.0.113.5 dev eth0 " + NET_A), lines(Differ.diff(desired, KernelState.EMPTY)));
    }

    @Test
    void removedNetworkDeletesProxiesAndTheLinkButNotWhatTheLinkTakesAlong() {
        KernelState observed = state(List.of(link("eth1.100", 100, NET_A)), List.of(addr("eth1.100", "10.1.1.1", 24)),
                List.of(route("203.0.113.5", "eth1.100")), List.of(proxy("203.0.113.5")));
        assertEquals(List.of(
                "DeleteProxy proxy 203.0.113.5 dev eth0 " + NET_A,
                "DeleteLink eth1.100 " + NET_A), lines(Differ.diff(KernelState.EMPTY, observed)));
    }

    @Test
    void changedVlanIdRecreatesTheLinkAndEverythingOnIt() {
        KernelState observed = state(List.of(link("eth1.100", 101, NET_A)), List.of(addr("eth1.100", "10.1.1.1", 24)),
                List.of(route("203.0.113.5", "eth1.100")), List.of());
        KernelState desired = state(List.of(link("eth1.100", 100, NET_A)), List.of(addr("eth1.100", "10.1.1.1", 24)),
                List.of(route("203.0.113.5", "eth1.100")), List.of());
        assertEquals(List.of(
                "DeleteLink eth1.100 " + NET_A,
                "CreateLink eth1.100 " + NET_A,
                "AddAddress 10.1.1.1/24 dev eth1.100 " + NET_A,
                "AddRoute 203.0.113.5 dev eth1.100 " + NET_A), lines(Differ.diff(desired, observed)));
    }

    @Test
    void downOrWrongMtuLinkIsSetNotRecreated() {
        OwnedLink up = new OwnedLink("eth1.100", new LinkSpec.Vlan("eth1", 100), NET_A, 1400, true);
        OwnedLink down = new OwnedLink("eth1.100", new LinkSpec.Vlan("eth1", 100), NET_A, 1500, false);
        assertEquals(List.of("SetLinkState eth1.100 " + NET_A),
                lines(Differ.diff(state(List.of(up), List.of(), List.of(), List.of()),
                        state(List.of(down), List.of(), List.of(), List.of()))));
    }

    @Test
    void unsetMtuAcceptsWhateverTheKernelChose() {
        OwnedLink wanted = new OwnedLink("eth1.100", new LinkSpec.Vlan("eth1", 100), NET_A, 0, true);
        OwnedLink found = new OwnedLink("eth1.100", new LinkSpec.Vlan("eth1", 100), NET_A, 9000, true);
        assertEquals(List.of(), Differ.diff(state(List.of(wanted), List.of(), List.of(), List.of()),
                state(List.of(found), List.of(), List.of(), List.of())));
    }

    @Test
    void handDeletedAddressIsAddedBackAndAStrayOneRemoved() {
        KernelState desired = state(List.of(link("eth1.100", 100, NET_A)), List.of(addr("eth1.100", "10.1.1.1", 24)),
                List.of(), List.of());
        KernelState observed = state(List.of(link("eth1.100", 100, NET_A)), List.of(addr("eth1.100", "10.1.1.9", 24)),
                List.of(), List.of());
        assertEquals(List.of(
                "DeleteAddress 10.1.1.9/24 dev eth1.100 " + NET_A,
                "AddAddress 10.1.1.1/24 dev eth1.100 " + NET_A), lines(Differ.diff(desired, observed)));
    }

    @Test
    void vlanMovingBetweenNetworksDeletesBeforeItCreates() {
        KernelState observed = state(List.of(link("eth1.100", 100, NET_A)), List.of(), List.of(), List.of());
        KernelState desired = state(List.of(link("eth1.100", 100, NET_B)), List.of(), List.of(), List.of());
        assertEquals(List.of("DeleteLink eth1.100 " + NET_B, "CreateLink eth1.100 " + NET_B),
                lines(Differ.diff(desired, observed)));
    }

    @Test
    void nicRemovalDeletesItsRouteAndProxyOnly() {
        KernelState desired = state(List.of(link("eth1.100", 100, NET_A)), List.of(),
                List.of(route("203.0.113.5", "eth1.100")), List.of(proxy("203.0.113.5")));
        KernelState observed = state(List.of(link("eth1.100", 100, NET_A)), List.of(),
                List.of(route("203.0.113.5", "eth1.100"), route("2001:db8::5", "eth1.100")),
                List.of(proxy("203.0.113.5"), proxy("2001:db8::5")));
        assertEquals(List.of(
                "DeleteProxy proxy 2001:db8:0:0:0:0:0:5 dev eth0 " + NET_A,
                "DeleteRoute 2001:db8:0:0:0:0:0:5 dev eth1.100 " + NET_A), lines(Differ.diff(desired, observed)));
    }

    private static List<String> lines(List<Step> steps) {
        return steps.stream().map(DifferTest::line).collect(Collectors.toList());
    }

    private static String line(Step s) {
        String what;
        if (s instanceof Step.CreateLink c) {
            what = c.link().name();
        } else if (s instanceof Step.SetLinkState c) {
            what = c.link().name();
        } else if (s instanceof Step.DeleteLink c) {
            what = c.name();
        } else if (s instanceof Step.AddAddress c) {
            what = c.address().toString();
        } else if (s instanceof Step.DeleteAddress c) {
            what = c.address().toString();
        } else if (s instanceof Step.AddRoute c) {
            what = c.route().toString();
        } else if (s instanceof Step.DeleteRoute c) {
            what = c.route().toString();
        } else if (s instanceof Step.AddProxy c) {
            what = c.proxy().toString();
        } else {
            what = ((Step.DeleteProxy) s).proxy().toString();
        }
        return s.getClass().getSimpleName() + " " + what + " " + s.network();
    }

    private static KernelState state(List<OwnedLink> links, List<InterfaceAddress> addresses, List<HostRoute> routes,
                                     List<ProxyNeighbour> proxies) {
        Map<String, OwnedLink> byName = links.stream().collect(Collectors.toMap(OwnedLink::name, l -> l));
        return new KernelState(byName, Set.copyOf(addresses), Set.copyOf(routes), Set.copyOf(proxies));
    }

    private static OwnedLink link(String name, int vlan, String network) {
        return new OwnedLink(name, new LinkSpec.Vlan("eth1", vlan), network, 0, true);
    }

    private static InterfaceAddress addr(String link, String ip, int prefix) {
        return new InterfaceAddress(link, ip(ip), prefix);
    }

    private static HostRoute route(String ip, String link) {
        return new HostRoute(ip(ip), link);
    }

    private static ProxyNeighbour proxy(String ip) {
        return new ProxyNeighbour(ip(ip), "eth0");
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: never resolves a name
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
