package org.linuxrouter.drbdnfs;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.drbdnfs.pair.AgentTransport;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.Capacity;
import org.linuxrouter.ha.status.report.RawOutput;
import org.linuxrouter.ha.status.report.Sources;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;

/**
 * Stand-in agents: what each URL answers (a report built from real output formats, or a failure), and real TCP
 * for the NFS check. The agent over real HTTPS is tested in ha-agent (Java 17), which this Java 11 module cannot load.
 */
public final class FakeAgents implements AgentTransport {
    public static final String VIP = "10.20.0.10";
    public static final String SECRET = RouterSecret.generate().encoded();
    public static final String PIN_A = pin('A');
    public static final String PIN_B = pin('B');
    public static final URI AGENT_A = URI.create("https://10.20.0.11:8444");
    public static final URI AGENT_B = URI.create("https://10.20.0.12:8444");

    private final Map<URI, Reading<AgentReport>> answers = new HashMap<>();
    private final AgentTransport network = AgentTransport.network(java.time.Duration.ofSeconds(2));
    public final List<String> asked = new java.util.ArrayList<>();

    private static String pin(char c) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            s.append(i == 0 ? "" : ":").append(c).append(c);
        }
        return s.toString();
    }

    public FakeAgents answer(URI agent, Reading<AgentReport> report) {
        answers.put(agent, report);
        return this;
    }

    /** A healthy pair: a is Primary with the floating IP and the export, b is Secondary. */
    public static FakeAgents healthyPair() {
        return new FakeAgents().answer(AGENT_A, Reading.of(storageNode("storage1", true)))
                .answer(AGENT_B, Reading.of(storageNode("storage2", false)));
    }

    public static AgentReport storageNode(String name, boolean primary) {
        Map<String, RawOutput> s = new HashMap<>();
        s.put(Sources.PROC_DRBD, RawOutput.of("version: 8.4.11 (api:1/proto:86-101)\n"
                + " 0: cs:Connected ro:" + (primary ? "Primary/Secondary" : "Secondary/Primary")
                + " ds:UpToDate/UpToDate C r-----\n"
                + "    ns:65496 nr:0 dw:0 dr:65496 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n", 0));
        String addr = primary ? "{\"local\":\"10.20.0.11\",\"prefixlen\":24},{\"local\":\"" + VIP + "\",\"prefixlen\":24}"
                : "{\"local\":\"10.20.0.12\",\"prefixlen\":24}";
        s.put(Sources.IP_ADDR, RawOutput.of("[{\"ifindex\":2,\"ifname\":\"eth0\",\"addr_info\":[" + addr + "]}]", 0));
        s.put(Sources.FINDMNT, RawOutput.of("{\"filesystems\":[{\"target\":\"/\",\"source\":\"/dev/vda1\",\"fstype\":\"ext4\","
                + "\"options\":\"rw\"" + (primary ? ",\"children\":[{\"target\":\"/srv/nfs\",\"source\":\"/dev/drbd0\","
                + "\"fstype\":\"ext4\",\"options\":\"rw,noatime\"}]" : "") + "}]}", 0));
        s.put(Sources.NFSD_THREADS, RawOutput.of(primary ? "8\n" : "0\n", 0));
        s.put(Sources.EXPORTFS, RawOutput.of(primary ? "/srv/nfs      \t10.20.0.0/24(sync,wdelay,hide,no_subtree_check,"
                + "fsid=1,sec=sys,rw,secure,no_root_squash,no_all_squash)\n" : "", 0));
        s.put(Sources.TIMEDATECTL, RawOutput.of("NTP=yes\nNTPSynchronized=yes\n", 0));
        return new AgentReport(name, AgentReport.Role.STORAGE, s,
                primary ? Optional.of(new Capacity("/srv/nfs", 1_000_000_000L, 250_000_000L)) : Optional.empty(), List.of());
    }

    @Override
    public Reading<AgentReport> status(URI agent, CertificateFingerprint pin, RouterSecret secret) {
        asked.add(agent.toString());
        return answers.getOrDefault(agent, Reading.unknown("agent " + agent.getHost() + ": no connection (ConnectException)"));
    }

    /** Real TCP: the tests point the "floating IP" at 127.0.0.1 and a port they opened (or closed). */
    @Override
    public Reading<Boolean> tcpAnswers(String host, int port) {
        return network.tcpAnswers(host.equals(VIP) ? "127.0.0.1" : host, port);
    }
}
