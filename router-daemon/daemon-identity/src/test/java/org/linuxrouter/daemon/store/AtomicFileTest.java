package org.linuxrouter.daemon.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtomicFileTest {
  private static final String OLD = "{\"old\": true, \"padding\": \"" + "o".repeat(5000) + "\"}";
  private static final String NEW = "{\"new\": true, \"padding\": \"" + "n".repeat(9000) + "\"}";

  @TempDir
  Path dir;

  @Test
  void writeReplacesTheWholeFileWithTheRequestedMode() throws IOException {
    AtomicFile file = new AtomicFile(dir.resolve("state.json"), PosixFilePermissions.fromString("rw-------"));
    assertEquals(Optional.empty(), file.read());
    file.write(bytes(NEW));
    file.write(bytes(OLD));
    assertEquals(OLD, Files.readString(file.path()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    assertEquals(List.of("state.json"), names());
  }

  @Test
  void stepsRunInTheCrashSafeOrder() {
    List<AtomicFile.Step> seen = new ArrayList<>();
    new AtomicFile(dir.resolve("f"), PosixFilePermissions.fromString("rw-------"), seen::add).write(bytes(NEW));
    assertEquals(List.of(AtomicFile.Step.values()), seen);
  }

  /** A real process halted after each step: the file is always the whole old or the whole new content. */
  @ParameterizedTest
  @EnumSource(AtomicFile.Step.class)
  void aCrashAfterAnyStepLeavesOldOrNewContentAndReadCleansUp(AtomicFile.Step step) throws Exception {
    Path target = dir.resolve("state.json");
    Files.writeString(target, OLD);
    assertEquals(CrashingWriter.HALTED, runCrashingWriter(target, step));

    boolean renamed = step.compareTo(AtomicFile.Step.RENAMED) >= 0;
    assertEquals(renamed ? NEW : OLD, Files.readString(target));
    assertEquals(renamed ? 1 : 2, names().size(), "files after crash: " + names());

    AtomicFile file = new AtomicFile(target, PosixFilePermissions.fromString("rw-------"));
    assertArrayEquals(bytes(renamed ? NEW : OLD), file.read().orElseThrow());
    assertEquals(List.of("state.json"), names());
  }

  @Test
  void aTruncatedTempFromACrashMidWriteIsIgnoredAndDeleted() throws IOException {
    Path target = dir.resolve("state.json");
    Files.writeString(target, OLD);
    Files.writeString(dir.resolve(".state.json.tmp-0123456789ab"), NEW.substring(0, 100));
    Files.writeString(dir.resolve(".state.json.tmp-ffffffffffff"), "");
    Files.writeString(dir.resolve(".other.json.tmp-0123456789ab"), "not ours");

    AtomicFile file = new AtomicFile(target, PosixFilePermissions.fromString("rw-------"));
    assertEquals(OLD, new String(file.read().orElseThrow(), StandardCharsets.UTF_8));
    assertEquals(List.of(".other.json.tmp-0123456789ab", "state.json"), names());
  }

  @Test
  void aCrashBeforeTheFirstWriteLeavesNoFile() throws Exception {
    Path target = dir.resolve("state.json");
    assertEquals(CrashingWriter.HALTED, runCrashingWriter(target, AtomicFile.Step.TEMP_WRITTEN));
    AtomicFile file = new AtomicFile(target, PosixFilePermissions.fromString("rw-------"));
    assertEquals(Optional.empty(), file.read());
    assertEquals(List.of(), names());
  }

  @Test
  void aFailedWriteNamesTheFileAndLeavesNoTemp() throws IOException {
    Path target = dir.resolve("busy");
    Files.createDirectories(target.resolve("child"));
    AtomicFile file = new AtomicFile(target, PosixFilePermissions.fromString("rw-------"));
    StoreException e = assertThrows(StoreException.class, () -> file.write(bytes(NEW)));
    assertTrue(e.getMessage().startsWith(target + ": cannot write: "), e.getMessage());
    assertEquals(target, e.file());
    assertEquals(List.of("busy"), names());

    Path nowhere = dir.resolve("missing-dir").resolve("f");
    StoreException noDir = assertThrows(StoreException.class,
        () -> new AtomicFile(nowhere, PosixFilePermissions.fromString("rw-------")).write(bytes(NEW)));
    assertTrue(noDir.getMessage().startsWith(nowhere + ": cannot write: "), noDir.getMessage());
  }

  private int runCrashingWriter(Path target, AtomicFile.Step step) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
        target.toString(), step.name(), NEW)
        .redirectErrorStream(true).start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child writer did not finish");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("", output, "child writer output");
    return child.exitValue();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
