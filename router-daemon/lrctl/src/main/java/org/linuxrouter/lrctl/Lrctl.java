package org.linuxrouter.lrctl;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.daemon.config.ConfigLoader;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code lrctl}: the root command. Holds the options every subcommand shares ({@code --config}, {@code --url},
 * {@code --json}; accepted before or after the subcommand) and hands subcommands the local daemon, the output
 * and stdin. {@link #commandLine} wires the streams so tests run lrctl in-process.
 */
@Command(name = "lrctl", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Inspect and drive the linuxrouterd on this machine: its networks, NICs, reconcile state, "
        + "certificate fingerprint and shared secret.",
    subcommands = {StatusCommand.class, NetworksCommand.class, ShowCommand.class, ApplyCommand.class,
        DeleteCommand.class, DiffCommand.class, FingerprintCommand.class, SecretCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:ok",
        "1:diff --exit-code found steps, or apply finished but the network is not applied yet",
        "2:usage error, or a bad configuration file, keystore, secret file or apply file",
        "3:linuxrouterd unreachable, or it rejected the request (4xx) or failed (5xx)",
        "70:bug in lrctl"})
public final class Lrctl implements Runnable {

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "linuxrouterd's configuration file (default: ${DEFAULT-VALUE}; a missing file means the "
          + "daemon's defaults)")
  Path config = ConfigLoader.DEFAULT_PATH;

  @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "talk to this https://host:port instead of the configured listen address")
  URI url;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "print JSON instead of text")
  boolean json;

  @Spec
  CommandSpec spec;

  private final InputStream stdin;

  Lrctl(InputStream stdin) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(commandLine(System.in, out, err).execute(args));
  }

  /** lrctl reading {@code stdin} and printing to {@code out} and {@code err}, with its exit codes and error lines. */
  static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
    Failures failures = new Failures();
    CommandLine line = new CommandLine(new Lrctl(stdin));
    line.registerConverter(Uuid.class, Lrctl::uuid);
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(failures);
    line.setParameterExceptionHandler(failures);
    return line;
  }

  private static Uuid uuid(String text) {
    try {
      return Uuid.parse(text);
    } catch (ValidationException e) {
      throw new CommandLine.TypeConversionException(e.problem());
    }
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "expected a command, got none");
  }

  /** Reads the configuration file; each call reads it afresh (a command calls this once). */
  LocalDaemon daemon() {
    return LocalDaemon.from(config, Optional.ofNullable(url));
  }

  RouterClient client() {
    return daemon().client();
  }

  Output output() {
    return new Output(spec.commandLine().getOut(), json);
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  InputStream stdin() {
    return stdin;
  }

  /** {@code lrctl 0.1.0}, from the jar manifest; {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Lrctl.class.getPackage().getImplementationVersion();
      return new String[] {"lrctl " + (version == null ? "dev" : version)};
    }
  }
}
