package org.linuxrouter.ha.status.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.cluster.ClStatusParser;
import org.linuxrouter.ha.status.cluster.ClusterStatus;
import org.linuxrouter.ha.status.cluster.CrmMonParser;
import org.linuxrouter.ha.status.drbd.DrbdStatus;
import org.linuxrouter.ha.status.drbd.Events2Parser;
import org.linuxrouter.ha.status.drbd.ProcDrbdParser;
import org.linuxrouter.ha.status.drbd.StatusJsonParser;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.node.ExportfsParser;
import org.linuxrouter.ha.status.node.FindmntParser;
import org.linuxrouter.ha.status.node.IpAddrParser;
import org.linuxrouter.ha.status.node.NfsdThreadsParser;
import org.linuxrouter.ha.status.node.TimeSync;
import org.linuxrouter.ha.status.node.TimeSyncParser;

/** Parses an agent's raw outputs into the classifier's {@link NodeReport}: the one place both meet. */
public final class NodeReports {
    private NodeReports() {
    }

    public static NodeReport from(AgentReport r) {
        NodeReport.Builder b = NodeReport.newBuilder(r.node())
                .drbd(drbd(r))
                .addresses(parse(r, Sources.IP_ADDR, IpAddrParser::parse))
                .mounts(parse(r, Sources.FINDMNT, FindmntParser::parse))
                .nfsdThreads(parse(r, Sources.NFSD_THREADS, NfsdThreadsParser::parse))
                .exports(parse(r, Sources.EXPORTFS, ExportfsParser::parse))
                .time(time(r))
                .databaseRunning(parse(r, Sources.DATABASE_ACTIVE, NodeReports::isActive));
        cluster(r).ifPresent(b::cluster);
        return b.build();
    }

    /** DRBD 9 JSON if given; else events2 (names) with /proc/drbd's progress; else /proc/drbd alone. */
    static Reading<DrbdStatus> drbd(AgentReport r) {
        if (r.source(Sources.DRBD_STATUS_JSON).isPresent()) {
            return parse(r, Sources.DRBD_STATUS_JSON, StatusJsonParser::parse);
        }
        Reading<DrbdStatus> proc = parse(r, Sources.PROC_DRBD, ProcDrbdParser::parse);
        if (r.source(Sources.DRBD_EVENTS2).isEmpty()) {
            return proc;
        }
        Reading<DrbdStatus> events = parse(r, Sources.DRBD_EVENTS2, Events2Parser::parse);
        return events.known() && proc.known() ? Reading.of(events.value().withProgressFrom(proc.value())) : events;
    }

    private static Optional<Reading<ClusterStatus>> cluster(AgentReport r) {
        if (r.source(Sources.CRM_MON).isPresent()) {
            return Optional.of(parse(r, Sources.CRM_MON, CrmMonParser::parse));
        }
        if (r.source(Sources.CL_STATUS_HBSTATUS).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        Reading<List<String>> list = parse(r, Sources.CL_STATUS_LISTNODES, ClStatusParser::parseNodeList);
        if (list.known()) {
            for (String n : list.value()) {
                RawOutput o = r.source(Sources.CL_STATUS_NODESTATUS + n).orElse(RawOutput.failed("not collected"));
                nodes.put(n, o.text().orElse(""));
            }
        }
        RawOutput hb = r.source(Sources.CL_STATUS_HBSTATUS).get();
        Reading<ClusterStatus> status = hb.text().isPresent() ? ClStatusParser.parse(hb.text().get(), nodes)
                : Reading.unknown("cl_status: " + hb.error().orElse(""));
        if (status.known() && status.value().running() && !list.known()) {
            return Optional.of(Reading.unknown(list.problem()));
        }
        return Optional.of(status);
    }

    private static Reading<TimeSync> time(AgentReport r) {
        boolean chrony = r.source(Sources.CHRONY_TRACKING).isPresent();
        boolean timedatectl = r.source(Sources.TIMEDATECTL).isPresent();
        Reading<TimeSync> c = parse(r, Sources.CHRONY_TRACKING, TimeSyncParser::parseChronyTracking);
        Reading<TimeSync> t = parse(r, Sources.TIMEDATECTL, TimeSyncParser::parseTimedatectl);
        if (chrony && timedatectl && c.known() && t.known()) {
            return Reading.of(c.value().combinedWith(t.value()));
        }
        return chrony && (c.known() || !timedatectl) ? c : t;
    }

    /** {@code systemctl is-active}: "active" (exit 0); "inactive", "failed", "activating"... otherwise. */
    private static Reading<Boolean> isActive(String text) {
        String word = text.strip();
        if (!word.matches("[a-z-]{1,20}")) {
            return Reading.unknown("systemctl is-active: unexpected output '" + (word.length() > 40 ? word.substring(0, 40) : word) + "'");
        }
        return Reading.of(word.equals("active"));
    }

    private static <T> Reading<T> parse(AgentReport r, String source, Function<String, Reading<T>> parser) {
        RawOutput o = r.source(source).orElse(null);
        if (o == null) {
            return Reading.unknown(source + ": not collected by the agent");
        }
        if (o.error().isPresent()) {
            return Reading.unknown(source + ": " + o.error().get());
        }
        return parser.apply(o.text().orElseThrow());
    }
}
