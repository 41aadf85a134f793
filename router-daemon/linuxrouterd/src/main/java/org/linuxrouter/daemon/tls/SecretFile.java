package org.linuxrouter.daemon.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The shared-secret file: on first start 32 random bytes, base64url without padding (43 characters) and a
 * newline, mode 0600; on later starts read back and checked. An operator may write their own secret instead;
 * it must still satisfy {@link SharedSecret}.
 */
public final class SecretFile {
  public static final int GENERATED_BYTES = 32;

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
  public SharedSecret loadOrCreate() {
    if (Files.exists(path)) {
      return load();
    }
    byte[] bytes = new byte[GENERATED_BYTES];
    random.nextBytes(bytes);
    SharedSecret secret = new SharedSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    OwnerOnlyFiles.write(path, (secret.value() + "\n").getBytes(StandardCharsets.US_ASCII));
    return secret;
  }

  /** Reads the secret; one trailing newline (what editors and echo add) is not part of it. */
  public SharedSecret load() {
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
      return new SharedSecret(text);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(path, e.getMessage(), e);
    }
  }
}
