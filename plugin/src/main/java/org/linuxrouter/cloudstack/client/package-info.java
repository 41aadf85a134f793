/**
 * Talking to routers: {@link org.linuxrouter.cloudstack.client.RouterGateway} is the one door. It turns a
 * registered router into a pinned, signed {@code RouterClient} (one per router, rebuilt when its registration
 * changes), and maps every router failure to a {@code ResourceUnavailableException} that names the router and the
 * network and keeps the cause. It knows nothing of CloudStack's network objects; callers hand it protocol values.
 */
package org.linuxrouter.cloudstack.client;
