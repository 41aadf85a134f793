package org.linuxrouter.protocol.client;

import java.util.List;
import java.util.Optional;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Uuid;

/**
 * The linuxrouterd REST API as CloudStack sees it. Every write is idempotent: repeating a put with the
 * same spec, or a delete of something already gone, succeeds and changes nothing.
 */
public interface RouterClient {

  /** {@code PUT /v1/networks/{uuid}}: creates or replaces the network's spec; returns the stored state. */
  NetworkState putNetwork(NetworkSpec spec) throws RouterClientException;

  /** {@code GET /v1/networks/{uuid}}: the network, or empty if the router does not hold it. */
  Optional<NetworkState> getNetwork(Uuid network) throws RouterClientException;

  /** {@code GET /v1/networks}: every network the router holds. */
  List<NetworkState> listNetworks() throws RouterClientException;

  /** {@code DELETE /v1/networks/{uuid}}: removes the network and its NICs; succeeds if already gone. */
  void deleteNetwork(Uuid network) throws RouterClientException;

  /** {@code PUT /v1/networks/{uuid}/nics/{nicUuid}}: creates or replaces one NIC; returns the network. */
  NetworkState putNic(Uuid network, NicSpec nic) throws RouterClientException;

  /** {@code DELETE /v1/networks/{uuid}/nics/{nicUuid}}: removes one NIC; succeeds if already gone. */
  void deleteNic(Uuid network, Uuid nic) throws RouterClientException;

  /** {@code GET /v1/status}: version, counts, last reconcile and drift. */
  RouterStatus status() throws RouterClientException;

  /** {@code GET /v1/plan}: what the reconciler would change right now (desired state vs the kernel). */
  Plan plan() throws RouterClientException;
}
