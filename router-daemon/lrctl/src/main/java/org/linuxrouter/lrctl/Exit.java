package org.linuxrouter.lrctl;

/** lrctl's exit codes; {@link Lrctl}'s help lists them (keep both in step), so scripts can rely on them. */
final class Exit {
  /** Done. */
  static final int OK = 0;
  /** {@code diff --exit-code} found steps, or {@code apply} finished but the kernel does not match yet. */
  static final int NOT_APPLIED = 1;
  /** Bad command line, configuration file, keystore, secret file or apply file: the operator must fix input. */
  static final int USAGE = 2;
  /** linuxrouterd could not be reached, refused the request (4xx) or failed (5xx). */
  static final int DAEMON = 3;
  /** A bug in lrctl (an exception nobody expected); BSD's EX_SOFTWARE. */
  static final int BUG = 70;

  private Exit() {
  }
}
