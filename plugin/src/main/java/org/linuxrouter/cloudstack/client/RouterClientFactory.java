package org.linuxrouter.cloudstack.client;

import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.client.RouterClientConfig;

/** Makes the client for a router: HTTPS in production, a recording fake in tests. */
public interface RouterClientFactory {
    RouterClientFactory HTTPS = HttpRouterClient::new;

    RouterClient create(RouterClientConfig config);
}
