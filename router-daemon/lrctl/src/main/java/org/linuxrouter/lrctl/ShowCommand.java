package org.linuxrouter.lrctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Condition;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lrctl show UUID}: one network's spec, its NICs, and whether the kernel matches it. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Show one network: its spec, its NICs and its status (applied or pending, last error).")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand
  Lrctl lrctl;

  @Parameters(paramLabel = "UUID", description = "the CloudStack network uuid")
  Uuid network;

  @Override
  public Integer call() throws RouterClientException {
    LocalDaemon daemon = lrctl.daemon();
    NetworkState state = daemon.client().getNetwork(network).orElseThrow(() -> new CommandFailure(Exit.DAEMON,
        "linuxrouterd at " + daemon.url() + " holds no network " + network));
    Output output = lrctl.output();
    if (output.json()) {
      output.json(new JsonCodec().encode(state));
      return Exit.OK;
    }
    output.fields(fields(state));
    output.line("");
    if (state.nics().isEmpty()) {
      output.line("no nics");
    } else {
      output.table(List.of("nic", "mac", "ipv4", "ipv6", "hostname", "default", "dhcp-options", "metadata",
          "ssh-keys", "secrets"), state.nics().stream().map(ShowCommand::nicRow).toList());
    }
    if (!state.status().conditions().isEmpty()) {
      output.line("");
      output.table(List.of("condition", "status", "reason", "since", "message"),
          state.status().conditions().stream().map(ShowCommand::conditionRow).toList());
    }
    return Exit.OK;
  }

  private static Map<String, String> fields(NetworkState state) {
    NetworkSpec spec = state.spec();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("network", spec.uuid().value());
    spec.name().ifPresent(name -> fields.put("name", name));
    fields.put("segment", spec.segment().uri());
    fields.put("trunk", Text.trunk(spec));
    spec.vxlan().ifPresent(options -> fields.put("vxlan", Text.vxlan(options)));
    fields.put("gateway4", spec.gateway4().toString());
    spec.gateway6().ifPresent(gateway -> fields.put("gateway6", gateway.toString()));
    fields.put("mtu", spec.mtu().isPresent() ? Integer.toString(spec.mtu().getAsInt()) : "trunk's");
    fields.put("proxy mode", spec.proxyMode().wireName());
    fields.put("services", spec.services().isEmpty() ? "none"
        : spec.services().stream().map(GuestService::wireName).collect(Collectors.joining(",")));
    fields.put("dns servers", Text.addresses(spec.dnsServers()));
    fields.put("domain", spec.domain().map(Object::toString).orElse(Text.NONE));
    fields.put("status", Text.state(state.status()));
    return fields;
  }

  /** Secrets show only as the names of those the router holds: answers never carry their values anyway. */
  private static List<String> nicRow(NicSpec nic) {
    List<String> secrets = new ArrayList<>();
    nic.userData().ifPresent(s -> secrets.add("user-data"));
    nic.password().ifPresent(s -> secrets.add("password"));
    return List.of(nic.uuid().value(), nic.mac().value(), Text.addresses(nic.ipv4()), Text.addresses(nic.ipv6()),
        nic.hostname().map(Object::toString).orElse(Text.NONE), nic.defaultNic() ? "yes" : "no",
        nic.dhcpOptions().isEmpty() ? Text.NONE
            : nic.dhcpOptions().stream().map(o -> Integer.toString(o.code())).collect(Collectors.joining(",")),
        nic.metadata().isEmpty() ? Text.NONE : String.join(",", nic.metadata().keySet()),
        Integer.toString(nic.sshPublicKeys().size()), secrets.isEmpty() ? Text.NONE : String.join(",", secrets));
  }

  private static List<String> conditionRow(Condition condition) {
    return List.of(condition.type(), condition.status().name().toLowerCase(java.util.Locale.ROOT),
        condition.reason(), condition.since().toString(), condition.message().isEmpty() ? Text.NONE
            : condition.message());
  }
}
