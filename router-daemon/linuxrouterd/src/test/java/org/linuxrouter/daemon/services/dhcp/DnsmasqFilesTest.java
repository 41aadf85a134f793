package org.linuxrouter.daemon.services.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of change asks of dnsmasq, and what is on disk afterwards. */
class DnsmasqFilesTest {
    @TempDir
    Path dir;

    private static DnsmasqConfig config(String main, Map<String, String> hosts) {
        return new DnsmasqConfig(main, "server=192.0.2.53\n", new TreeMap<>(hosts), new TreeMap<>(), new TreeMap<>(),
                Map.of());
    }

    @Test
    void eachChangeAsksForTheLeastItNeeds() throws Exception {
        Files.createDirectories(dir.resolve("hosts.d"));
        Files.writeString(dir.resolve("hosts.d/stale"), "left by an earlier run\n");
        DnsmasqFiles files = new DnsmasqFiles(dir);
        assertEquals(DnsmasqFiles.Change.RESTART, files.write(config("a\n", Map.of("nic-1", "m1\n"))), "first write");
        assertFalse(Files.exists(dir.resolve("hosts.d/stale")), "files of an earlier run are cleared");
        assertEquals(DnsmasqFiles.Change.NONE, files.write(config("a\n", Map.of("nic-1", "m1\n"))));
        assertEquals(DnsmasqFiles.Change.ADDED, files.write(config("a\n", Map.of("nic-1", "m1\n", "nic-2", "m2\n"))));
        assertEquals("m2\n", Files.readString(dir.resolve("hosts.d/nic-2")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("hosts.d/nic-2"))), "dnsmasq reads it as its own user");
        assertEquals(DnsmasqFiles.Change.RELOAD, files.write(config("a\n", Map.of("nic-1", "m1b\n", "nic-2", "m2\n"))));
        assertEquals(DnsmasqFiles.Change.RELOAD, files.write(config("a\n", Map.of("nic-2", "m2\n"))));
        assertFalse(Files.exists(dir.resolve("hosts.d/nic-1")));
        assertEquals(DnsmasqFiles.Change.RESTART, files.write(config("b\n", Map.of("nic-2", "m2\n"))));
        try (var left = Files.list(dir.resolve("hosts.d"))) {
            assertEquals(1, left.count(), "no temporary files left");
        }
    }
}
