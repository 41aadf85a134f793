package org.linuxrouter.cloudstack.registry;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.dc.DataCenter;
import com.cloud.exception.InvalidParameterValueException;
import com.cloud.network.PhysicalNetwork;
import com.cloud.utils.db.EntityManager;

/**
 * The registered routers: every change is validated here before anything is stored, so a rejected request stores
 * nothing; lookups answer which routers serve a network. Validation errors are
 * {@link InvalidParameterValueException}s naming the API field.
 *
 * <p>A scope (zone or physical network) is served by one router or by a pair of two: the second is registered with
 * {@code pairwith} naming the first, and both then carry every network of the scope. The pair is the scope's
 * routers, nothing else: the unique scope key (member 2's has {@code #2} appended) keeps it at two.
 */
public class RouterRegistry {
    private static final Logger LOG = LogManager.getLogger(RouterRegistry.class);

    @Inject
    private LinuxRouterDao dao;
    @Inject
    private EntityManager entities;
    @Inject
    private NetworkPlacements placements;

    public RouterRegistry() {
    }

    /** For tests and hand wiring. */
    public RouterRegistry(LinuxRouterDao dao, EntityManager entities, NetworkPlacements placements) {
        this.dao = dao;
        this.entities = entities;
        this.placements = placements;
    }

    public LinuxRouterVO add(RouterDraft draft) {
        LinuxRouterVO router = new LinuxRouterVO();
        router.setName(uniqueName(RouterInputs.name(draft.name().orElse(null)), null));
        Optional<LinuxRouterVO> partner = draft.pairWith().map(this::pairablePartner);
        if (partner.isPresent()) {
            RouterScope scope = partner.get().getScope();
            if (draft.zoneId().isPresent() || draft.physicalNetworkId().isPresent()) {
                RouterScope given = scope(draft.zoneId(), draft.physicalNetworkId());
                if (!given.equals(scope)) {
                    throw new InvalidParameterValueException(RouterFields.PAIR_WITH + ": expected a router of the "
                            + given + " given, got " + partner.get().getName() + ", which serves the " + scope
                            + " (a pair's members serve the same zone or physical network)");
                }
            }
            router.setScope(scope, 3 - partner.get().getPairMember());
        } else {
            router.setScope(freeScope(scope(draft.zoneId(), draft.physicalNetworkId()), null));
        }
        router.setUrl(RouterInputs.url(draft.url().orElse(null)));
        router.setSecret(RouterInputs.secret(draft.secret().orElse(null)));
        router.setFingerprint(RouterInputs.fingerprint(draft.fingerprint().orElse(null)));
        router.setTrunkInterface(RouterInputs.interfaceName(RouterFields.TRUNK_INTERFACE, draft.trunkInterface().orElse(null)));
        router.setUplinkInterface(RouterInputs.interfaceName(RouterFields.UPLINK_INTERFACE, draft.uplinkInterface().orElse(null)));
        router.setVxlanUnderlay(RouterInputs.interfaceName(RouterFields.VXLAN_UNDERLAY, draft.vxlanUnderlay().orElse(null)));
        router.setVxlanMode(RouterInputs.vxlanMode(draft.vxlanMode().orElse(null)));
        if (partner.isPresent()) {
            sameVxlanMode(router.getVxlanMode(), partner.get());
            if (!placements.networksOn(partner.get().getUuid()).isEmpty()) {
                // it holds none of the pair's networks yet: the resync pushes them as soon as it answers
                router.setLaggingSince(new Date());
            }
        }
        LinuxRouterVO stored = dao.persist(router);
        LOG.info("registered linux router {} for {} at {}{}", stored.getName(), stored.getScope(), stored.getUrl(),
                partner.map(p -> ", paired with " + p.getName()).orElse(""));
        return stored;
    }

