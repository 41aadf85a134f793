package org.linuxrouter.daemon.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The HTTPS identity as a PKCS#12 file: created on first start when missing, loaded afterwards.
 *
 * <p>The keystore has an empty password. A password stored next to the keystore (the daemon must start
 * unattended) would protect nothing the file mode 0600 does not; an empty one lets operators inspect it with
 * {@code openssl pkcs12 -passin pass: -in FILE} and replace it with their own:
 * {@code openssl pkcs12 -export -passout pass: -inkey key.pem -in cert.pem -out FILE}.
 */
public final class KeyStoreFile {
  /** The alias the generated key is stored under; a replacement may use any alias if it holds one key. */
  public static final String ALIAS = "linuxrouterd";
  private static final char[] PASSWORD = new char[0];

  private final Path path;

  public KeyStoreFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  /** Loads the keystore, or when there is none writes {@code generate}'s identity (mode 0600) and returns it. */
  public ServerIdentity loadOrCreate(Supplier<ServerIdentity> generate) {
    if (Files.exists(path)) {
      return load();
    }
    ServerIdentity identity = generate.get();
    OwnerOnlyFiles.write(path, encode(identity));
    return identity;
  }

  /** Loads the single private key entry and its certificate. */
  public ServerIdentity load() {
    OwnerOnlyFiles.requireNotWorldAccessible(path);
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(Files.readAllBytes(path)), PASSWORD);
    } catch (NoSuchFileException e) {
      throw new IdentityException(path, "expected a PKCS#12 keystore, got no file", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new IdentityException(path, "expected a PKCS#12 keystore with an empty password, got one that "
          + "cannot be read: " + e, e);
    }
    return identityIn(store);
  }

  private ServerIdentity identityIn(KeyStore store) {
    try {
      List<String> keyAliases = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keyAliases.add(alias);
        }
      }
      if (keyAliases.size() != 1) {
        throw new IdentityException(path, "expected exactly one private key entry, got " + keyAliases.size()
            + " " + keyAliases);
      }
      String alias = keyAliases.get(0);
      Key key = store.getKey(alias, PASSWORD);
      Certificate certificate = store.getCertificate(alias);
      if (!(key instanceof PrivateKey) || !(certificate instanceof X509Certificate)) {
        throw new IdentityException(path, "expected a private key with an X.509 certificate under alias "
            + alias + ", got " + (key == null ? "no key" : key.getAlgorithm() + " " + key.getFormat()));
      }
      return new ServerIdentity((PrivateKey) key, (X509Certificate) certificate);
    } catch (GeneralSecurityException e) {
      throw new IdentityException(path, "cannot read the key entry: " + e, e);
    }
  }

  private byte[] encode(ServerIdentity identity) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, identity.privateKey(), PASSWORD, new Certificate[] {identity.certificate()});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, PASSWORD);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IdentityException(path, "cannot encode the keystore: " + e, e);
    }
  }
}
