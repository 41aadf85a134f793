package org.linuxrouter.protocol.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.linuxrouter.protocol.model.Condition;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.DnsDomain;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.PlannedStep;
import org.linuxrouter.protocol.model.Problem;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.PeerState;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.ServiceState;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

/** Decodes each model type from a {@link StrictReader}; field names match {@link ModelWriter}. */
final class ModelReader {
  private final StrictReader in;

  ModelReader(StrictReader in) {
    this.in = in;
  }

  NetworkSpec networkSpec(String path) {
    NetworkSpec.Builder spec = NetworkSpec.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "uuid": spec.uuid(in.scalar(at, Uuid::parse)); break;
        case "name": spec.name(in.string(at)); break;
        case "segment": spec.segment(in.scalar(at, Segment::parse)); break;
        case "trunk": spec.trunk(in.scalar(at, InterfaceName::of)); break;
        case "gateway4": spec.gateway4(in.scalar(at, GatewayAddress::parse)); break;
        case "gateway6": spec.gateway6(in.scalar(at, GatewayAddress::parse)); break;
        case "mtu": spec.mtu(in.int32(at)); break;
        case "proxyMode": spec.proxyMode(in.scalar(at, text -> ProxyMode.fromWireName(at, text))); break;
        case "services":
          spec.services(in.array(at, i -> in.scalar(i, text -> GuestService.fromWireName(i, text))));
          break;
        case "dnsServers": spec.dnsServers(addresses(at)); break;
        case "domain": spec.domain(in.scalar(at, DnsDomain::parse)); break;
        case "vxlan": spec.vxlan(vxlanOptions(at)); break;
        default: throw StrictReader.unknownField(at,
            "uuid, name, segment, trunk, gateway4, gateway6, mtu, proxyMode, services, dnsServers, domain, vxlan");
      }
    });
    return build(path, spec::build);
  }

  private VxlanOptions vxlanOptions(String path) {
    AtomicReference<InterfaceName> underlay = new AtomicReference<>();
    AtomicReference<VxlanMode> mode = new AtomicReference<>();
    AtomicReference<IpAddress> local = new AtomicReference<>();
    AtomicReference<List<IpAddress>> vteps = new AtomicReference<>();
    in.object(path, (name, at) -> {
      switch (name) {
        case "underlay": underlay.set(in.scalar(at, InterfaceName::of)); break;
        case "mode": mode.set(in.scalar(at, text -> VxlanMode.fromWireName(at, text))); break;
        case "local": local.set(in.scalar(at, IpAddress::parse)); break;
        case "vteps": vteps.set(addresses(at)); break;
        default: throw StrictReader.unknownField(at, "underlay, mode, local, vteps");
      }
    });
    return build(path, () -> new VxlanOptions(underlay.get(), mode.get(), local.get(), vteps.get()));
  }

  /** A NIC as a request (or the state file) carries it: secrets in full, no "...Set" flags. */
  NicSpec nicSpec(String path) {
    return nicSpec(path, false);
  }

  /**
   * A NIC; {@code answer} accepts the flags a GET answer puts in place of secrets ({@code "passwordSet": true}),
   * which a request may not send: a client cannot store "redacted" as a password.
   */
  private NicSpec nicSpec(String path, boolean answer) {
    NicSpec.Builder nic = NicSpec.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "uuid": nic.uuid(in.scalar(at, Uuid::parse)); break;
        case "mac": nic.mac(in.scalar(at, MacAddress::parse)); break;
        case "ipv4": nic.ipv4(addresses(at)); break;
        case "ipv6": nic.ipv6(addresses(at)); break;
        case "hostname": nic.hostname(in.scalar(at, Hostname::parse)); break;
        case "defaultNic": nic.defaultNic(in.bool(at)); break;
        case "dhcpOptions": nic.dhcpOptions(in.array(at, this::dhcpOption)); break;
        case "metadata": nic.metadata(stringMap(at)); break;
        case "sshPublicKeys": nic.sshPublicKeys(in.array(at, in::string)); break;
        case "userData": nic.userData(Secret.of(in.string(at))); break;
        case "password": nic.password(Secret.of(in.string(at))); break;
        case "userDataSet": nic.userData(redactedFlag(at, answer, "userData")); break;
        case "passwordSet": nic.password(redactedFlag(at, answer, "password")); break;
        default: throw StrictReader.unknownField(at, "uuid, mac, ipv4, ipv6, hostname, defaultNic, dhcpOptions,"
            + " metadata, sshPublicKeys, userData, password");
      }
    });
    return build(path, nic::build);
  }

  private Secret redactedFlag(String path, boolean answer, String secretField) {
    if (!answer) {
      throw new ValidationException(path, "expected no " + path + " (answers only say a secret is stored); send "
          + secretField + " to set it");
    }
    if (!in.bool(path)) {
      throw new ValidationException(path, "expected true or no field, got false");
    }
    return Secret.REDACTED;
  }

  private DhcpOption dhcpOption(String path) {
    AtomicReference<Integer> code = new AtomicReference<>();
    AtomicReference<String> value = new AtomicReference<>();
    in.object(path, (name, at) -> {
      switch (name) {
        case "code": code.set(in.int32(at)); break;
        case "value": value.set(in.string(at)); break;
        default: throw StrictReader.unknownField(at, "code, value");
      }
    });
    if (code.get() == null) {
      throw new ValidationException(path + ".code", "expected a value, got none");
    }
    return build(path, () -> DhcpOption.of(code.get(), value.get()));
  }

  private Map<String, String> stringMap(String path) {
    Map<String, String> map = new LinkedHashMap<>();
    in.object(path, (name, at) -> map.put(name, in.string(at)));
    return map;
  }

  private List<IpAddress> addresses(String path) {
    return in.array(path, at -> in.scalar(at, IpAddress::parse));
  }

  NetworkState networkState(String path) {
    NetworkState.Builder state = NetworkState.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "spec": state.spec(networkSpec(at)); break;
        case "nics": state.nics(in.array(at, i -> nicSpec(i, true))); break;
        case "status": state.status(networkStatus(at)); break;
        default: throw StrictReader.unknownField(at, "spec, nics, status");
      }
    });
    return build(path, state::build);
  }

  private NetworkStatus networkStatus(String path) {
    NetworkStatus.Builder status = NetworkStatus.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "desiredRevision": status.desiredRevision(in.integer(at)); break;
        case "appliedRevision": status.appliedRevision(in.integer(at)); break;
        case "conditions": status.conditions(in.array(at, this::condition)); break;
        case "lastError": status.lastError(in.string(at)); break;
        default: throw StrictReader.unknownField(at, "desiredRevision, appliedRevision, conditions, lastError");
      }
    });
    return build(path, status::build);
  }

  private Condition condition(String path) {
    Condition.Builder condition = Condition.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "type": condition.type(in.string(at)); break;
        case "status": condition.status(in.scalar(at, ModelReader::conditionStatus)); break;
        case "reason": condition.reason(in.string(at)); break;
        case "message": condition.message(in.string(at)); break;
        case "since": condition.since(in.scalar(at, ModelReader::instant)); break;
        default: throw StrictReader.unknownField(at, "type, status, reason, message, since");
      }
    });
    return build(path, condition::build);
  }

  List<NetworkState> networkList(String path) {
    AtomicReference<List<NetworkState>> networks = new AtomicReference<>();
    in.object(path, (name, at) -> {
      if (!name.equals("networks")) {
        throw StrictReader.unknownField(at, "networks");
      }
      networks.set(in.array(at, this::networkState));
    });
    if (networks.get() == null) {
      throw new ValidationException("networks", "expected a value, got none");
    }
    return networks.get();
  }

  RouterStatus routerStatus(String path) {
    RouterStatus.Builder status = RouterStatus.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "version": status.version(in.string(at)); break;
        case "networks": status.networks(in.int32(at)); break;
        case "nics": status.nics(in.int32(at)); break;
        case "lastReconcile": status.lastReconcile(in.scalar(at, ModelReader::instant)); break;
        case "drifted": status.drifted(in.array(at, i -> in.scalar(i, Uuid::parse))); break;
        case "pair": status.pair(pairState(at)); break;
        case "dnsmasq": status.dnsmasq(in.string(at)); break;
        case "dnsmasqRestarts": status.dnsmasqRestarts(in.integer(at)); break;
        case "metadata": status.metadata(in.scalar(at, text -> ServiceState.fromWireName(at, text))); break;
        case "antiSpoofing": status.antiSpoofing(in.scalar(at, text -> ServiceState.fromWireName(at, text))); break;
        default: throw StrictReader.unknownField(at,
            "version, networks, nics, lastReconcile, drifted, pair, dnsmasq, dnsmasqRestarts, metadata, antiSpoofing");
      }
    });
    return build(path, status::build);
  }

  private static Boolean gateOpen(String field, String text) {
    if (text.equals("open") || text.equals("closed")) {
      return text.equals("open");
    }
    throw new ValidationException(field, "expected open or closed, got \"" + text + "\"");
  }

  PairState pairState(String path) {
    AtomicReference<PairState.Role> role = new AtomicReference<>();
    AtomicReference<PairState.Takeover> takeover = new AtomicReference<>();
    AtomicReference<Boolean> gate = new AtomicReference<>();
    AtomicReference<Boolean> sticky = new AtomicReference<>();
    long[] counts = new long[2];
    AtomicReference<Instant> last = new AtomicReference<>();
    AtomicReference<String> error = new AtomicReference<>();
    boolean[] splitBrain = new boolean[1];
    AtomicReference<PeerState> peer = new AtomicReference<>();
    in.object(path, (name, at) -> {
      switch (name) {
        case "role": role.set(in.scalar(at, text -> PairState.role(at, text))); break;
        case "transitions": counts[0] = in.integer(at); break;
        case "lastTransition": last.set(in.scalar(at, ModelReader::instant)); break;
        case "keepalivedRestarts": counts[1] = in.integer(at); break;
        case "configError": error.set(in.string(at)); break;
        case "splitBrain": splitBrain[0] = in.bool(at); break;
        case "peer": peer.set(peerState(at)); break;
        case "takeover": takeover.set(in.scalar(at, text -> PairState.Takeover.parse(at, text))); break;
        case "gate": gate.set(in.scalar(at, text -> gateOpen(at, text))); break;
        case "sticky": sticky.set(in.bool(at)); break;
        default: throw StrictReader.unknownField(at, "role, transitions, lastTransition, keepalivedRestarts,"
            + " configError, splitBrain, peer, takeover, gate, sticky");
      }
    });
    return build(path, () -> {
      PairState p = PairState.of(role.get(), counts[0], last.get(), counts[1], error.get(), splitBrain[0],
          peer.get());
      if (takeover.get() == null && gate.get() != null) {
        throw new ValidationException(path + ".gate", "expected a gate state only with takeover gate");
      }
      PairState withMode = takeover.get() == null ? p : p.withTakeover(takeover.get(), gate.get());
      return sticky.get() == null ? withMode : withMode.withSticky(sticky.get());
    });
  }

  PeerState peerState(String path) {
    boolean[] reachable = new boolean[1];
    AtomicReference<PairState.Role> role = new AtomicReference<>();
    AtomicReference<Instant> last = new AtomicReference<>();
    AtomicReference<String> error = new AtomicReference<>();
    long[] counts = new long[2];
    in.object(path, (name, at) -> {
      switch (name) {
        case "reachable": reachable[0] = in.bool(at); break;
        case "role": role.set(in.scalar(at, text -> PairState.role(at, text))); break;
        case "lastContact": last.set(in.scalar(at, ModelReader::instant)); break;
        case "error": error.set(in.string(at)); break;
        case "pendingForgets": counts[0] = in.integer(at); break;
        case "splitBrains": counts[1] = in.integer(at); break;
        default: throw StrictReader.unknownField(at,
            "reachable, role, lastContact, error, pendingForgets, splitBrains");
      }
    });
    return build(path, () -> PeerState.of(reachable[0], role.get(), last.get(), error.get(), counts[0], counts[1]));
  }

  PasswordAck passwordAck(String path) {
    AtomicReference<PasswordAck> ack = new AtomicReference<>();
    in.object(path, (name, at) -> {
      if (!name.equals("sha256")) {
        throw StrictReader.unknownField(at, "sha256");
      }
      ack.set(in.scalar(at, text -> PasswordAck.parse(at, text)));
    });
    if (ack.get() == null) {
      throw new ValidationException(path.isEmpty() ? "sha256" : path + ".sha256", "expected a value, got none");
    }
    return ack.get();
  }

  Plan plan(String path) {
    AtomicReference<List<PlannedStep>> steps = new AtomicReference<>();
    in.object(path, (name, at) -> {
      if (!name.equals("steps")) {
        throw StrictReader.unknownField(at, "steps");
      }
      steps.set(in.array(at, this::plannedStep));
    });
    if (steps.get() == null) {
      throw new ValidationException("steps", "expected a value, got none");
    }
    return build(path, () -> Plan.builder().steps(steps.get()).build());
  }

  private PlannedStep plannedStep(String path) {
    PlannedStep.Builder step = PlannedStep.builder();
    AtomicBoolean sawNetwork = new AtomicBoolean();
    in.object(path, (name, at) -> {
      switch (name) {
        case "network": step.network(in.scalar(at, ModelReader::stepNetwork)); sawNetwork.set(true); break;
        case "action": step.action(in.string(at)); break;
        default: throw StrictReader.unknownField(at, "network, action");
      }
    });
    // Required although it may be empty: a missing key is a daemon bug, not a host-wide step.
    if (!sawNetwork.get()) {
      throw new ValidationException(path + ".network", "expected a uuid or \"\" for a host-wide step, got none");
    }
    return build(path, step::build);
  }

  /** {@code ""} is the wire form of a host-wide step (null in the builder); anything else is a network uuid. */
  private static Uuid stepNetwork(String text) {
    return text.isEmpty() ? null : Uuid.parse("network", text);
  }

  Problem problem(String path) {
    Problem.Builder problem = Problem.builder();
    in.object(path, (name, at) -> {
      switch (name) {
        case "type": problem.type(in.string(at)); break;
        case "title": problem.title(in.string(at)); break;
        case "status": problem.status(in.int32(at)); break;
        case "detail": problem.detail(in.string(at)); break;
        case "field": problem.field(in.string(at)); break;
        default: throw StrictReader.unknownField(at, "type, title, status, detail, field");
      }
    });
    return build(path, problem::build);
  }

  /** Builds, reporting the builder's field errors under the object's path. */
  private static <T> T build(String path, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (ValidationException e) {
      throw path.isEmpty() ? e : e.under(path);
    }
  }

  private static Condition.Status conditionStatus(String text) {
    for (Condition.Status status : Condition.Status.values()) {
      if (ModelWriter.wireName(status).equals(text)) {
        return status;
      }
    }
    throw new ValidationException("status", "expected True, False or Unknown, got " + StrictReader.shown(text));
  }

  private static Instant instant(String text) {
    try {
      // ISO_INSTANT: UTC with a Z, e.g. 2026-01-02T03:04:05.123Z, so both ends compare it textually.
      if (!text.endsWith("Z")) {
        throw new DateTimeParseException("no Z", text, 0);
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ValidationException("time", "expected an rfc 3339 utc time like 2026-01-02T03:04:05Z, got "
          + StrictReader.shown(text));
    }
  }
}
