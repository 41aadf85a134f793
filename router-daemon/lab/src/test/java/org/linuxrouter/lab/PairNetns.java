package org.linuxrouter.lab;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;

/**
 * The host-kernel wiring two router namespaces of a pair share in the netns pair tests ({@code PairPeerNetnsTest},
 * {@code GatePairNetnsTest}), and their reads of the pair's status:
 * <pre>
 *   router A ── trunk (VRRP, 169.254.77.0/24) ── router B
 *       └─ under0 ─┐                    ┌─ under0 ─┘       one LAN, a bridge br0 in "hv": the management network
 *                  hv: br0 198.51.100.3 + vxlan5001        (mgmt.0/24: the APIs and the test JVM on a veth from the
 *                  └─ veth to the host namespace (.254)     host namespace) and the VXLAN underlay (198.51.100.0/24)
 * </pre>
 */
public final class PairNetns {

    public static final String VXLAN = "vxlan5001";

    private PairNetns() {
    }

    /**
     * The VRRP link, the management/underlay bridge in hv with the test JVM's veth {@code hostLink} to it, and hv's
     * end of VNI 5001 ({@link #VXLAN}, down, flooding to both routers' VTEPs) for the caller to finish.
     */
    public static void wire(Netns a, Netns b, Netns hv, String hostLink, String mgmt) {
        a.vethTo(b, "trunk", "trunk");
        a.ip().run("addr", "add", "169.254.77.1/24", "dev", "trunk");
        b.ip().run("addr", "add", "169.254.77.2/24", "dev", "trunk");
        hv.ip().run("link", "add", "br0", "type", "bridge");
        a.vethTo(hv, "under0", "ua");
        b.vethTo(hv, "under0", "ub");
        a.ip().run("addr", "add", "198.51.100.1/24", "dev", "under0");
        b.ip().run("addr", "add", "198.51.100.2/24", "dev", "under0");
        hv.ip().run("addr", "add", "198.51.100.3/24", "dev", "br0");
        a.ip().run("addr", "add", mgmt + "1/24", "dev", "under0");
        b.ip().run("addr", "add", mgmt + "2/24", "dev", "under0");
        Ip.host().batch(List.of("link add " + hostLink + " type veth peer name uh netns " + hv.name(),
                "addr add " + mgmt + "254/24 dev " + hostLink, "link set " + hostLink + " up")).requireSuccess();
        for (String port : List.of("ua", "ub", "uh")) {
            hv.ip().run("link", "set", port, "master", "br0");
            hv.ip().run("link", "set", port, "up");
        }
        hv.ip().run("link", "set", "br0", "up");
        for (Netns r : List.of(a, b)) {
            r.ip().run("link", "set", "trunk", "up");
            r.ip().run("link", "set", "under0", "up");
            r.ip().run("link", "set", "lo", "up");
        }
        hv.ip().run("link", "set", "lo", "up");
        // CloudStack's KVM host side of VNI 5001: floods to both routers' VTEPs
        hv.ip().run("link", "add", VXLAN, "type", "vxlan", "id", "5001", "local", "198.51.100.3", "dev", "br0",
                "dstport", "4789");
        for (String vtep : List.of("198.51.100.1", "198.51.100.2")) {
            hv.exec("bridge", "fdb", "append", "00:00:00:00:00:00", "dev", VXLAN, "dst", vtep).requireSuccess();
        }
    }

    /**
     * The upstream segment: a bridge br1 in {@code up} with {@code upstream}/24 and both routers' uplink0 (.1 and .2
     * of 203.0.113.0/24), all up; {@code guests} on-link there, answered by the master's proxy ARP.
     */
    public static void uplinks(Netns a, Netns b, Netns up, String upstream, String guests) {
        up.ip().run("link", "add", "br1", "type", "bridge");
        a.vethTo(up, "uplink0", "pa");
        b.vethTo(up, "uplink0", "pb");
        for (String port : List.of("pa", "pb")) {
            up.ip().run("link", "set", port, "master", "br1");
            up.ip().run("link", "set", port, "up");
        }
        up.ip().run("link", "set", "br1", "up");
        up.ip().run("link", "set", "lo", "up");
        up.ip().run("addr", "add", upstream + "/24", "dev", "br1");
        up.ip().run("route", "add", guests, "dev", "br1");
        a.ip().run("addr", "add", "203.0.113.1/24", "dev", "uplink0");
        b.ip().run("addr", "add", "203.0.113.2/24", "dev", "uplink0");
        for (Netns r : List.of(a, b)) {
            r.ip().run("link", "set", "uplink0", "up");
        }
    }

    /** The pair section of the router's status; an AssertionError when there is none or the router does not answer. */
    public static PairState pair(RouterClient c) {
        try {
            return c.status().pair().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The router's VRRP role, UNKNOWN while it does not answer. */
    public static PairState.Role role(RouterClient c) {
        try {
            return pair(c).role();
        } catch (AssertionError e) {
            return PairState.Role.UNKNOWN;
        }
    }

    /** The router's /metrics, read with curl from its own namespace. */
    public static String metrics(Netns ns, String address) {
        return ns.exec("curl", "-sk", "https://" + address + ":" + DaemonProcess.PORT + "/metrics").requireSuccess()
                .stdout();
    }

    /** Whether {@code condition} held within {@code wait}, checked every 100 ms. */
    public static boolean eventually(Duration wait, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
