package org.linuxrouter.lrctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.linuxrouter.daemon.store.AtomicFile;
import org.linuxrouter.daemon.store.StoreException;
import org.linuxrouter.protocol.auth.RouterSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lrctl secret}: prints the shared secret CloudStack signs with, or with {@code --rotate} replaces it.
 * Only stdout carries the secret; the reminder to restart and update CloudStack goes to stderr, so
 * {@code lrctl secret --rotate | ...} pipes nothing but the secret.
 */
@Command(name = "secret", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Print the shared secret (paste it into CloudStack when adding this router). With --rotate, "
        + "write a new one first; linuxrouterd must then be restarted and CloudStack given the new secret.")
final class SecretCommand implements Callable<Integer> {
  @ParentCommand
  Lrctl lrctl;

  @Option(names = "--rotate", description = "replace the secret with a new random one (mode 0600, atomically)")
  boolean rotate;

  @Override
  public Integer call() {
    LocalDaemon daemon = lrctl.daemon();
    Path file = daemon.secretFile().path();
    RouterSecret secret = rotate ? write(file, RouterSecret.generate()) : daemon.secret();
    Output output = lrctl.output();
    if (output.json()) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("secret", secret.encoded());
      answer.put("file", file);
      answer.put("rotated", rotate);
      output.json(Output.object(answer));
    } else {
      output.line(secret.encoded());
    }
    if (rotate) {
      lrctl.err().println("lrctl: wrote a new secret to " + file + "; until linuxrouterd is restarted (systemctl "
          + "restart linuxrouterd) and CloudStack has the new secret, CloudStack's requests are refused");
      lrctl.err().flush();
    }
    return Exit.OK;
  }

  /**
   * The daemon's secret-file format (unpadded base64url and a newline), written the way the daemon writes it.
   * The new file keeps the old one's owner and group: lrctl runs as root, the daemon as its own user (the
   * package's linuxrouter), and a root-owned 0600 secret would stop the daemon at its next start.
   */
  private static RouterSecret write(Path file, RouterSecret secret) {
    try {
      Optional<PosixFileAttributes> old = Files.exists(file)
          ? Optional.of(Files.readAttributes(file, PosixFileAttributes.class)) : Optional.empty();
      new AtomicFile(file, PosixFilePermissions.fromString("rw-------"))
          .write((secret.encoded() + "\n").getBytes(StandardCharsets.US_ASCII));
      if (old.isPresent()) {
        PosixFileAttributes now = Files.readAttributes(file, PosixFileAttributes.class);
        if (!now.owner().equals(old.get().owner()) || !now.group().equals(old.get().group())) {
          PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
          view.setGroup(old.get().group());
          view.setOwner(old.get().owner());
        }
      }
      return secret;
    } catch (StoreException e) {
      throw new CommandFailure(Exit.USAGE, "cannot write the new secret: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CommandFailure(Exit.USAGE, "cannot give the new secret the old one's owner and group: " + e, e);
    }
  }
}
