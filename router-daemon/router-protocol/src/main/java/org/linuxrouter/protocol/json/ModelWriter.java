package org.linuxrouter.protocol.json;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.VxlanOptions;
import org.linuxrouter.protocol.model.Condition;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.PlannedStep;
import org.linuxrouter.protocol.model.Problem;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.PeerState;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

/** Encodes each model type. Absent optionals are omitted, never written as null. */
final class ModelWriter {
  private final JsonWriter out;

  ModelWriter(JsonWriter out) {
    this.out = out;
  }

  static String wireName(Condition.Status status) {
    String name = status.name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  void networkSpec(NetworkSpec spec) throws IOException {
    out.beginObject();
    out.name("uuid").value(spec.uuid().value());
    if (spec.name().isPresent()) {
      out.name("name").value(spec.name().get());
    }
    out.name("segment").value(spec.segment().uri());
    if (spec.trunk().isPresent()) {
      out.name("trunk").value(spec.trunk().get().value());
    }
    out.name("gateway4").value(spec.gateway4().toString());
    if (spec.gateway6().isPresent()) {
      out.name("gateway6").value(spec.gateway6().get().toString());
    }
    if (spec.mtu().isPresent()) {
      out.name("mtu").value(spec.mtu().getAsInt());
    }
    out.name("proxyMode").value(spec.proxyMode().wireName());
    out.name("services").beginArray();
    for (GuestService service : spec.services()) {
      out.value(service.wireName());
    }
    out.endArray();
    addresses("dnsServers", spec.dnsServers());
    if (spec.domain().isPresent()) {
      out.name("domain").value(spec.domain().get().value());
    }
    if (spec.vxlan().isPresent()) {
      vxlanOptions(spec.vxlan().get());
    }
    out.endObject();
  }

  private void vxlanOptions(VxlanOptions vxlan) throws IOException {
    out.name("vxlan").beginObject();
    if (vxlan.underlay().isPresent()) {
      out.name("underlay").value(vxlan.underlay().get().value());
    }
    if (vxlan.mode().isPresent()) {
      out.name("mode").value(vxlan.mode().get().wireName());
    }
    if (vxlan.local().isPresent()) {
      out.name("local").value(vxlan.local().get().toString());
    }
    if (!vxlan.vteps().isEmpty()) {
      addresses("vteps", vxlan.vteps());
    }
    out.endObject();
  }

  void nicSpec(NicSpec nic) throws IOException {
    out.beginObject();
    out.name("uuid").value(nic.uuid().value());
    out.name("mac").value(nic.mac().value());
    addresses("ipv4", nic.ipv4());
    addresses("ipv6", nic.ipv6());
    if (nic.hostname().isPresent()) {
      out.name("hostname").value(nic.hostname().get().value());
    }
    out.name("defaultNic").value(nic.defaultNic());
    out.name("dhcpOptions").beginArray();
    for (DhcpOption option : nic.dhcpOptions()) {
      out.beginObject().name("code").value(option.code()).name("value").value(option.value()).endObject();
    }
    out.endArray();
    out.name("metadata").beginObject();
    for (Map.Entry<String, String> entry : nic.metadata().entrySet()) {
      out.name(entry.getKey()).value(entry.getValue());
    }
    out.endObject();
    out.name("sshPublicKeys").beginArray();
    for (String key : nic.sshPublicKeys()) {
      out.value(key);
    }
    out.endArray();
    secret("userData", nic.userData().orElse(null));
    secret("password", nic.password().orElse(null));
    out.endObject();
  }

  /** A redacted secret (what answers hold) is written as {@code "<name>Set": true}, never as a value. */
  private void secret(String name, Secret secret) throws IOException {
    if (secret == null) {
      return;
    }
    if (secret.isRedacted()) {
      out.name(name + "Set").value(true);
    } else {
      out.name(name).value(secret.reveal());
    }
  }

  private void addresses(String name, List<IpAddress> addresses) throws IOException {
    out.name(name).beginArray();
    for (IpAddress address : addresses) {
      out.value(address.toString());
    }
    out.endArray();
  }

  void networkState(NetworkState state) throws IOException {
    out.beginObject();
    out.name("spec");
    networkSpec(state.spec());
    out.name("nics").beginArray();
    for (NicSpec nic : state.nics()) {
      nicSpec(nic);
    }
    out.endArray();
    out.name("status");
    networkStatus(state.status());
    out.endObject();
  }

  private void networkStatus(NetworkStatus status) throws IOException {
    out.beginObject();
    out.name("desiredRevision").value(status.desiredRevision());
    out.name("appliedRevision").value(status.appliedRevision());
    out.name("conditions").beginArray();
    for (Condition condition : status.conditions()) {
      condition(condition);
    }
    out.endArray();
    if (status.lastError().isPresent()) {
      out.name("lastError").value(status.lastError().get());
    }
    out.endObject();
  }

  private void condition(Condition condition) throws IOException {
    out.beginObject();
    out.name("type").value(condition.type());
    out.name("status").value(wireName(condition.status()));
    out.name("reason").value(condition.reason());
    out.name("message").value(condition.message());
    out.name("since").value(condition.since().toString());
    out.endObject();
  }

  void networkList(List<NetworkState> networks) throws IOException {
    out.beginObject();
    out.name("networks").beginArray();
    for (NetworkState state : networks) {
      networkState(state);
    }
    out.endArray();
    out.endObject();
  }

  void routerStatus(RouterStatus status) throws IOException {
    out.beginObject();
    out.name("version").value(status.version());
    out.name("networks").value(status.networks());
    out.name("nics").value(status.nics());
    if (status.lastReconcile().isPresent()) {
      out.name("lastReconcile").value(status.lastReconcile().get().toString());
    }
    out.name("drifted").beginArray();
    for (Uuid uuid : status.drifted()) {
      out.value(uuid.value());
    }
    out.endArray();
    if (status.dnsmasq().isPresent()) {
      out.name("dnsmasq").value(status.dnsmasq().get());
      out.name("dnsmasqRestarts").value(status.dnsmasqRestarts());
    }
    out.name("metadata").value(status.metadata().wireName());
    out.name("antiSpoofing").value(status.antiSpoofing().wireName());
    if (status.pair().isPresent()) {
      out.name("pair");
      pairState(status.pair().get());
    }
    out.endObject();
  }

  void pairState(PairState pair) throws IOException {
    out.beginObject();
    out.name("role").value(pair.role().name());
    out.name("transitions").value(pair.transitions());
    if (pair.lastTransition().isPresent()) {
      out.name("lastTransition").value(pair.lastTransition().get().toString());
    }
    out.name("keepalivedRestarts").value(pair.keepalivedRestarts());
    if (pair.configError().isPresent()) {
      out.name("configError").value(pair.configError().get());
    }
    if (pair.peer().isPresent()) {
      out.name("splitBrain").value(pair.splitBrain());
      peerState(pair.peer().get());
    }
    if (pair.takeover().isPresent()) {
      out.name("takeover").value(pair.takeover().get().wireName());
    }
    if (pair.gateOpen().isPresent()) {
      out.name("gate").value(pair.gateOpen().get() ? "open" : "closed");
    }
    if (pair.sticky().isPresent()) {
      out.name("sticky").value(pair.sticky().get());
    }
    out.endObject();
  }

  private void peerState(PeerState peer) throws IOException {
    out.name("peer").beginObject();
    out.name("reachable").value(peer.reachable());
    if (peer.role().isPresent()) {
      out.name("role").value(peer.role().get().name());
    }
    if (peer.lastContact().isPresent()) {
      out.name("lastContact").value(peer.lastContact().get().toString());
    }
    if (peer.error().isPresent()) {
      out.name("error").value(peer.error().get());
    }
    out.name("pendingForgets").value(peer.pendingForgets());
    out.name("splitBrains").value(peer.splitBrains());
    out.endObject();
  }

  void passwordAck(PasswordAck ack) throws IOException {
    out.beginObject();
    out.name("sha256").value(ack.sha256());
    out.endObject();
  }

  /** Host-wide steps carry {@code "network": ""}: the field is always present, so readers need no default. */
  void plan(Plan plan) throws IOException {
    out.beginObject();
    out.name("steps").beginArray();
    for (PlannedStep step : plan.steps()) {
      out.beginObject();
      out.name("network").value(step.network().map(Uuid::value).orElse(""));
      out.name("action").value(step.action());
      out.endObject();
    }
    out.endArray();
    out.endObject();
  }

  void problem(Problem problem) throws IOException {
    out.beginObject();
    out.name("type").value(problem.type());
    out.name("title").value(problem.title());
    out.name("status").value(problem.status());
    if (problem.detail().isPresent()) {
      out.name("detail").value(problem.detail().get());
    }
    if (problem.field().isPresent()) {
      out.name("field").value(problem.field().get());
    }
    out.endObject();
  }
}
