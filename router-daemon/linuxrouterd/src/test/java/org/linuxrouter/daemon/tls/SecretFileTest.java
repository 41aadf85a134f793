package org.linuxrouter.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
  @TempDir
  Path dir;

  @Test
  void generatesThirtyTwoRandomBytesBase64urlWithMode0600() throws Exception {
    Path path = dir.resolve("secret");
    SharedSecret secret = new SecretFile(path).loadOrCreate();
    assertEquals(43, secret.value().length());
    assertTrue(secret.value().matches("[A-Za-z0-9_-]{43}"), "not base64url: " + secret.value().length());
    assertEquals(32, Base64.getUrlDecoder().decode(secret.value()).length);
    assertEquals(secret.value() + "\n", Files.readString(path));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));

    assertEquals(secret, new SecretFile(path).loadOrCreate());
    assertNotEquals(secret, new SecretFile(dir.resolve("other")).loadOrCreate());
  }

  @Test
  void loadsAnOperatorsSecretAndNeverPrintsIt() throws Exception {
    Path path = dir.resolve("secret");
    String own = "correct-horse-battery-staple-0123456789";
    Files.writeString(path, own);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
    SharedSecret secret = new SecretFile(path).loadOrCreate();
    assertEquals(own, secret.value());
    assertFalse(secret.toString().contains("horse"), secret.toString());
  }

  @Test
  void rejectsShortBlankOrWorldReadableSecrets() throws Exception {
    Path path = dir.resolve("secret");
    Files.writeString(path, "too-short\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    IdentityException shortOne = assertThrows(IdentityException.class, () -> new SecretFile(path).loadOrCreate());
    assertEquals(path + ": secret: expected 32..1024 characters, got 9", shortOne.getMessage());
    assertEquals("too-short\n", Files.readString(path), "a bad secret must never be replaced silently");

    Files.writeString(path, "with a space inside it, long enough to pass the length\n");
    IdentityException space = assertThrows(IdentityException.class, () -> new SecretFile(path).load());
    assertEquals(path + ": secret: expected printable ASCII without spaces, got character 32 at index 4",
        space.getMessage());

    Files.writeString(path, "x".repeat(40));
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
    IdentityException open = assertThrows(IdentityException.class, () -> new SecretFile(path).load());
    assertTrue(open.getMessage().contains("expected no access for others (e.g. mode 0600), got mode rw-rw-rw-"),
        open.getMessage());
  }
}
