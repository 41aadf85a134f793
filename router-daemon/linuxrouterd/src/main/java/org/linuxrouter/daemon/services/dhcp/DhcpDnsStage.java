package org.linuxrouter.daemon.services.dhcp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.daemon.reconcile.ServiceStage;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.GuestService;

/**
 * Guest DHCP and DNS as a reconcile stage: render the files from desired state, write what changed, then do the
 * least a running dnsmasq needs — nothing for a new NIC (dnsmasq reads new files in its watched directories by
 * itself), SIGHUP for a changed or removed NIC or upstream list, a restart only when the main file changed (a
 * network's DHCP range or interface came or went). A failure is reported against every network that uses the
 * service, so their writes answer "not applied" and the pass is retried.
 */
public final class DhcpDnsStage implements ServiceStage, AutoCloseable {
    private static final Logger LOG = System.getLogger(DhcpDnsStage.class.getName());
    /** Debian's dnsmasq-base puts it here. */
    public static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
    /** Debian's dnsmasq-utils: sends the DHCPRELEASE a departed client never will. */
    public static final Path DHCP_RELEASE = Path.of("/usr/bin/dhcp_release");

    private final DnsmasqRenderer renderer;
    private final DnsmasqFiles files;
    private final DnsmasqSupervisor supervisor;
    private final List<String> launcher;
    private Map<String, DnsmasqConfig.Lease> leases = Map.of();

    public DhcpDnsStage(Topology topology, Path directory) {
        this(topology, directory, List.of(), DNSMASQ);
    }

    /** @param launcher argv before dnsmasq's (tests: {@code ip netns exec NS}); see {@link DnsmasqSupervisor} */
    public DhcpDnsStage(Topology topology, Path directory, List<String> launcher, Path binary) {
        this.renderer = new DnsmasqRenderer(topology, directory);
        this.files = new DnsmasqFiles(directory);
        this.supervisor = new DnsmasqSupervisor(launcher, binary, files.mainFile());
        this.launcher = List.copyOf(launcher);
    }

    @Override
    public synchronized Map<String, List<String>> apply(DesiredSnapshot snapshot) {
        DnsmasqConfig config = renderer.render(snapshot.state());
        try {
            DnsmasqFiles.Change change = files.write(config);
            if (!config.serves()) {
                supervisor.stop();
                return Map.of();
            }
            releaseDeparted(config.leases());
            DnsmasqStatus.State state = supervisor.status().state();
            if (change == DnsmasqFiles.Change.RESTART || state == DnsmasqStatus.State.IDLE) {
                LOG.log(Level.INFO, "dnsmasq: (re)starting for a changed set of networks");
                supervisor.restart();
            } else if (change == DnsmasqFiles.Change.RELOAD) {
                supervisor.reload();
            }
            return Map.of();
        } catch (RuntimeException e) {
            String problem = "dhcp/dns: " + e.getMessage();
            Map<String, List<String>> failures = new TreeMap<>();
            for (NetworkRecord network : snapshot.state().networks().values()) {
                if (network.spec().offers(GuestService.DHCP) || network.spec().offers(GuestService.DNS)) {
                    failures.put(network.uuid().value(), new ArrayList<>(List.of(problem)));
                }
            }
            return failures;
        }
    }

    /**
     * A removed NIC's lease is infinite and outlives its host line (dnsmasq would keep answering its name and keep
     * its address taken), so it is released the way CloudStack's VR does: {@code dhcp_release IFACE IP MAC}. Done
     * for NICs whose address, MAC or link changed too. A failure is logged, not fatal: the lease goes at the next
     * restart anyway.
     */
    private void releaseDeparted(Map<String, DnsmasqConfig.Lease> current) {
        for (Map.Entry<String, DnsmasqConfig.Lease> old : leases.entrySet()) {
            DnsmasqConfig.Lease lease = old.getValue();
            if (lease.equals(current.get(old.getKey())) || supervisor.status().state() != DnsmasqStatus.State.RUNNING) {
                continue;
            }
            List<String> argv = new ArrayList<>(launcher);
            argv.addAll(List.of(DHCP_RELEASE.toString(), lease.link(), lease.address(), lease.mac()));
            try {
                Process release = new ProcessBuilder(argv).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!release.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || release.exitValue() != 0) {
                    release.destroyForcibly();
                    LOG.log(Level.WARNING, "dhcp_release " + lease + " failed");
                }
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "dhcp_release " + lease + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        leases = current;
    }

    public DnsmasqStatus status() {
        return supervisor.status();
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
