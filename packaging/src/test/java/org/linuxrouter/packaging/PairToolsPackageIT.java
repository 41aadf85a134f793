package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The storage pair's tools, each in a fresh Debian 12 root: hactl (a command) and linuxrouter-ha-agent (a
 * service running as root, which creates its key and secret at first start): install, run on the installed Java,
 * (agent) an upgrade over an edited conffile, and a purge that leaves nothing.
 */
class PairToolsPackageIT {
    private static final String AGENT_CONF = "/etc/linuxrouter/ha-agent.conf";
    private static final String AGENT_UNIT = "/lib/systemd/system/linuxrouter-ha-agent.service";

    @Test
    void hactlRendersTheShippedExampleAndPurgesClean() {
        try (DebianRoot root = DebianRoot.over(DebianBaseRoot.with(BuiltDebs.rootPackages()), "hactl")) {
            root.put(BuiltDebs.named("hactl"), "/tmp/debs/hactl.deb");
            root.ok("dpkg", "-i", "/tmp/debs/hactl.deb");

            assertEquals("755 root root", root.ok("stat", "-c", "%a %U %G", "/usr/bin/hactl").strip());
            assertTrue(root.ok("hactl", "--version").contains(System.getProperty("project.version")));
            String help = root.ok("hactl", "--help");
            assertEquals(Set.of(), ManPages.missing(root, "hactl", help));
            for (String command : ManPages.subcommands(help)) {
                assertEquals(Set.of(), ManPages.missing(root, "hactl", root.ok("hactl", command, "--help")), command);
            }
            // every jar it needs is there: the YAML inventory parsed, the files rendered
            root.ok("hactl", "render", "-i", "/usr/share/doc/hactl/examples/storage-pair.yaml", "-o", "/tmp/rendered");
            assertTrue(!root.ok("find", "/tmp/rendered", "-type", "f").isBlank(), "rendered files");

            root.ok("dpkg", "--purge", "hactl");
            assertEquals(List.of(), Leftovers.after(root, "hactl"));
        }
    }

    @Test
    void haAgentInstallsStartsKeepsItsConffileAndPurgesClean() {
        Path deb = BuiltDebs.named("linuxrouter-ha-agent");
        Path work = TempTree.create("lrpkg-ha-agent-");
        try (DebianRoot root = DebianRoot.over(DebianBaseRoot.with(BuiltDebs.rootPackages()), "ha-agent")) {
            root.put(deb, "/tmp/debs/ha-agent.deb");
            root.ok("dpkg", "-i", "/tmp/debs/ha-agent.deb");

            CommandResult verify = root.run("systemd-analyze", "verify", AGENT_UNIT);
            assertAll(
                    () -> assertEquals("644 root root", root.ok("stat", "-c", "%a %U %G", AGENT_CONF).strip()),
                    () -> assertTrue(root.ok("dpkg-query", "-W", "-f", "${Conffiles}", "linuxrouter-ha-agent")
                            .contains(AGENT_CONF)),
                    () -> assertTrue(root.run("test", "-L",
                            "/etc/systemd/system/multi-user.target.wants/linuxrouter-ha-agent.service").succeeded()),
                    () -> assertEquals(0, verify.exitCode(), verify.stderr()),
                    () -> assertEquals(AGENT_CONF + ": ok",
                            root.ok("ha-agent", "--config", AGENT_CONF, "check-config").strip()));

            // the agent as the unit runs it, in a network namespace of its own, until it has made its identity
            String script = String.join("\n",
                    "ha-agent --config /etc/linuxrouter/ha-agent.conf run > /tmp/agent.log 2>&1 &",
                    "for i in $(seq 1 60); do",
                    "  if grep -q 'listening on' /tmp/agent.log; then break; fi",
                    "  sleep 0.5",
                    "done",
                    "cat /tmp/agent.log",
                    "stat -c '%a %U %n' /etc/linuxrouter/ha-agent.p12 /etc/linuxrouter/ha-agent.secret");
            CommandResult run = root.runInPrivateNetwork("sh", "-c", script, "agent-run");
            assertAll(run.stdout() + run.stderr(),
                    () -> assertTrue(run.stdout().contains("listening on"), "the agent serves"),
                    () -> assertTrue(run.stdout().contains("600 root /etc/linuxrouter/ha-agent.p12\n"), "key 0600"),
                    () -> assertTrue(run.stdout().contains("600 root /etc/linuxrouter/ha-agent.secret\n"),
                            "secret 0600"));

            root.ok("sed", "-i", "s/^role = storage$/role = management/", AGENT_CONF);
            Path next = RebuiltDeb.withHigherVersion(deb, "+upgrade1", AGENT_CONF, "# a key of the next release", work);
            root.put(next, "/tmp/debs/ha-agent-next.deb");
            root.ok("dpkg", "-i", "--force-confold", "/tmp/debs/ha-agent-next.deb");
            assertTrue(root.ok("cat", AGENT_CONF).contains("\nrole = management\n"), "the edit survives the upgrade");

            root.ok("dpkg", "--purge", "linuxrouter-ha-agent");
            assertEquals(List.of(), Leftovers.after(root, "ha-agent", "linuxrouter"));
        } finally {
            TempTree.delete(work);
        }
    }
}
