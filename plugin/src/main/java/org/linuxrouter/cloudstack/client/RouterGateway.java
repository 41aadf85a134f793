package org.linuxrouter.cloudstack.client;

import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.client.RouterRejectedException;
import org.linuxrouter.protocol.client.RouterUnreachableException;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.dc.DataCenter;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;

/**
 * The plugin's one door to the routers. Each call takes the registered router and the network it is about, and
 * turns any router failure (unreachable, refused, failed, or stored but not applied to the kernel) into a
 * {@link ResourceUnavailableException} scoped to that network, naming both and keeping the cause; CloudStack then
 * fails the VM start or network operation with that message. Writes are idempotent on the router, so a retry by
 * CloudStack is always safe.
 */
public class RouterGateway {
    private static final Logger LOG = LogManager.getLogger(RouterGateway.class);

    private final RouterClients clients;

    public RouterGateway() {
        this(RouterClientFactory.HTTPS);
    }

    public RouterGateway(RouterClientFactory factory) {
        this.clients = new RouterClients(factory);
    }

    /** Creates or replaces the network on the router; the same spec again changes nothing there. */
    public NetworkState putNetwork(RouterEndpoint router, NetworkRef network, NetworkSpec spec)
            throws ResourceUnavailableException {
        NetworkState state = call(router, network, "put", c -> c.putNetwork(spec));
        return requireApplied(router, network, state);
    }

    public NetworkState putNic(RouterEndpoint router, NetworkRef network, NicSpec nic) throws ResourceUnavailableException {
        NetworkState state = call(router, network, "put nic " + nic.uuid() + " of", c -> c.putNic(Uuid.parse(network.uuid()), nic));
        return requireApplied(router, network, state);
    }

    /** Removes a NIC; one the router does not hold is already removed. */
    public void deleteNic(RouterEndpoint router, NetworkRef network, Uuid nic) throws ResourceUnavailableException {
        call(router, network, "delete nic " + nic + " of", c -> {
            c.deleteNic(Uuid.parse(network.uuid()), nic);
            return null;
        });
    }

    /** Removes the network and its NICs; one the router does not hold is already removed. */
    public void deleteNetwork(RouterEndpoint router, NetworkRef network) throws ResourceUnavailableException {
        call(router, network, "delete", c -> {
            c.deleteNetwork(Uuid.parse(network.uuid()));
            return null;
        });
    }

    /** Every network the router holds; failures are scoped to the router's zone. */
    public List<NetworkState> listNetworks(RouterEndpoint router, long zoneId) throws ResourceUnavailableException {
        return callRouter(router, zoneId, "list networks", RouterClient::listNetworks);
    }

    public RouterStatus status(RouterEndpoint router, long zoneId) throws ResourceUnavailableException {
        return callRouter(router, zoneId, "read the status", RouterClient::status);
    }

    private <T> T call(RouterEndpoint router, NetworkRef network, String verb, Call<T> call)
            throws ResourceUnavailableException {
        try {
            return call.run(clients.clientFor(router));
        } catch (RouterClientException e) {
            throw new ResourceUnavailableException(router + " " + failure(e) + " to " + verb + " " + network + ": "
                    + e.getMessage(), Network.class, network.id(), e);
        }
    }

    private <T> T callRouter(RouterEndpoint router, long zoneId, String verb, Call<T> call)
            throws ResourceUnavailableException {
        try {
            return call.run(clients.clientFor(router));
        } catch (RouterClientException e) {
            throw new ResourceUnavailableException(router + " " + failure(e) + " to " + verb + ": " + e.getMessage(),
                    DataCenter.class, zoneId, e);
        }
    }

    /**
     * The router answers once a reconcile pass saw the change. A change stored but refused by the kernel fails the
     * operation; one still pending (the pass outlasted the router's wait) is logged and the router keeps applying it.
     */
    private static NetworkState requireApplied(RouterEndpoint router, NetworkRef network, NetworkState state)
            throws ResourceUnavailableException {
        if (state.status().isApplied()) {
            return state;
        }
        if (state.status().lastError().isPresent()) {
            throw new ResourceUnavailableException(router + " stored " + network + " but its kernel refused it"
                    + " (revision " + state.status().desiredRevision() + "): " + state.status().lastError().get(),
                    Network.class, network.id());
        }
        LOG.warn("{} stored {} (revision {}) but has not applied it yet; it keeps reconciling", router, network,
                state.status().desiredRevision());
        return state;
    }

    private static String failure(RouterClientException e) {
        if (e instanceof RouterUnreachableException) {
            return "was unreachable when asked";
        }
        if (e instanceof RouterRejectedException) {
            return "refused";
        }
        return "failed";
    }

    /** One client call, so every call site shares the error mapping. */
    private interface Call<T> {
        T run(RouterClient client) throws RouterClientException;
    }
}
