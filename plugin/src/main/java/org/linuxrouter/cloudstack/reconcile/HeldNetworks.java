package org.linuxrouter.cloudstack.reconcile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.client.PendingPasswords;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.element.GuestNic;
import org.linuxrouter.cloudstack.element.GuestServices;
import org.linuxrouter.cloudstack.element.GuestServices.Change;
import org.linuxrouter.cloudstack.element.GuestServices.NicFacts;
import org.linuxrouter.cloudstack.element.NetworkTranslator;
import org.linuxrouter.cloudstack.element.UnsupportedNetworkException;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Segment;

import com.cloud.network.Network;
import com.cloud.utils.db.EntityManager;
import com.cloud.utils.exception.CloudRuntimeException;
import com.cloud.vm.Nic;
import com.cloud.vm.dao.NicDao;

/**
 * What CloudStack holds for one router: every network placed on it (or on its pair) that is set up or implemented, translated as
 * {@code prepare()} would, with the NICs of its user VMs that have an address. A network or NIC that cannot be
 * translated is logged and left out (it was never put on the router either). A NIC carries a password only when
 * one is kept for this router ({@link PendingPasswords}: a pair member that missed it).
 */
public class HeldNetworks {
    /** States in which a network lives on its router; others are being created or torn down. */
    static final Set<Network.State> LIVE = EnumSet.of(Network.State.Setup, Network.State.Implementing,
            Network.State.Implemented);
    private static final Logger LOG = LogManager.getLogger(HeldNetworks.class);

    @Inject
    private NetworkPlacements placements;
    @Inject
    private EntityManager entities;
    @Inject
    private NicDao nics;
    @Inject
    private GuestServices guestServices;
    @Inject
    private PendingPasswords pendingPasswords;

    public HeldNetworks() {
    }

    /** For tests and hand wiring: routing only, no guest services. */
    public HeldNetworks(NetworkPlacements placements, EntityManager entities, NicDao nics) {
        this(placements, entities, nics, GuestServices.none());
    }

    /** For tests and hand wiring: no password kept for any router. */
    public HeldNetworks(NetworkPlacements placements, EntityManager entities, NicDao nics, GuestServices guestServices) {
        this(placements, entities, nics, guestServices, null);
    }

    /** For tests and hand wiring. */
    public HeldNetworks(NetworkPlacements placements, EntityManager entities, NicDao nics, GuestServices guestServices,
            PendingPasswords pendingPasswords) {
        this.placements = placements;
        this.entities = entities;
        this.nics = nics;
        this.guestServices = guestServices;
        this.pendingPasswords = pendingPasswords;
    }

    /** For a router on its own. */
    public List<HeldNetwork> forRouter(RouterEndpoint router) {
        return forRouter(router, List.of(router.uuid()));
    }

    /**
     * For one member of a pair: every network placed on any member ({@code pair}, the members' UUIDs), translated
     * with this member's own wiring.
     */
    public List<HeldNetwork> forRouter(RouterEndpoint router, List<String> pair) {
        List<HeldNetwork> held = new ArrayList<>();
        Map<Long, Secret> kept = pair.size() > 1 && pendingPasswords != null ? pendingPasswords.keptFor(router)
                : Map.of();
        for (long id : placements.networksOn(pair)) {
            Network network = entities.findById(Network.class, id);
            if (network == null || !LIVE.contains(network.getState())) {
                continue;
            }
            translate(network, router, kept).ifPresent(held::add);
        }
        return held;
    }

    private Optional<HeldNetwork> translate(Network network, RouterEndpoint router, Map<Long, Secret> kept) {
        try {
            Segment segment = NetworkTranslator.segmentOf(network);
            NetworkSpec spec = guestServices.addTo(network, NetworkTranslator.networkSpec(network, segment, router));
            return Optional.of(new HeldNetwork(NetworkTranslator.ref(network), spec, nicsOf(network, kept)));
        } catch (UnsupportedNetworkException | CloudRuntimeException e) {
            LOG.warn("{} is placed on {} but cannot be put there: {}", NetworkTranslator.ref(network), router,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private List<NicSpec> nicsOf(Network network, Map<Long, Secret> kept) {
        List<NicSpec> specs = new ArrayList<>();
        for (Nic nic : nics.listByNetworkId(network.getId())) {
            if (nic.getState() == Nic.State.Deallocating) {
                continue; // being removed; release() takes it off the router
            }
            try {
                // CloudStack hands a password only to the start that set it: the one kept for a member that missed it
                Secret password = kept.get(nic.getId());
                guestServices.nicSpec(network, GuestNic.of(nic), new NicFacts(nic.getId(), nic.getInstanceId(),
                        nic.isDefaultNic()), password == null ? null : password.reveal(), Change.NONE)
                        .ifPresent(specs::add);
            } catch (CloudRuntimeException e) {
                LOG.warn("leaving out a nic the router cannot serve: {}", e.getMessage());
            }
        }
        return specs;
    }
}
