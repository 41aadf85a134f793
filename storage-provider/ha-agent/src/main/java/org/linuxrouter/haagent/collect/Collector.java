package org.linuxrouter.haagent.collect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.cluster.ClStatusParser;
import org.linuxrouter.ha.status.node.FindmntParser;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.Capacity;
import org.linuxrouter.ha.status.report.PortCheck;
import org.linuxrouter.ha.status.report.RawOutput;
import org.linuxrouter.ha.status.report.Sources;
import org.linuxrouter.haagent.config.AgentConfig;

/** Reads every configured source once and assembles the report. The only place the agent touches the system. */
public final class Collector {
    private final AgentConfig config;
    private final ProcessRunner runner;

    public Collector(AgentConfig config) {
        this.config = config;
        this.runner = new ProcessRunner(config.commandTimeout());
    }

    public AgentReport collect() {
        Map<String, RawOutput> s = new LinkedHashMap<>();
        drbd(s);
        cluster(s);
        s.put(Sources.IP_ADDR, runner.run(config.tool("ip"), "-j", "addr", "show"));
        RawOutput findmnt = runner.run(config.tool("findmnt"), "-J", "-o", "TARGET,SOURCE,FSTYPE,OPTIONS");
        s.put(Sources.FINDMNT, findmnt);
        if (config.role() == AgentReport.Role.STORAGE) {
            s.put(Sources.NFSD_THREADS, nfsdThreads());
            s.put(Sources.EXPORTFS, runner.run(config.tool("exportfs"), "-v"));
        } else {
            s.put(Sources.DATABASE_ACTIVE, runner.run(config.tool("systemctl"), "is-active", config.databaseUnit()));
        }
        time(s);
        return new AgentReport(config.nodeName(), config.role(), s, capacity(findmnt), ports());
    }

    private void drbd(Map<String, RawOutput> s) {
        switch (config.drbd()) {
            case PROC_EVENTS2:
                s.put(Sources.PROC_DRBD, ProcessRunner.readFile(config.procDrbd()));
                s.put(Sources.DRBD_EVENTS2, runner.run(config.tool("drbdsetup"), "events2", "--now"));
                break;
            case PROC:
                s.put(Sources.PROC_DRBD, ProcessRunner.readFile(config.procDrbd()));
                break;
            case EVENTS2:
                s.put(Sources.DRBD_EVENTS2, runner.run(config.tool("drbdsetup"), "events2", "--now"));
                break;
            case JSON:
                s.put(Sources.DRBD_STATUS_JSON, runner.run(config.tool("drbdsetup"), "status", "--json"));
                break;
            default:
                break;
        }
    }

    private void cluster(Map<String, RawOutput> s) {
        if (config.cluster() == AgentConfig.ClusterSource.PACEMAKER) {
            s.put(Sources.CRM_MON, runner.run(config.tool("crm_mon"), "-1", "--output-as=xml"));
        } else if (config.cluster() == AgentConfig.ClusterSource.HEARTBEAT) {
            Path cl = config.tool("cl_status");
            s.put(Sources.CL_STATUS_HBSTATUS, runner.run(cl, "hbstatus"));
            RawOutput list = runner.run(cl, "listnodes", "-n");
            s.put(Sources.CL_STATUS_LISTNODES, list);
            // node names come from cl_status itself and are checked before they become an argument
            Reading<List<String>> nodes = list.text().map(ClStatusParser::parseNodeList)
                    .orElse(Reading.unknown("no node list"));
            if (nodes.known()) {
                for (String n : nodes.value()) {
                    s.put(Sources.CL_STATUS_NODESTATUS + n, runner.run(cl, "nodestatus", n));
                }
            }
        }
    }

    /** No /proc/fs/nfsd/threads means nfsd's filesystem is not mounted: no server threads. */
    private RawOutput nfsdThreads() {
        if (!Files.exists(config.nfsdThreads())) {
            return RawOutput.of("0\n", 0);
        }
        return ProcessRunner.readFile(config.nfsdThreads());
    }

    private void time(Map<String, RawOutput> s) {
        AgentConfig.TimeSource t = config.time();
        if (t == AgentConfig.TimeSource.BOTH || t == AgentConfig.TimeSource.CHRONY) {
            s.put(Sources.CHRONY_TRACKING, runner.run(config.tool("chronyc"), "-c", "tracking"));
        }
        if (t == AgentConfig.TimeSource.BOTH || t == AgentConfig.TimeSource.TIMEDATECTL) {
            s.put(Sources.TIMEDATECTL, runner.run(config.tool("timedatectl"), "show"));
        }
    }

    /** Size and use of the pair's filesystem, only where it is mounted (statvfs of the mount point). */
    private Optional<Capacity> capacity(RawOutput findmnt) {
        if (config.mountPoint().isEmpty() || findmnt.text().isEmpty()) {
            return Optional.empty();
        }
        String mp = config.mountPoint().get();
        var mounts = FindmntParser.parse(findmnt.text().get());
        if (!mounts.known() || FindmntParser.at(mounts.value(), mp).isEmpty()) {
            return Optional.empty();
        }
        try {
            FileStore store = Files.getFileStore(Path.of(mp));
            long total = store.getTotalSpace();
            return Optional.of(new Capacity(mp, total, Math.max(0, total - store.getUnallocatedSpace())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<PortCheck> ports() {
        List<PortCheck> out = new ArrayList<>();
        for (AgentConfig.HostPort hp : config.checkPorts()) {
            boolean open;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hp.host(), hp.port()), (int) Math.min(2000, config.commandTimeout().toMillis()));
                open = true;
            } catch (IOException e) {
                open = false;
            }
            out.add(new PortCheck(hp.host(), hp.port(), open));
        }
        return out;
    }
}
