package org.linuxrouter.daemon.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import org.linuxrouter.protocol.auth.RouterSecret;

/**
 * The shared-secret file: on first start {@link RouterSecret#MIN_BYTES} random bytes as unpadded base64url
 * (43 characters) and a newline, mode 0600; on later starts read back and checked with the same rules the
 * plugin applies ({@link RouterSecret#parse}), so a secret the daemon accepts is one CloudStack accepts too.
 */
public final class SecretFile {
  private final Path path;
  private final SecureRandom random;

  public SecretFile(Path path, SecureRandom random) {
    this.path = Objects.requireNonNull(path, "path");
    this.random = Objects.requireNonNull(random, "random");
  }

  public SecretFile(Path path) {
    this(path, new SecureRandom());
  }

  public Path path() {
    return path;
  }

  /** Loads the secret, or generates and writes one when the file does not exist. */
  public RouterSecret loadOrCreate() {
    if (Files.exists(path)) {
      return load();
    }
    RouterSecret secret = RouterSecret.generate(random);
    OwnerOnlyFiles.write(path, (secret.encoded() + "\n").getBytes(StandardCharsets.US_ASCII));
    return secret;
  }

  /**
   * Reads the secret; one trailing newline (what editors and echo add) is not part of it. A bad secret is an
   * error, never replaced: CloudStack holds the same value and would be locked out.
   */
  public RouterSecret load() {
    OwnerOnlyFiles.requireNotWorldAccessible(path);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IdentityException(path, "cannot read the secret: " + e, e);
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      return RouterSecret.parse(text);
    } catch (IllegalArgumentException e) {
      // RouterSecret's messages never echo the text, so this one cannot leak a near-miss secret either.
      throw new IdentityException(path, e.getMessage(), e);
    }
  }
}
