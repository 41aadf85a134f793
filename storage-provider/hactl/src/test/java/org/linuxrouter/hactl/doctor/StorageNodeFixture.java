package org.linuxrouter.hactl.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.linuxrouter.hactl.Fixtures;
import org.linuxrouter.hactl.DoctorCommandAccess;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.render.PairRenderer;
import org.linuxrouter.hactl.render.RenderWriter;
import picocli.CommandLine;

/**
 * A storage node as files under a temp root (rendered by hactl itself, plus /proc/modules and /proc/drbd) and
 * recorded command outputs; runs {@code hactl doctor} against it through the real command line.
 */
public final class StorageNodeFixture {

    public static final String PROC_DRBD_HEALTHY_PRIMARY = "version: 8.4.11 (api:1/proto:86-101)\n"
            + "srcversion: 211FB288A383ED945B83420\n"
            + " 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n"
            + "    ns:65496 nr:0 dw:0 dr:65496 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n";
    public static final String PROC_DRBD_PEER_GONE = "version: 8.4.11 (api:1/proto:86-101)\n"
            + "srcversion: 211FB288A383ED945B83420\n"
            + " 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----\n"
            + "    ns:65496 nr:0 dw:0 dr:65496 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n";
    public static final String PROC_DRBD_SECONDARY = "version: 8.4.11 (api:1/proto:86-101)\n"
            + "srcversion: 211FB288A383ED945B83420\n"
            + " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n"
            + "    ns:0 nr:65496 dw:65496 dr:0 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n";
    public static final String EXPORTFS_V = "/srv/nfs/web  \t10.0.20.0/24(sync,wdelay,hide,no_subtree_check,fsid=1,"
            + "sec=sys,rw,secure,no_root_squash,no_all_squash)\n"
            + "/srv/nfs/files\n\t\t10.0.20.0/24(sync,wdelay,hide,no_subtree_check,fsid=2,sec=sys,rw,secure,"
            + "no_root_squash,no_all_squash)\n";
    public static final String TIMEDATECTL_SYNCED = "Timezone=Etc/UTC\nNTP=yes\nNTPSynchronized=yes\n";
    public static final String CHRONY_NORMAL = "C0A80001,192.168.0.1,3,1795617841.374826336,0.000004168,"
            + "-0.000004005,0.000010327,-3.287,0.000,0.049,0.000344999,0.000224001,64.2,Normal\n";

    public final Path root;
    public final RecordedRunner runner = new RecordedRunner();
    public final LoadedInventory inventory = Fixtures.load(Fixtures.STORAGE_EXAMPLE);

    public StorageNodeFixture(Path root) {
        this.root = root;
    }

    /** nfs1 as hactl renders it, healthy and primary. */
    public StorageNodeFixture healthyPrimary() throws IOException {
        new RenderWriter().write(root, new PairRenderer().renderNode(inventory, inventory.inventory().node("nfs1")));
        write("proc/modules", "drbd 372736 4 - Live 0x0000000000000000\nlibcrc32c 12288 1 drbd, Live 0x0\n");
        write("proc/drbd", PROC_DRBD_HEALTHY_PRIMARY);
        runner.answer("nfs1\n", "uname", "-n")
                .answer(ipAddr(true), "ip", "-j", "addr")
                .answer(EXPORTFS_V, "exportfs", "-v")
                .answer(TIMEDATECTL_SYNCED, "timedatectl", "show")
                .answer(CHRONY_NORMAL, "chronyc", "-c", "tracking")
                .fail(10, "events2: unknown minor\n", "drbdsetup", "events2", "--now");
        heartbeatSees(runner, "nfs1", "nfs2");
        return this;
    }

    /** cl_status answers of a running Heartbeat with both nodes active. */
    public static RecordedRunner heartbeatSees(RecordedRunner runner, String... activeNodes) {
        runner.answer("Heartbeat is running on this machine.\n", "cl_status", "hbstatus");
        for (String n : activeNodes) {
            runner.answer("active\n", "cl_status", "nodestatus", n);
        }
        return runner;
    }

    public StorageNodeFixture write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return this;
    }

    /** {@code ip -j addr} of a node with eth1 holding its own address and, if asked, the floating IP. */
    public static String ipAddr(boolean withVip) {
        return ipAddr(withVip ? "10.0.20.100" : null, "eth1");
    }

    /** {@code ip -j addr} of a node with {@code iface} up and, unless null, holding {@code vipAddress}/24. */
    public static String ipAddr(String vipAddress, String iface) {
        String vip = vipAddress != null ? ",{\"family\":\"inet\",\"local\":\"" + vipAddress + "\",\"prefixlen\":24,"
                + "\"scope\":\"global\",\"secondary\":true,\"label\":\"" + iface + "\"}" : "";
        return "[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\"],\"addr_info\":[{\"family\":\"inet\","
                + "\"local\":\"127.0.0.1\",\"prefixlen\":8,\"scope\":\"host\",\"label\":\"lo\"}]},"
                + "{\"ifindex\":3,\"ifname\":\"" + iface + "\",\"flags\":[\"BROADCAST\",\"UP\"],\"addr_info\":[{"
                + "\"family\":\"inet\",\"local\":\"10.0.20.11\",\"prefixlen\":24,\"scope\":\"global\",\"label\":\""
                + iface + "\"}" + vip + "]}]";
    }

    /** Runs {@code hactl doctor} with the given extra arguments; returns exit status and output. */
    public Run doctor(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DoctorCommandAccess.commandLine(runner);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] args = new String[4 + extra.length];
        args[0] = "doctor";
        args[1] = "-i";
        args[2] = Fixtures.STORAGE_EXAMPLE.toString();
        args[3] = "--root=" + root;
        System.arraycopy(extra, 0, args, 4, extra.length);
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    public record Run(int status, String out, String err) {
    }
}
