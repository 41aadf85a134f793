package org.linuxrouter.cloudstack.element;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.client.NetworkRef;
import org.linuxrouter.cloudstack.client.PairGateway;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.client.RouterPair;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.Placement;
import org.linuxrouter.cloudstack.registry.RouterRegistry;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;

import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;
import com.cloud.utils.exception.CloudRuntimeException;
import com.cloud.vm.NicProfile;
import com.cloud.vm.VirtualMachine;

/**
 * What the element does, in CloudStack-independent steps. The network is ensured idempotently from both implement
 * and prepare (CloudStack never implements shared networks); its placement (router, VLAN) is recorded before the
 * router is asked, so teardown works from the record when the broadcast URI is gone and even when a change's answer
 * was lost. The router keeps the desired state, so repeating any step changes nothing there. A network is carried by
 * the routers of its scope, one or a pair; {@link PairGateway} sends each change to both members.
 */
public class NetworkLifecycle {
    private static final Logger LOG = LogManager.getLogger(NetworkLifecycle.class);

    @Inject
    private RouterRegistry registry;
    @Inject
    private NetworkPlacements placements;
    @Inject
    private PairGateway gateway;
    @Inject
    private GuestServices guestServices;

    public NetworkLifecycle() {
    }

    /** For tests and hand wiring: routing only, no guest services. */
    public NetworkLifecycle(RouterRegistry registry, NetworkPlacements placements, PairGateway gateway) {
        this(registry, placements, gateway, GuestServices.none());
    }

    /** For tests and hand wiring. */
    public NetworkLifecycle(RouterRegistry registry, NetworkPlacements placements, PairGateway gateway,
            GuestServices guestServices) {
        this.registry = registry;
        this.placements = placements;
        this.gateway = gateway;
        this.guestServices = guestServices;
    }

    /** Puts the network on its router or pair; returns those routers. */
    public RouterPair ensureNetwork(Network network) throws UnsupportedNetworkException, ResourceUnavailableException {
        Segment segment = NetworkTranslator.segmentOf(network);
        LinuxRouterVO recorded = routerOf(network);
        RouterPair pair = pairOf(recorded);
        Map<RouterEndpoint, NetworkSpec> specs = new HashMap<>();
        for (RouterEndpoint member : pair.members()) {
            // translated for every member before any is asked, so a network the routers cannot take changes nothing
            specs.put(member, guestServices.addTo(network, NetworkTranslator.networkSpec(network, segment, member)));
        }
        placements.record(network.getId(), new Placement(recorded.getUuid(), segment));
        gateway.putNetwork(pair, NetworkTranslator.ref(network), specs::get);
        LOG.debug("{} is on {} as {}", NetworkTranslator.ref(network), pair, segment);
        return pair;
    }

    /** Ensures the network, then routes the NIC's addresses to it (user VMs with an address only). */
    public void prepare(Network network, NicProfile nic, VirtualMachine.Type vmType)
            throws UnsupportedNetworkException, ResourceUnavailableException {
        RouterPair pair = ensureNetwork(network);
        Optional<NicSpec> spec = nicSpec(network, GuestNic.of(nic, vmType));
        if (spec.isPresent()) {
            gateway.putNic(pair, NetworkTranslator.ref(network), spec.get());
            LOG.debug("{} routes {} of {}", pair, spec.get().addresses(), NetworkTranslator.ref(network));
        }
    }

    /**
     * Ensures the network, then puts the NIC as given: its routed addresses and, for a network with guest services,
     * everything they need of it ({@link GuestServiceLifecycle}). The router replaces the NIC as a whole.
     */
    public void putNic(Network network, NicSpec nic) throws UnsupportedNetworkException, ResourceUnavailableException {
        RouterPair pair = ensureNetwork(network);
        gateway.putNic(pair, NetworkTranslator.ref(network), nic);
        LOG.debug("{} routes {} of {}", pair, nic.addresses(), NetworkTranslator.ref(network));
    }

    /** Stops routing the NIC's addresses; nothing to do if the network was never placed. */
    public void releaseNic(Network network, String nicUuid) throws ResourceUnavailableException {
        Optional<RouterPair> pair = placedPair(network);
        if (pair.isPresent()) {
            gateway.deleteNic(pair.get(), NetworkTranslator.ref(network), uuid(network, nicUuid));
            LOG.debug("{} no longer routes nic {} of {}", pair.get(), nicUuid, NetworkTranslator.ref(network));
        }
    }

    /** Removes the network from the routers it was placed on (the broadcast URI may be gone), then the record. */
    public void teardown(Network network) throws ResourceUnavailableException {
        Optional<Placement> placement = placements.placement(network.getId());
        Optional<RouterPair> pair = placedPair(network);
        if (pair.isPresent()) {
            gateway.deleteNetwork(pair.get(), NetworkTranslator.ref(network));
            LOG.info("removed {} ({}) from {}", NetworkTranslator.ref(network), placement.get().segment(), pair.get());
        }
        if (placement.isPresent()) {
            placements.forget(network.getId());
        }
    }

    /** The routers a network placed on {@code router} goes to: the router and its pair member, if any. */
    public RouterPair pairOf(LinuxRouterVO router) {
        List<RouterEndpoint> members = registry.members(router).stream().map(RouterEndpoint::of)
                .collect(Collectors.toList());
        return new RouterPair(members, router.getZoneId());
    }

    /** The router recorded for the network, else the one serving its zone or physical network. */
    private LinuxRouterVO routerOf(Network network) throws ResourceUnavailableException {
        Optional<LinuxRouterVO> recorded = placements.placement(network.getId())
                .flatMap(p -> registry.findByUuid(p.routerUuid()));
        if (recorded.isPresent()) {
            return recorded.get();
        }
        return registry.routerFor(network.getDataCenterId(), network.getPhysicalNetworkId())
                .orElseThrow(() -> new ResourceUnavailableException("no linux router is registered for zone "
                        + network.getDataCenterId() + " or physical network " + network.getPhysicalNetworkId()
                        + "; expected one to serve " + NetworkTranslator.ref(network) + " (addLinuxRouter)",
                        Network.class, network.getId()));
    }

    private Optional<RouterPair> placedPair(Network network) {
        Optional<Placement> placement = placements.placement(network.getId());
        if (placement.isEmpty()) {
            LOG.debug("{} was never placed on a linux router; nothing to remove", NetworkTranslator.ref(network));
            return Optional.empty();
        }
        Optional<LinuxRouterVO> router = registry.findByUuid(placement.get().routerUuid());
        if (router.isEmpty()) {
            LOG.warn("{} was placed as {}, but that router is no longer registered; nothing to remove",
                    NetworkTranslator.ref(network), placement.get());
        }
        return router.map(this::pairOf);
    }

    private static Optional<NicSpec> nicSpec(Network network, GuestNic nic) {
        try {
            return NetworkTranslator.nicSpec(network, nic);
        } catch (UnsupportedNetworkException e) {
            // the network is ours but this NIC's data is not routable: fail the VM start rather than leave it dark
            throw new CloudRuntimeException(e.getMessage(), e);
        }
    }

    private static Uuid uuid(Network network, String nicUuid) {
        try {
            return Uuid.parse("nic uuid", nicUuid);
        } catch (ValidationException e) {
            throw new CloudRuntimeException(NetworkTranslator.ref(network) + ": " + e.getMessage(), e);
        }
    }
}
