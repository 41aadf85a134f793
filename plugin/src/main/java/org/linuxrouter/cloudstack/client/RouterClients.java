package org.linuxrouter.cloudstack.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.linuxrouter.protocol.client.RouterClient;

/**
 * One client per router, kept so its connection pool is reused across calls; rebuilt when the router's URL,
 * pin or secret changed (updateLinuxRouter), so a new registration takes effect on the next call.
 */
final class RouterClients {
    private final RouterClientFactory factory;
    private final ConcurrentMap<String, Entry> clients = new ConcurrentHashMap<>();

    RouterClients(RouterClientFactory factory) {
        this.factory = factory;
    }

    RouterClient clientFor(RouterEndpoint router) {
        return clients.compute(router.uuid(), (uuid, old) ->
                old != null && old.endpoint.sameConnection(router) ? old
                        : new Entry(router, factory.create(router.clientConfig()))).client;
    }

    private static final class Entry {
        private final RouterEndpoint endpoint;
        private final RouterClient client;

        private Entry(RouterEndpoint endpoint, RouterClient client) {
            this.endpoint = endpoint;
            this.client = client;
        }
    }
}