    /**
     * Changes the given fields; absent ones stay. Every value is checked before the row is touched, so a rejected
     * update changes nothing. The scope of a router cannot change (networks are placed on it).
     */
    public LinuxRouterVO update(long id, RouterDraft changes) {
        LinuxRouterVO router = existing(id);
        if (changes.zoneId().isPresent() || changes.physicalNetworkId().isPresent()) {
            throw new InvalidParameterValueException(RouterFields.ZONE_ID + ", " + RouterFields.PHYSICAL_NETWORK_ID
                    + ": expected neither (a router's scope cannot change; delete and add it instead), got one");
        }
        String name = changes.name().isPresent() ? uniqueName(RouterInputs.name(changes.name().get()), router.getId())
                : router.getName();
        String url = changes.url().map(RouterInputs::url).orElse(router.getUrl());
        String secret = changes.secret().map(RouterInputs::secret).orElse(router.getSecret());
        String fingerprint = changes.fingerprint().map(RouterInputs::fingerprint).orElse(router.getFingerprint());
        String trunk = changes.trunkInterface().isPresent() ? RouterInputs.interfaceName(RouterFields.TRUNK_INTERFACE,
                changes.trunkInterface().get()) : router.getTrunkInterface();
        String uplink = changes.uplinkInterface().isPresent() ? RouterInputs.interfaceName(RouterFields.UPLINK_INTERFACE,
                changes.uplinkInterface().get()) : router.getUplinkInterface();
        String underlay = changes.vxlanUnderlay().isPresent() ? RouterInputs.interfaceName(
                RouterFields.VXLAN_UNDERLAY, changes.vxlanUnderlay().get()) : router.getVxlanUnderlay();
        String mode = changes.vxlanMode().isPresent() ? RouterInputs.vxlanMode(changes.vxlanMode().get())
                : router.getVxlanMode();
        Optional<LinuxRouterVO> partner = partnerOf(router);
        if (partner.isPresent()) {
            sameVxlanMode(mode, partner.get());
        }
        router.setName(name);
        router.setUrl(url);
        router.setSecret(secret);
        router.setFingerprint(fingerprint);
        router.setTrunkInterface(trunk);
        router.setUplinkInterface(uplink);
        router.setVxlanUnderlay(underlay);
        router.setVxlanMode(mode);
        dao.update(router.getId(), router);
        LOG.info("updated linux router {} ({})", router.getName(), router.getUuid());
        return router;
    }

    /**
     * Deletes a router that no network uses; refused otherwise, naming the networks. A member of a pair may go while
     * its partner stays: the networks recorded with it are handed to the partner, which carries them already.
     */
    public LinuxRouterVO delete(long id) {
        LinuxRouterVO router = existing(id);
        List<Long> users = placements.networksOn(router.getUuid());
        Optional<LinuxRouterVO> partner = partnerOf(router);
        if (partner.isPresent()) {
            placements.handOver(router.getUuid(), partner.get().getUuid());
            dao.remove(router.getId());
            LOG.info("deleted linux router {} ({}); its pair member {} carries its {} networks on its own",
                    router.getName(), router.getUuid(), partner.get().getName(), users.size());
            return router;
        }
        if (!users.isEmpty()) {
            throw new InvalidParameterValueException("linux router " + router.getName() + ": expected no networks"
                    + " placed on it before deletion, got " + users.size() + " (network ids " + users
                    + "); delete those networks first");
        }
        dao.remove(router.getId());
        LOG.info("deleted linux router {} ({})", router.getName(), router.getUuid());
        return router;
    }

    public Optional<LinuxRouterVO> find(long id) {
        return Optional.ofNullable(dao.findById(id));
    }

    public Optional<LinuxRouterVO> findByUuid(String uuid) {
        return Optional.ofNullable(dao.findByUuid(uuid));
    }

    /** Every router, ordered by id. */
    public List<LinuxRouterVO> all() {
        return dao.listAll().stream().sorted((a, b) -> Long.compare(a.getId(), b.getId())).collect(Collectors.toList());
    }

    /** The routers of a router's scope, itself included, by pair member: one, or the two of a pair. */
    public List<LinuxRouterVO> members(LinuxRouterVO router) {
        return all().stream().filter(r -> r.getScope().equals(router.getScope()))
                .sorted((a, b) -> Integer.compare(a.getPairMember(), b.getPairMember())).collect(Collectors.toList());
    }

    /** The other router of a router's pair, if it has one. */
    public Optional<LinuxRouterVO> partnerOf(LinuxRouterVO router) {
        return members(router).stream().filter(r -> r.getId() != router.getId()).findFirst();
    }

    /**
     * Records that a router missed a change its partner applied. Returns true when this starts a lagging spell
     * (it was in step until now), so the caller alerts once per spell, not once per missed change.
     */
    public boolean markLagging(String uuid, Date when) {
        LinuxRouterVO router = dao.findByUuid(uuid);
        if (router == null || router.getLaggingSince() != null) {
            return false;
        }
        router.setLaggingSince(when);
        dao.update(router.getId(), router);
        return true;
    }

    /**
     * Records a completed resync: the router is in step again, unless it missed another change since
     * {@code since} (the value read before the resync), which the next round repairs.
     */
    public void clearLagging(String uuid, Date since) {
        LinuxRouterVO router = dao.findByUuid(uuid);
        if (router != null && router.getLaggingSince() != null && Objects.equals(router.getLaggingSince(), since)) {
            router.setLaggingSince(null);
            dao.update(router.getId(), router);
        }
    }

    /** Records that the router answered, and how many networks differed at the last reconciliation (null: keep). */
    public void recordContact(String uuid, Date when, Integer drift) {
        LinuxRouterVO router = dao.findByUuid(uuid);
        if (router != null) {
            router.setLastContact(when);
            if (drift != null) {
                router.setDrift(drift);
            }
            dao.update(router.getId(), router);
        }
    }

