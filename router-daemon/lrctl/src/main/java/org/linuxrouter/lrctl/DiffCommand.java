package org.linuxrouter.lrctl;

import java.util.List;
import java.util.concurrent.Callable;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lrctl diff}: what the reconciler would change right now; changes nothing itself. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Show what linuxrouterd would change to make the kernel match the desired state (GET /v1/plan). "
        + "Changes nothing.")
final class DiffCommand implements Callable<Integer> {
  @ParentCommand
  Lrctl lrctl;

  @Option(names = "--exit-code", description = "exit 1 when there is something to do (like git diff --exit-code)")
  boolean exitCode;

  @Override
  public Integer call() throws RouterClientException {
    Plan plan = lrctl.client().plan();
    Output output = lrctl.output();
    if (output.json()) {
      output.json(new JsonCodec().encode(plan));
    } else if (plan.isEmpty()) {
      output.line("nothing to do: the kernel matches the desired state");
    } else {
      output.line(Text.count(plan.steps().size(), "step") + " to make the kernel match the desired state:");
      output.table(List.of("network", "action"),
          plan.steps().stream().map(step -> List.of(Text.network(step), step.action())).toList());
    }
    return exitCode && !plan.isEmpty() ? Exit.NOT_APPLIED : Exit.OK;
  }
}
