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
import org.linuxrouter.protocol.auth.RouterSecret;

class SecretFileTest {
  @TempDir
  Path dir;

  @Test
  void generatesThirtyTwoRandomBytesBase64urlWithMode0600() throws Exception {
    Path path = dir.resolve("secret");
    RouterSecret secret = new SecretFile(path).loadOrCreate();
    String encoded = secret.encoded();
    assertTrue(encoded.matches("[A-Za-z0-9_-]{43}"), "not 43 base64url characters");
    assertEquals(32, Base64.getUrlDecoder().decode(encoded).length);
    assertEquals(encoded + "\n", Files.readString(path));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));

    assertEquals(secret, new SecretFile(path).loadOrCreate());
    assertNotEquals(secret, new SecretFile(dir.resolve("other")).loadOrCreate());
  }

  @Test
  void loadsAnOperatorsSecretWithoutTrailingNewline() throws Exception {
    Path path = dir.resolve("secret");
    String own = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[48]);
    Files.writeString(path, own);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
    RouterSecret secret = new SecretFile(path).loadOrCreate();
    assertEquals(own, secret.encoded());
    assertFalse(secret.toString().contains(own.substring(0, 8)), secret.toString());
  }

  @Test
  void rejectsShortMalformedOrWorldReadableSecretsAndNeverReplacesThem() throws Exception {
    Path path = dir.resolve("secret");
    String shortOne = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
    Files.writeString(path, shortOne + "\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    IdentityException tooShort = assertThrows(IdentityException.class, () -> new SecretFile(path).loadOrCreate());
    assertEquals(path + ": secret: expected 32..256 bytes, got 16", tooShort.getMessage());
    assertEquals(shortOne + "\n", Files.readString(path), "a bad secret must never be replaced");

    Files.writeString(path, "not base64 at all, and it is long enough to be a secret\n");
    IdentityException malformed = assertThrows(IdentityException.class, () -> new SecretFile(path).load());
    assertTrue(malformed.getMessage().startsWith(path + ": secret: expected only base64url characters"),
        malformed.getMessage());
    assertFalse(malformed.getMessage().contains("long enough"), "the secret text must not be echoed");

    Files.writeString(path, Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
    IdentityException open = assertThrows(IdentityException.class, () -> new SecretFile(path).load());
    assertTrue(open.getMessage().contains("expected no access for others (e.g. mode 0600), got mode rw-rw-rw-"),
        open.getMessage());
  }
}
