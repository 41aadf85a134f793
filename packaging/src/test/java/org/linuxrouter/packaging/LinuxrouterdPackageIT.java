package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The linuxrouterd package's life in a fresh Debian 12 root, one step per test, in order: dpkg -i, what the
 * install left (user, modes, secret, enabled unit), systemd's verdict on the unit, the commands on the installed
 * Java and JNA, the daemon run as the unit runs it, an upgrade over an edited conffile, and the purge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinuxrouterdPackageIT {
    private static final String DEB_IN_ROOT = "/tmp/debs/linuxrouterd.deb";
    private static final String CONF = "/etc/linuxrouter/linuxrouterd.conf";
    private static final String UNIT = "/lib/systemd/system/linuxrouterd.service";
    /** Base64url of 32 bytes without padding: what the daemon's RouterSecret accepts and generates. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Path deb;
    private DebianRoot root;

    @BeforeAll
    void freshRoot() {
        deb = BuiltDebs.named("linuxrouterd");
        root = DebianRoot.over(DebianBaseRoot.with(BuiltDebs.rootPackages()), "linuxrouterd");
        root.put(deb, DEB_IN_ROOT);
    }

    @AfterAll
    void removeRoot() {
        if (root != null) {
            root.close();
        }
    }

    @Test
    @Order(1)
    void installsWithDpkgAndCreatesASystemUser() {
        root.ok("dpkg", "-i", DEB_IN_ROOT);

        assertEquals("install ok installed " + BuiltDebs.field(deb, "Version"),
                root.ok("dpkg-query", "-W", "-f", "${Status} ${Version}", "linuxrouterd"));
        String[] user = root.ok("getent", "passwd", "linuxrouter").strip().split(":");
        assertAll("the service user " + Arrays.toString(user),
                () -> assertTrue(Integer.parseInt(user[2]) < 1000, "a system uid"),
                () -> assertEquals("/nonexistent", user[5]),
                () -> assertEquals("/usr/sbin/nologin", user[6]),
                () -> assertEquals("linuxrouter", root.ok("id", "-gn", "linuxrouter").strip()));
    }

    @Test
    @Order(2)
    void filesHaveTheirOwnersAndModesAndTheSecretIsReadable() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(CONF, "640 root linuxrouter");
        expected.put("/etc/linuxrouter/secret", "600 linuxrouter linuxrouter");
        expected.put("/etc/linuxrouter/tls", "700 linuxrouter linuxrouter");
        expected.put("/etc/linuxrouter", "755 root root");
        expected.put("/var/lib/linuxrouter", "750 linuxrouter linuxrouter");
        expected.put("/etc/default/linuxrouterd", "644 root root");
        expected.put("/usr/bin/linuxrouterd", "755 root root");
        expected.put("/usr/bin/lrctl", "755 root root");
        expected.put(UNIT, "644 root root");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            actual.put(path, root.ok("stat", "-c", "%a %U %G", path).strip());
        }
        assertEquals(expected, actual);

        assertEquals("", root.ok("find", "/etc/linuxrouter", "/var/lib/linuxrouter", "-type", "f", "-perm", "/o+rwx"),
                "files others can access");
        String conffiles = root.ok("dpkg-query", "-W", "-f", "${Conffiles}", "linuxrouterd");
        assertTrue(conffiles.contains(CONF) && conffiles.contains("/etc/default/linuxrouterd"), conffiles);
        assertTrue(root.run("test", "-L", "/etc/systemd/system/multi-user.target.wants/linuxrouterd.service")
                .succeeded(), "postinst enables the unit");
        // the daemon's own parser (through lrctl) accepts the secret postinst made
        String secret = root.ok("lrctl", "secret").strip();
        assertTrue(SECRET.matcher(secret).matches(), "secret in the daemon's format");
        // rotated by root, it stays the service user's: the daemon must still read it
        String rotated = root.ok("lrctl", "secret", "--rotate").strip();
        assertAll(
                () -> assertTrue(SECRET.matcher(rotated).matches() && !rotated.equals(secret), rotated),
                () -> assertEquals(rotated, root.ok("cat", "/etc/linuxrouter/secret").strip()),
                () -> assertEquals("600 linuxrouter linuxrouter",
                        root.ok("stat", "-c", "%a %U %G", "/etc/linuxrouter/secret").strip()));
    }

    @Test
    @Order(3)
    void systemdAcceptsTheUnitAndItKeepsTheCapabilitiesAndHardeningThatWork() {
        CommandResult verify = root.run("systemd-analyze", "verify", UNIT);
        assertEquals(0, verify.exitCode(), verify.stdout() + verify.stderr());
        assertFalse(verify.stderr().contains("linuxrouterd"), verify.stderr());

        Map<String, String> unit = unitSettings();
        assertAll(
                () -> assertEquals("linuxrouter", unit.get("User")),
                () -> assertEquals(Set.of("CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW"),
                        Set.of(unit.get("AmbientCapabilities").split(" "))),
                () -> assertEquals(unit.get("AmbientCapabilities"), unit.get("CapabilityBoundingSet")),
                () -> assertEquals("yes", unit.get("NoNewPrivileges")),
                // a daemon gone from a pair leaves no kernel answering for it (PairExitFiles writes both files)
                () -> assertEquals("-/usr/sbin/nft -f /var/lib/linuxrouter/pair-exit.nft\n"
                        + "-/usr/sbin/ip -force -batch /var/lib/linuxrouter/pair-exit.ip\n"
                        + "-/usr/sbin/sysctl -q -p /var/lib/linuxrouter/pair-exit.sysctl", unit.get("ExecStopPost")),
                () -> assertEquals("strict", unit.get("ProtectSystem")),
                // they would break it: sysctl writes, the JIT, the host's network (docs/packaging.md)
                () -> assertFalse(unit.containsKey("ProtectKernelTunables")),
                () -> assertFalse(unit.containsKey("MemoryDenyWriteExecute")),
                () -> assertFalse(unit.containsKey("PrivateNetwork")));
    }

    @Test
    @Order(4)
    void commandsRunOnTheInstalledJavaAndTheirManPagesNameEveryOption() {
        assertEquals("linuxrouterd " + System.getProperty("project.version"), root.ok("linuxrouterd", "--version").strip());
        String daemonHelp = root.ok("linuxrouterd", "--help");
        String lrctlHelp = root.ok("lrctl", "--help");
        assertTrue(lrctlHelp.startsWith("Usage: lrctl"), lrctlHelp);

        assertEquals(Set.of(), ManPages.missing(root, "linuxrouterd", daemonHelp));
        assertEquals(Set.of(), ManPages.missing(root, "lrctl", lrctlHelp));
        for (String command : ManPages.subcommands(lrctlHelp)) {
            assertEquals(Set.of(), ManPages.missing(root, "lrctl", root.ok("lrctl", command, "--help")), command);
        }
    }

    @Test
    @Order(5)
    void daemonServesAsTheServiceUserWithOnlyTheUnitsCapabilities() {
        // what systemd does with User=, AmbientCapabilities=, CapabilityBoundingSet= and NoNewPrivileges=,
        // in a network namespace of its own with a trunk interface, then lrctl as root against it
        String caps = Arrays.stream(unitSettings().get("AmbientCapabilities").split(" "))
                .map(c -> "+" + c.substring("CAP_".length()).toLowerCase()).collect(Collectors.joining(","));
        String script = String.join("\n",
                "caps=$1",
                "ip link add eth1 type veth peer name eth1-peer",
                "setpriv --reuid=linuxrouter --regid=linuxrouter --init-groups --inh-caps=\"$caps\" "
                        + "--ambient-caps=\"$caps\" --bounding-set=\"-all,$caps\" --no-new-privs "
                        + "linuxrouterd --config /etc/linuxrouter/linuxrouterd.conf > /tmp/daemon.log 2>&1 &",
                "status=1",
                "for i in $(seq 1 60); do",
                // a finished reconcile pass: the daemon dumped the kernel over rtnetlink, through Debian's JNA
                "  if lrctl status > /tmp/status.txt 2>&1 && ! grep -q 'last reconcile *never' /tmp/status.txt; then",
                "    status=0; break",
                "  fi",
                "  sleep 0.5",
                "done",
                "echo \"== status $status\"; cat /tmp/status.txt",
                "echo '== keystore'; stat -c '%a %U' /etc/linuxrouter/tls/linuxrouterd.p12",
                "echo '== daemon'; cat /tmp/daemon.log",
                "exit $status");
        CommandResult run = root.runInPrivateNetwork("sh", "-c", script, "daemon-run", caps);
        String out = run.stdout();
        assertAll(out + run.stderr(),
                () -> assertEquals(0, run.exitCode(), "lrctl status against the daemon"),
                () -> assertTrue(out.contains("version         " + System.getProperty("project.version")), "status"),
                () -> assertTrue(out.contains("== keystore\n600 linuxrouter\n"), "keystore written by the daemon"),
                () -> assertTrue(Pattern.compile("last reconcile +\\d{4}-").matcher(out).find(), "a reconcile pass"),
                () -> assertFalse(out.contains("UnsatisfiedLinkError"), "JNA from libjna-java loads"),
                () -> assertFalse(out.contains("SEVERE"), "no error logged"));
    }

    @Test
    @Order(6)
    void conffileEditSurvivesAnUpgradeAndTheSecretIsKept() {
        root.ok("sed", "-i", "s/^log_level = info$/log_level = debug/", CONF);
        String secret = root.ok("cat", "/etc/linuxrouter/secret");
        Path work = TempTree.create("lrpkg-upgrade-");
        try {
            Path next = RebuiltDeb.withHigherVersion(deb, "+upgrade1", CONF, "# a key documented by the next release",
                    work);
            root.put(next, "/tmp/debs/linuxrouterd-next.deb");
            root.ok("dpkg", "-i", "--force-confold", "/tmp/debs/linuxrouterd-next.deb");
        } finally {
            TempTree.delete(work);
        }
        assertAll(
                () -> assertEquals(BuiltDebs.field(deb, "Version") + "+upgrade1",
                        root.ok("dpkg-query", "-W", "-f", "${Version}", "linuxrouterd")),
                () -> assertTrue(root.ok("cat", CONF).contains("\nlog_level = debug\n"), "the edit is kept"),
                () -> assertTrue(root.ok("cat", CONF + ".dpkg-dist").contains("# a key documented by the next"),
                        "the new version is beside it"),
                () -> assertEquals("640 root linuxrouter", root.ok("stat", "-c", "%a %U %G", CONF).strip()),
                () -> assertEquals(secret, root.ok("cat", "/etc/linuxrouter/secret"), "secret never replaced"));
    }

    @Test
    @Order(7)
    void purgeLeavesNoFilesUserOrState() {
        root.ok("dpkg", "--purge", "linuxrouterd");
        assertEquals(List.of(), Leftovers.after(root, "linuxrouter"));
    }

    /** The unit's Key=Value settings; a key given more than once (ExecStopPost) maps to its values joined by "\n". */
    private Map<String, String> unitSettings() {
        return root.ok("cat", UNIT).lines().filter(l -> l.matches("[A-Za-z]+=.*"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> a + "\n" + b));
    }
}