    /**
     * The routers serving a network: those of its physical network if it has any, else the zone-wide ones; empty
     * when none is registered.
     */
    public List<LinuxRouterVO> routersFor(long zoneId, Long physicalNetworkId) {
        return routerFor(zoneId, physicalNetworkId).map(this::members).orElse(List.of());
    }

    /** The router serving a network: its physical network's router if there is one, else the zone-wide router. */
    public Optional<LinuxRouterVO> routerFor(long zoneId, Long physicalNetworkId) {
        List<LinuxRouterVO> routers = all();
        if (physicalNetworkId != null) {
            RouterScope own = RouterScope.physicalNetwork(zoneId, physicalNetworkId);
            Optional<LinuxRouterVO> dedicated = routers.stream().filter(r -> r.getScope().equals(own)).findFirst();
            if (dedicated.isPresent()) {
                return dedicated;
            }
        }
        RouterScope zone = RouterScope.zone(zoneId);
        return routers.stream().filter(r -> r.getScope().equals(zone)).findFirst();
    }

    /** The zone a physical network belongs to, if it exists. */
    public Optional<Long> zoneOf(long physicalNetworkId) {
        return Optional.ofNullable(entities.findById(PhysicalNetwork.class, physicalNetworkId))
                .map(PhysicalNetwork::getDataCenterId);
    }

    private LinuxRouterVO existing(long id) {
        return find(id).orElseThrow(() -> new InvalidParameterValueException(RouterFields.ID
                + ": expected the id of a registered linux router, got " + id));
    }

    private RouterScope scope(Optional<Long> zoneId, Optional<Long> physicalNetworkId) {
        if (physicalNetworkId.isPresent()) {
            long physnet = physicalNetworkId.get();
            long zone = zoneOf(physnet).orElseThrow(() -> new InvalidParameterValueException(
                    RouterFields.PHYSICAL_NETWORK_ID + ": expected an existing physical network, got id " + physnet));
            if (zoneId.isPresent() && zoneId.get() != zone) {
                throw new InvalidParameterValueException(RouterFields.PHYSICAL_NETWORK_ID + ": expected a physical"
                        + " network of zone " + zoneId.get() + ", got one of zone " + zone);
            }
            return RouterScope.physicalNetwork(zone, physnet);
        }
        long zone = zoneId.orElseThrow(() -> new InvalidParameterValueException(RouterFields.ZONE_ID + " or "
                + RouterFields.PHYSICAL_NETWORK_ID + ": expected one of them, got neither"));
        if (entities.findById(DataCenter.class, zone) == null) {
            throw new InvalidParameterValueException(RouterFields.ZONE_ID + ": expected an existing zone, got id " + zone);
        }
        return RouterScope.zone(zone);
    }

    private RouterScope freeScope(RouterScope scope, Long self) {
        dao.listAll().stream().filter(r -> r.getScope().equals(scope) && !Long.valueOf(r.getId()).equals(self))
                .findFirst().ifPresent(r -> {
                    throw new InvalidParameterValueException(RouterFields.ZONE_ID + ", " + RouterFields.PHYSICAL_NETWORK_ID
                            + ": expected a " + scope + " without a router, got one served by " + r.getName()
                            + " (to add a second router as its pair, pass " + RouterFields.PAIR_WITH + "=<the id of "
                            + r.getName() + ">)");
                });
        return scope;
    }

    /** The router named by pairwith, if it exists and has no partner yet. */
    private LinuxRouterVO pairablePartner(long id) {
        LinuxRouterVO partner = find(id).orElseThrow(() -> new InvalidParameterValueException(RouterFields.PAIR_WITH
                + ": expected the id of a registered linux router, got " + id));
        partnerOf(partner).ifPresent(other -> {
            throw new InvalidParameterValueException(RouterFields.PAIR_WITH + ": expected a router without a pair"
                    + " member (a pair has two routers), got " + partner.getName() + ", already paired with "
                    + other.getName());
        });
        return partner;
    }

    /**
     * Both members of a pair put every network alike, so they must flood VXLAN networks the same way; interface
     * names (trunk, underlay) may differ from machine to machine.
     */
    private static void sameVxlanMode(String mode, LinuxRouterVO partner) {
        if (!Objects.equals(mode, partner.getVxlanMode())) {
            throw new InvalidParameterValueException(RouterFields.VXLAN_MODE + ": expected "
                    + (partner.getVxlanMode() == null ? "none (the router's own vxlan_mode)" : partner.getVxlanMode())
                    + ", as its pair member " + partner.getName() + " has, got "
                    + (mode == null ? "none" : mode));
        }
    }

    private String uniqueName(String name, Long self) {
        dao.listAll().stream().filter(r -> r.getName().equals(name) && !Long.valueOf(r.getId()).equals(self))
                .findFirst().ifPresent(r -> {
                    throw new InvalidParameterValueException(RouterFields.NAME + ": expected a name no other linux"
                            + " router has, got " + name + ", the name of " + r.getUuid());
                });
        return name;
    }
}
