package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * Each CloudStack plugin package (LinuxRouter, DrbdNfs) in a fresh Debian 12 root. Debian has no cloudstack-management, so a stand-in
 * package of that name ({@link StandInPackage}) satisfies the dependency: first dpkg refuses to configure the
 * plugin without it, then it installs beside it, says to restart the management server, and purges clean.
 */
class PluginPackageIT {
    private static final String LIB = "/usr/share/cloudstack-management/lib";
    private static final String RESTART_HINT = "restart the CloudStack management server";

    @ParameterizedTest
    @CsvSource({"cloudstack-linuxrouter-plugin, LinuxRouter, linuxrouter", "cloudstack-drbdnfs-plugin, DrbdNfs, drbdnfs"})
    void installsIntoTheManagementServersLibAndPurgesClean(String name, String provider, String word)
            throws IOException, NoSuchAlgorithmException {
        Path deb = BuiltDebs.named(name);
        Path work = TempTree.create("lrpkg-standin-");
        try (DebianRoot root = DebianRoot.over(DebianBaseRoot.with(BuiltDebs.rootPackages()), word)) {
            root.put(deb, "/tmp/debs/plugin.deb");
            root.put(StandInPackage.build("cloudstack-management", "4.22.0.0", List.of(LIB), work),
                    "/tmp/debs/cloudstack-management.deb");

            CommandResult alone = root.run("dpkg", "-i", "/tmp/debs/plugin.deb");
            assertNotEquals(0, alone.exitCode());
            assertTrue(alone.stderr().contains("depends on cloudstack-management"), alone.stderr());

            root.ok("dpkg", "-i", "/tmp/debs/cloudstack-management.deb");
            CommandResult configured = root.run("dpkg", "--configure", "-a");
            assertEquals(0, configured.exitCode(), configured.stderr());
            assertTrue(configured.stderr().contains(RESTART_HINT + " to load the " + provider), configured.stderr());

            Path jar = onlyJar(BuiltDebs.TARGET.resolve("deb-staging/" + name + "/lib"));
            String inRoot = LIB + "/" + jar.getFileName();
            assertAll(
                    () -> assertEquals("644 root root", root.ok("stat", "-c", "%a %U %G", inRoot).strip()),
                    () -> assertEquals(sha256(jar), root.ok("sha256sum", inRoot).split(" ")[0]),
                    () -> assertEquals("install ok installed", root.ok("dpkg-query", "-W", "-f", "${Status}", name)));

            CommandResult removed = root.run("dpkg", "--purge", name);
            assertEquals(0, removed.exitCode(), removed.stderr());
            assertTrue(removed.stderr().contains("to unload the " + provider), removed.stderr());
            assertTrue(root.run("test", "-d", LIB).succeeded(), "the management server's lib stays");
            assertEquals(List.of(), Leftovers.after(root, word));
        } finally {
            TempTree.delete(work);
        }
    }

    private static Path onlyJar(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), jars.toString());
            return jars.get(0);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
