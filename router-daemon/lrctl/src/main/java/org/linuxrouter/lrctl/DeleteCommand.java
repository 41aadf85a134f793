package org.linuxrouter.lrctl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.model.Uuid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lrctl delete UUID}: removes a network and its NICs; deleting one that is not there succeeds. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Delete a network with its NICs; the daemon removes what it configured for them. Deleting a "
        + "network the daemon does not hold succeeds.")
final class DeleteCommand implements Callable<Integer> {
  @ParentCommand
  Lrctl lrctl;

  @Parameters(paramLabel = "UUID", description = "the CloudStack network uuid")
  Uuid network;

  @Override
  public Integer call() throws RouterClientException {
    lrctl.client().deleteNetwork(network);
    Output output = lrctl.output();
    if (output.json()) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("deleted", network.value());
      output.json(Output.object(answer));
    } else {
      output.line("deleted network " + network);
    }
    return Exit.OK;
  }
}
