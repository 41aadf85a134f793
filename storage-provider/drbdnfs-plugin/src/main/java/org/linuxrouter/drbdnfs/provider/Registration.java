package org.linuxrouter.drbdnfs.provider;

import com.cloud.exception.InvalidParameterValueException;
import java.util.HashMap;
import java.util.Map;
import org.linuxrouter.drbdnfs.pair.AgentTransport;
import org.linuxrouter.drbdnfs.pair.PairDetails;
import org.linuxrouter.drbdnfs.pair.PairEndpoints;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.node.IpAddrParser;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.NodeReports;

/**
 * The checks before a DrbdNfs pool is created, in the order an operator fixes them: the URL is
 * {@code nfs://<floating IP>/<export>}, the details name two agents, NFS answers on the floating IP, both agents
 * answer as storage nodes, and one of them holds the floating IP. Each failure is an
 * {@link InvalidParameterValueException} saying what to fix; nothing is created before all pass.
 */
final class Registration {
    static final int NFS_PORT = 2049;

    private final String floatingIp;
    private final String exportPath;
    private final PairEndpoints endpoints;
    private final Map<String, String> details;

    private Registration(String floatingIp, String exportPath, PairEndpoints endpoints, Map<String, String> details) {
        this.floatingIp = floatingIp;
        this.exportPath = exportPath;
        this.endpoints = endpoints;
        this.details = details;
    }

    String floatingIp() {
        return floatingIp;
    }

    String exportPath() {
        return exportPath;
    }

    PairEndpoints endpoints() {
        return endpoints;
    }

    /** The details as given (secret still in clear text: the caller encrypts it). */
    Map<String, String> details() {
        return details;
    }

    @SuppressWarnings("unchecked")
    static Registration check(Map<String, Object> dsInfos, AgentTransport transport) {
        String scheme = text(dsInfos.get("scheme"));
        if (!"nfs".equalsIgnoreCase(scheme)) {
            throw invalid("url: DrbdNfs registers nfs://<floating IP>/<export>, got scheme \"" + scheme + "\"");
        }
        String host = text(dsInfos.get("host"));
        if (!isIpLiteral(host)) {
            throw invalid("url: the host must be the pair's floating IP address, got \"" + host + "\"");
        }
        String path = text(dsInfos.get("hostPath"));
        if (!path.startsWith("/") || path.length() < 2) {
            throw invalid("url: expected the export path after the floating IP (nfs://" + host + "/srv/nfs), got \"" + path + "\"");
        }
        Object rawDetails = dsInfos.get("details");
        Map<String, String> details = rawDetails instanceof Map ? new HashMap<>((Map<String, String>) rawDetails) : new HashMap<>();
        PairEndpoints endpoints;
        try {
            endpoints = PairEndpoints.parse(details.get(PairDetails.AGENTS), details.get(PairDetails.FINGERPRINTS),
                    details.get(PairDetails.SECRET));
        } catch (IllegalArgumentException e) {
            throw invalid("details: " + e.getMessage());
        }
        optionalDetails(details);
        int port = dsInfos.get("port") == null ? -1 : Integer.parseInt(dsInfos.get("port").toString());
        int nfsPort = port > 0 ? port : NFS_PORT;
        Reading<Boolean> nfs = transport.tcpAnswers(host, nfsPort);
        if (!nfs.known() || !nfs.value()) {
            throw invalid("url: nothing answers on " + host + ":" + nfsPort + " (TCP)"
                    + (nfs.known() ? "" : ": " + nfs.problem()) + "; is the pair serving NFS on its floating IP?");
        }
        checkAgents(host, endpoints, transport);
        return new Registration(host, path, endpoints, details);
    }

    private static void checkAgents(String floatingIp, PairEndpoints endpoints, AgentTransport transport) {
        boolean someoneHoldsIt = false;
        boolean addressesKnown = true;
        String firstNode = null;
        for (int i = 0; i < 2; i++) {
            Reading<AgentReport> r = transport.status(endpoints.agents().get(i), endpoints.fingerprints().get(i), endpoints.secret());
            if (!r.known()) {
                throw invalid("details: " + PairDetails.AGENTS + ": storage node agent " + endpoints.agents().get(i)
                        + " did not answer: " + r.problem());
            }
            if (r.value().role() != AgentReport.Role.STORAGE) {
                throw invalid("details: " + PairDetails.AGENTS + ": " + endpoints.agents().get(i)
                        + " is a management-server agent (role = management), not a storage node");
            }
            if (r.value().node().equals(firstNode)) {
                throw invalid("details: " + PairDetails.AGENTS + ": both agents answer as node " + firstNode);
            }
            firstNode = r.value().node();
            NodeReport n = NodeReports.from(r.value());
            if (n.addresses().known()) {
                someoneHoldsIt |= IpAddrParser.holder(n.addresses().value(), floatingIp).isPresent();
            } else {
                addressesKnown = false;
            }
        }
        if (addressesKnown && !someoneHoldsIt) {
            throw invalid("url: neither storage node holds the floating IP " + floatingIp
                    + "; are these the agents of the pair that serves this address?");
        }
    }

    private static void optionalDetails(Map<String, String> details) {
        String mount = details.get(PairDetails.MOUNT_POINT);
        if (mount != null && !mount.matches("/[A-Za-z0-9._/-]*")) {
            throw invalid("details: " + PairDetails.MOUNT_POINT + ": expected an absolute path, got \"" + mount + "\"");
        }
        String fsid = details.get(PairDetails.FSID);
        if (fsid != null && !fsid.matches("[A-Za-z0-9-]{1,36}")) {
            throw invalid("details: " + PairDetails.FSID + ": expected a number or UUID as in exports(5), got \"" + fsid + "\"");
        }
    }

    /** A dotted quad or an IPv6 literal; parsing these never consults DNS. */
    static boolean isIpLiteral(String host) {
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(host.contains(":") && host.matches("[0-9A-Fa-f:.]+"))) {
            return false;
        }
        try {
            java.net.InetAddress.getByName(host);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static InvalidParameterValueException invalid(String message) {
        return new InvalidParameterValueException(message);
    }
}
