/**
 * Where CloudStack calls in: {@link org.linuxrouter.cloudstack.element.LinuxRouterElement} (the
 * {@code NetworkElement} of provider {@code LinuxRouter}; every method a few lines), the lifecycle behind it
 * ({@link org.linuxrouter.cloudstack.element.NetworkLifecycle}: ensure the network from both implement and
 * prepare, per-NIC entries, teardown from the recorded placement) and the pure translation of CloudStack networks
 * and NICs into router-protocol values ({@link org.linuxrouter.cloudstack.element.NetworkTranslator}). Changes
 * go to routers only through {@code client.PairGateway} (every router of the network: one, or both of a pair).
 */
package org.linuxrouter.cloudstack.element;
