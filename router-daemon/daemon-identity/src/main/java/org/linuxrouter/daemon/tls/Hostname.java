package org.linuxrouter.daemon.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The router's host name, for the certificate's CN and DNS SAN. Read from the kernel rather than through
 * InetAddress.getLocalHost(), which may consult DNS and can hang at boot when the resolver is not up yet.
 */
public final class Hostname {
  static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final int MAX_LENGTH = 253;

  private Hostname() {
  }

  /** What the certificate names when the host has no usable name (unset is "(none)" in the kernel). */
  public static final String FALLBACK = "linuxrouterd";

  /** This machine's host name (uname nodename). */
  public static String local() {
    try {
      return check(Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the host name from " + KERNEL_HOSTNAME + ": " + e, e);
    }
  }

  /**
   * The host name for a certificate: {@link #local()}, or {@link #FALLBACK} when the host's name is unset or not a
   * DNS name. CloudStack pins the certificate's fingerprint, so its names are informational and must not stop
   * the daemon from starting.
   */
  public static String forCertificate() {
    try {
      return local();
    } catch (IllegalArgumentException e) {
      return FALLBACK;
    }
  }

  /** Returns {@code name} if it is a valid DNS name (RFC 1123 labels), which a certificate SAN requires. */
  public static String check(String name) {
    boolean valid = !name.isEmpty() && name.length() <= MAX_LENGTH && !name.endsWith(".");
    if (valid) {
      for (String label : name.split("\\.", -1)) {
        valid &= LABEL.matcher(label).matches();
      }
    }
    if (!valid) {
      throw new IllegalArgumentException("host name: expected dot-separated labels of [A-Za-z0-9-], at most "
          + MAX_LENGTH + " characters, got \"" + name + "\"");
    }
    return name;
  }
}
