package org.linuxrouter.lrctl;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lrctl networks}: one table row per network the daemon holds, sorted by UUID for stable output. */
@Command(name = "networks", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "List the networks linuxrouterd holds: uuid, segment, trunk, gateway, NIC count, applied.")
final class NetworksCommand implements Callable<Integer> {
  private static final List<String> HEADER = List.of("uuid", "segment", "trunk", "gateway", "nics", "applied");

  @ParentCommand
  Lrctl lrctl;

  @Override
  public Integer call() throws RouterClientException {
    List<NetworkState> networks = lrctl.client().listNetworks().stream()
        .sorted(Comparator.comparing(n -> n.spec().uuid().value())).toList();
    Output output = lrctl.output();
    if (output.json()) {
      output.json(new JsonCodec().encodeNetworkList(networks));
    } else if (networks.isEmpty()) {
      output.line("no networks");
    } else {
      output.table(HEADER, networks.stream().map(NetworksCommand::row).toList());
    }
    return Exit.OK;
  }

  private static List<String> row(NetworkState network) {
    NetworkSpec spec = network.spec();
    return List.of(spec.uuid().value(), spec.segment().uri(), Text.trunk(spec), Text.gateways(spec),
        Integer.toString(network.nics().size()), Text.applied(network.status()));
  }
}
