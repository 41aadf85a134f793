package org.linuxrouter.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
  @TempDir
  Path dir;

  @Test
  void aFreshDirectoryLoadsAsEmpty() {
    assertEquals(DesiredState.EMPTY, new FileStateStore(dir.resolve("state")).load());
  }

  @Test
  void savedStateLoadsBackEqualInANewStore() throws IOException {
    Path stateDir = dir.resolve("lib").resolve("linuxrouter");
    DesiredState state = StoreFixtures.sample();
    new FileStateStore(stateDir).save(state);

    assertEquals(state, new FileStateStore(stateDir).load());
    Path file = stateDir.resolve("state.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)));
    String text = Files.readString(file);
    assertTrue(text.startsWith("{\n  \"schemaVersion\": 2,\n  \"revision\": " + state.revision() + ","), text);
    assertTrue(text.contains("\"name\":\"guest \\\"a\\\" ünïcode\""), text);

    FileStateStore store = new FileStateStore(stateDir);
    DesiredState smaller = state.withoutNetwork(StoreFixtures.NET_A);
    store.save(smaller);
    assertEquals(smaller, store.load());
    assertEquals(List.of("state.json"), names(stateDir));
  }

  @Test
  void theSameStateAlwaysGivesTheSameBytes() throws IOException {
    DesiredState forward = DesiredState.EMPTY.withNetwork(StoreFixtures.networkA())
        .withNetwork(StoreFixtures.networkB());
    DesiredState backward = new DesiredState(forward.revision(), forward.networks());
    new FileStateStore(dir.resolve("a")).save(forward);
    new FileStateStore(dir.resolve("b")).save(backward);
    assertEquals(Files.readString(dir.resolve("a/state.json")), Files.readString(dir.resolve("b/state.json")));
  }

  @Test
  void passwordTombstonesLoadBackAndAVersion1FileHasNone() throws IOException {
    DesiredState state = StoreFixtures.sample().withConsumedPassword(StoreFixtures.NET_A, StoreFixtures.NIC_1,
        org.linuxrouter.protocol.model.PasswordAck.of(org.linuxrouter.protocol.model.Secret.of("consumed")))
        .withConsumedPassword(StoreFixtures.NET_B, StoreFixtures.NIC_2,
            org.linuxrouter.protocol.model.PasswordAck.of(org.linuxrouter.protocol.model.Secret.of("other")));
    new FileStateStore(dir).save(state);
    DesiredState loaded = new FileStateStore(dir).load();
    assertEquals(state, loaded);
    assertEquals(2, loaded.consumed().size());
    assertFalse(Files.readString(dir.resolve("state.json")).contains("consumed\""), "digests only");

    write("{\"schemaVersion\": 1, \"revision\": 0, \"networks\": []}");
    assertEquals(DesiredState.EMPTY, new FileStateStore(dir).load(), "a version 1 file: no tombstones");
    assertCorrupt("{\"schemaVersion\": 1, \"revision\": 0, \"networks\": [], \"consumedPasswords\": []}",
        "state: expected only");
    assertCorrupt("{\"schemaVersion\": 2, \"revision\": 0, \"networks\": []}",
        "state.consumedPasswords: expected a value, got none");
    assertCorrupt("{\"schemaVersion\": 2, \"revision\": 1, \"networks\": [], \"consumedPasswords\": [{\"nic\": "
        + "\"9c5b94b1-35ad-49bb-b118-8e8fc24abf80\", \"network\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
        + " \"sha256\": \"abc\", \"revision\": 1}]}", "state.consumedPasswords[0].sha256");
  }

  @Test
  void aNewerSchemaIsRefusedWithAClearError() throws IOException {
    Path file = write("{\"schemaVersion\": 3, \"revision\": 3, \"networks\": [], \"routes\": {}}");
    StoreException e = assertThrows(StoreException.class, () -> new FileStateStore(dir).load());
    assertEquals(file + ": expected schema version 2 or older, got 3: it was written by a newer linuxrouterd;"
        + " upgrade linuxrouterd or restore a state file from this version", e.getMessage());
    assertEquals(file, e.file());
  }

  @Test
  void aCorruptFileIsAStartupErrorAndIsNeverReplaced() throws IOException {
    String valid = new StateFileFormat().encode(StoreFixtures.sample());
    assertCorrupt(valid.substring(0, valid.length() / 2), "state: expected a JSON object, got invalid JSON");
    assertCorrupt("", "state: expected a JSON object, got invalid JSON");
    assertCorrupt("[]", "state: expected BEGIN_OBJECT, got BEGIN_ARRAY");
    assertCorrupt("{\"revision\": 0, \"networks\": []}", "state.schemaVersion: expected 2, got none");
    assertCorrupt("{\"schemaVersion\": 1, \"revision\": 0, \"networks\": [], \"x\": 1}",
        "state: expected only ");
    assertCorrupt("{\"schemaVersion\": 1, \"revision\": 0, \"revision\": 1, \"networks\": []}",
        "state: expected each member once, got \"revision\" twice");
    assertCorrupt("{\"schemaVersion\": 1, \"revision\": -1, \"networks\": []}",
        "state.revision: expected a whole number of 0 or more, got -1");
    assertCorrupt("{\"schemaVersion\": 1, \"revision\": 1.5, \"networks\": []}",
        "state.revision: expected a whole number of 0 or more, got 1.5");
    assertCorrupt(valid.replace("\"mtu\":9000", "\"mtu\":9"), "state.networks[1].spec.mtu: expected");
    assertCorrupt(valid.replace("\"mtu\":9000", "\"mtu\":9000,\"mtu\":1500"), "state.networks[1].spec");
    assertCorrupt(valid.replace("\"revision\": 5,\n  \"networks\"", "\"revision\": 4,\n  \"networks\""),
        "expected a revision up to 4, got 5");
    assertCorrupt(valid.replace("198.51.100.7", "203.0.113.20"),
        "expected address 203.0.113.20 on one nic only");

    Files.write(dir.resolve("state.json"), new byte[] {'{', (byte) 0xc3, '}'});
    StoreException binary = assertThrows(StoreException.class, () -> new FileStateStore(dir).load());
    assertTrue(binary.getMessage().contains("state: expected UTF-8 text, got invalid bytes"), binary.getMessage());
  }

  @Test
  void loadDeletesTempFilesACrashedSaveLeftBehind() throws IOException {
    new FileStateStore(dir).save(StoreFixtures.sample());
    Files.writeString(dir.resolve(".state.json.tmp-abcdefabcdef"), "{\"schemaVersion\": 1, \"revi");
    assertEquals(StoreFixtures.sample(), new FileStateStore(dir).load());
    assertEquals(List.of("state.json"), names(dir));
  }

  private void assertCorrupt(String content, String detail) throws IOException {
    Path file = write(content);
    StoreException e = assertThrows(StoreException.class, () -> new FileStateStore(dir).load(), content);
    assertTrue(e.getMessage().startsWith(file + ": expected a linuxrouterd state file, got one that cannot be"
        + " used: "), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertTrue(e.getMessage().endsWith("; it is left untouched: repair it, or move it away to start with no"
        + " networks"), e.getMessage());
    assertEquals(content, Files.readString(file, StandardCharsets.UTF_8), "a corrupt file must stay as it was");
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, content);
    return file;
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
