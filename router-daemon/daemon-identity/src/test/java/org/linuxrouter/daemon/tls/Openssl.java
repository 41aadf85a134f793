package org.linuxrouter.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real openssl binary (Debian package openssl) as an independent check of what Java wrote. */
final class Openssl {
  private Openssl() {
  }

  /** Runs {@code openssl args...}, asserts it succeeded, and returns its standard output. */
  static String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl timed out: " + command);
    assertEquals(0, process.exitValue(), "openssl failed: " + command + "\n" + out);
    return out;
  }
}
