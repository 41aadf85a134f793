package org.linuxrouter.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.linuxrouter.lab.HostDaemon;
import org.linuxrouter.testkit.net.GuestLan;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * {@code bench/metadata-bench [N]}: N VMs (default 100) on one VXLAN network behind linuxrouterd (metadata and
 * anti-spoofing on, host kernel) boot at once and crawl their metadata and user data as cloud-init does. Printed:
 * the wall time until the last VM has everything (target ≤ 1 s for 100), and the ratio to a baseline measured in
 * the same run: the same crawl of the same files served by Python's threading static-file server on the gateway,
 * the closest thing to the virtual router's Apache that needs no setup. Needs root, iproute2, nftables, python3,
 * curl.
 */
public final class MetadataBench {

    static final int VNI = 7001;
    /** The crawl's two ways to run the VMs: threads of one Python (one interpreter lock), or a process each. */
    static final String THREADS = "threads";
    static final String PROCESSES = "processes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataBench() {
    }

    public static void main(String[] args) throws Exception {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (vms < 1 || vms > 2000) {
            throw new IllegalArgumentException("N: expected 1..2000 VMs, got " + vms);
        }
        Path dir = Files.createTempDirectory("metadata-bench");
        try (GuestLan lan = GuestLan.create("mdb" + ProcessHandle.current().pid());
             HostDaemon daemon = new HostDaemon(lan.router(), dir, List.of("vxlan_underlay = under0",
                     "vxlan_mode = unicast", "vxlan_vteps = " + GuestLan.HYPERVISOR_VTEP, "metadata = on",
                     "anti_spoofing = on"))) {
            int network = lan.addVxlanNetwork(VNI);
            daemon.start(Duration.ofMinutes(2));
            List<String> nics = new ArrayList<>();
            for (int i = 0; i < vms; i++) {
                nics.add(nic(i));
            }
            daemon.apply("bench", "{\"network\": {\"uuid\": \"8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a7001\", \"segment\":"
                    + " \"vxlan://" + VNI + "\", \"gateway4\": \"10.90.0.1/16\", \"services\": [\"userdata\"]},"
                    + " \"nics\": [" + String.join(", ", nics) + "]}");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < vms; i++) {
                names.add(lan.addVm("v" + i, network, mac(i), ip(i) + "/16", "10.90.0.1").name());
            }
            Path crawl = extract(dir);
            // warm up: the daemon's JIT, and every VM's ARP entry for its gateway and the router's for it, which
            // a booting VM's DHCP exchange would have made before cloud-init runs
            crawl(crawl, THREADS, "10.90.0.1", 80, names);
            JsonNode threads = measured(daemon, crawl, THREADS, names);
            JsonNode ours = measured(daemon, crawl, PROCESSES, names);
            JsonNode baseline = baseline(lan, dir, crawl, names);
            double ratio = ours.path("seconds").asDouble() / baseline.path("seconds").asDouble();
            System.out.printf(Locale.ROOT, "metadata-bench: %d VMs, %d requests each run, load average %s%n", vms,
                    ours.path("requests").asInt(), loadAverage());
            print("linuxrouterd, VMs as threads of one client", threads);
            print("linuxrouterd, VMs as processes", ours);
            print("baseline: python3 static files, processes", baseline);
            System.out.printf(Locale.ROOT, "  ratio linuxrouterd / baseline (processes)        %.2f%n", ratio);
            System.out.printf(Locale.ROOT, "  target: all %d VMs done within 1 s               %s%n", vms,
                    ours.path("seconds").asDouble() <= 1.0 && ours.path("failures").asInt() == 0 ? "met" : "MISSED");
            if (ours.path("failures").asInt() != 0 || threads.path("failures").asInt() != 0) {
                System.out.println("  errors: " + ours.path("errors") + threads.path("errors"));
                System.exit(1);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The same files, as the VR's per-IP directories would hold them, served by python3 -m http.server. */
    private static JsonNode baseline(GuestLan lan, Path dir, Path crawl, List<String> names) throws Exception {
        Path root = dir.resolve("www");
        Path md = Files.createDirectories(root.resolve("latest/meta-data"));
        StringBuilder listing = new StringBuilder();
        for (String key : List.of("availability-zone", "instance-id", "local-hostname", "local-ipv4", "public-keys",
                "service-offering", "vm-id")) {
            Files.writeString(md.resolve(key), value(key, 0));
            listing.append(key).append('\n');
        }
        Files.writeString(md.resolve("index.html"), listing.toString());
        Files.writeString(root.resolve("latest/user-data"), userData(0));
        Process server = new ProcessBuilder(List.of("ip", "netns", "exec", lan.router().name(), "python3", "-m",
                "http.server", "8000", "--bind", "10.90.0.1", "--directory", root.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("http.server.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !lan.vm("v0").exec("curl", "-sf", "-o", "/dev/null",
                    "http://10.90.0.1:8000/latest/user-data").succeeded(); i++) {
                Thread.sleep(100);
            }
            crawl(crawl, PROCESSES, "10.90.0.1", 8000, names.subList(0, Math.min(5, names.size())));
            return crawl(crawl, PROCESSES, "10.90.0.1", 8000, names);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** One crawl against the daemon, with the daemon's CPU time during it added as {@code daemon_cpu}. */
    private static JsonNode measured(HostDaemon daemon, Path crawl, String mode, List<String> names)
            throws IOException {
        Duration before = daemon.cpuTime();
        JsonNode result = crawl(crawl, mode, "10.90.0.1", 80, names);
        double cpu = (daemon.cpuTime().toMillis() - before.toMillis()) / 1000.0;
        return ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("daemon_cpu", cpu);
    }

    private static void print(String what, JsonNode run) {
        System.out.printf(Locale.ROOT, "  %-46s %.3f s, %d failed; request p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " CPU: client %.2f s%s%n", what, run.path("seconds").asDouble(), run.path("failures").asInt(),
                run.path("p50").asDouble() * 1000, run.path("p99").asDouble() * 1000, run.path("max").asDouble() * 1000,
                run.path("client_cpu").asDouble(), run.has("daemon_cpu")
                        ? String.format(Locale.ROOT, ", daemon %.2f s", run.path("daemon_cpu").asDouble()) : "");
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static JsonNode crawl(Path script, String mode, String server, int port, List<String> names)
            throws IOException {
        List<String> argv = new ArrayList<>(List.of("python3", script.toString(), mode, server,
                Integer.toString(port)));
        argv.addAll(names);
        CommandResult r = Command.run(argv, null, Duration.ofMinutes(5));
        if (!r.succeeded()) {
            throw new IllegalStateException("crawl failed: " + r);
        }
        String[] lines = r.stdout().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    private static Path extract(Path dir) throws IOException {
        try (InputStream in = MetadataBench.class.getResourceAsStream("metadata_crawl.py")) {
            Path file = dir.resolve("metadata_crawl.py");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    static String ip(int i) {
        return "10.90." + (i / 250) + "." + (i % 250 + 2);
    }

    static String mac(int i) {
        return String.format(Locale.ROOT, "52:54:00:90:%02x:%02x", i >> 8, i & 0xff);
    }

    static String uuid(int i) {
        return String.format(Locale.ROOT, "0e7f6f0a-5555-4aaa-8bbb-%012x", i);
    }

    static String value(String key, int i) {
        switch (key) {
            case "instance-id":
            case "vm-id":
                return uuid(i);
            case "local-ipv4":
                return ip(i);
            case "local-hostname":
                return "vm-" + i;
            case "public-keys":
                return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@example";
            case "availability-zone":
                return "zone-a";
            default:
                return "Small Instance";
        }
    }

    /** About 1 KiB, a typical cloud-config. */
    static String userData(int i) {
        return "#cloud-config\nhostname: vm-" + i + "\nruncmd:\n" + "  - echo 'bench line'\n".repeat(40);
    }

    private static String nic(int i) {
        return "{\"uuid\": \"" + uuid(i) + "\", \"mac\": \"" + mac(i) + "\", \"ipv4\": [\"" + ip(i) + "\"],"
                + " \"metadata\": {\"instance-id\": \"" + value("instance-id", i) + "\", \"vm-id\": \""
                + value("vm-id", i) + "\", \"local-ipv4\": \"" + ip(i) + "\", \"local-hostname\": \""
                + value("local-hostname", i) + "\", \"availability-zone\": \"zone-a\", \"service-offering\":"
                + " \"Small Instance\"}, \"sshPublicKeys\": [\"" + value("public-keys", i) + "\"], \"userData\": \""
                + Base64.getEncoder().encodeToString(userData(i).getBytes(StandardCharsets.UTF_8)) + "\"}";
    }
}
