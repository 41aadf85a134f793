package org.linuxrouter.lrctl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lrctl apply -f FILE}: makes the daemon hold exactly the network and NICs in the file. Order: put the
 * network, delete the NICs the daemon has and the file lacks, then put every NIC of the file. Deleting before
 * putting lets a file move a MAC or address from a removed NIC to a new one, which the daemon would otherwise
 * refuse as a conflict. Every call is idempotent, so re-running after a failure finishes the job.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Make linuxrouterd hold exactly the network and NICs in FILE ({\"network\": {...}, \"nics\": "
        + "[...]}): put the network, delete NICs the file lacks, put the file's NICs. Exits 1 if the network is "
        + "not applied to the kernel afterwards.")
final class ApplyCommand implements Callable<Integer> {
  /** Far above 4096 NICs with 128 addresses each; only guards against reading a wrong, huge file. */
  static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  @ParentCommand
  Lrctl lrctl;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
      description = "the JSON file, or - for standard input")
  String file;

  @Override
  public Integer call() throws RouterClientException {
    ApplyFile wanted = read();
    RouterClient client = lrctl.client();
    Output output = lrctl.output();
    Uuid network = wanted.network().uuid();
    NetworkState state = client.putNetwork(wanted.network());
    progress(output, "put network " + network);
    Set<Uuid> keep = wanted.nics().stream().map(NicSpec::uuid).collect(Collectors.toSet());
    List<Uuid> stale = state.nics().stream().map(NicSpec::uuid).filter(uuid -> !keep.contains(uuid)).toList();
    for (Uuid nic : stale) {
      client.deleteNic(network, nic);
      progress(output, "deleted nic " + nic);
    }
    for (NicSpec nic : wanted.nics()) {
      state = client.putNic(network, nic);
      progress(output, "put nic " + nic.uuid());
    }
    if (wanted.nics().isEmpty() && !stale.isEmpty()) {
      state = client.getNetwork(network).orElseThrow(() -> new CommandFailure(Exit.DAEMON,
          "network " + network + " disappeared while it was being applied (deleted concurrently?)"));
    }
    if (output.json()) {
      output.json(new JsonCodec().encode(state));
    } else {
      output.line("network " + network + ": " + Text.state(state.status()));
    }
    return state.status().isApplied() ? Exit.OK : Exit.NOT_APPLIED;
  }

  private static void progress(Output output, String line) {
    if (!output.json()) {
      output.line(line);
    }
  }

  private ApplyFile read() {
    String source = file.equals("-") ? "standard input" : file;
    try {
      return ApplyFile.parse(utf8(file.equals("-") ? lrctl.stdin() : Files.newInputStream(Path.of(file))));
    } catch (IOException e) {
      throw new CommandFailure(Exit.USAGE, "cannot read " + source + ": " + reason(e), e);
    } catch (ValidationException e) {
      throw new CommandFailure(Exit.USAGE, source + ": " + e.getMessage(), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.toString();
  }

  private static String utf8(InputStream stream) throws IOException {
    byte[] bytes;
    try (InputStream in = stream) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ValidationException("body", "expected at most " + MAX_FILE_BYTES + " bytes, got more");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException("body", "expected UTF-8 text, got invalid bytes");
    }
  }
}
