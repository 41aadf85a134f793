package org.linuxrouter.daemon.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Run in a child JVM: writes {@code args[2]} to {@code args[0]} and halts the JVM right after step
 * {@code args[1]}. {@link Runtime#halt} runs no finally blocks and no shutdown hooks, so what is on disk
 * afterwards is exactly what a crash (kill -9, OOM kill) at that point leaves.
 */
public final class CrashingWriter {
  static final int HALTED = 86;

  private CrashingWriter() {
  }

  public static void main(String[] args) {
    AtomicFile.Step stopAfter = AtomicFile.Step.valueOf(args[1]);
    AtomicFile file = new AtomicFile(Path.of(args[0]), PosixFilePermissions.fromString("rw-------"), step -> {
      if (step == stopAfter) {
        Runtime.getRuntime().halt(HALTED);
      }
    });
    file.write(args[2].getBytes(StandardCharsets.UTF_8));
    System.exit(0);
  }
}
