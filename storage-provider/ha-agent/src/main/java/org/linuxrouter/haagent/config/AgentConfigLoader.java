package org.linuxrouter.haagent.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.haagent.config.AgentConfig.ClusterSource;
import org.linuxrouter.haagent.config.AgentConfig.DrbdSource;
import org.linuxrouter.haagent.config.AgentConfig.HostPort;
import org.linuxrouter.haagent.config.AgentConfig.TimeSource;

/**
 * Reads {@code ha-agent.conf}: {@code key = value} lines, blank lines and {@code #} comments, like
 * linuxrouterd.conf. Strict: an unknown key, a repeated key or a bad value is an error naming the line and key;
 * all problems are reported together, and nothing starts with a half-valid configuration.
 */
public final class AgentConfigLoader {
    public static final Path DEFAULT_PATH = Path.of("/etc/linuxrouter/ha-agent.conf");
    /** The programs the agent may run and where Debian 12 installs them. */
    static final Map<String, Path> DEFAULT_TOOLS = defaultTools();

    private static final Pattern DURATION = Pattern.compile("([1-9]\\d{0,4})(ms|s)");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._-]{0,100}");

    private AgentConfigLoader() {
    }

    private static Map<String, Path> defaultTools() {
        Map<String, Path> t = new LinkedHashMap<>();
        t.put("drbdsetup", Path.of("/usr/sbin/drbdsetup"));
        t.put("ip", Path.of("/usr/sbin/ip"));
        t.put("findmnt", Path.of("/usr/bin/findmnt"));
        t.put("exportfs", Path.of("/usr/sbin/exportfs"));
        t.put("timedatectl", Path.of("/usr/bin/timedatectl"));
        t.put("chronyc", Path.of("/usr/bin/chronyc"));
        t.put("crm_mon", Path.of("/usr/sbin/crm_mon"));
        t.put("cl_status", Path.of("/usr/bin/cl_status"));
        t.put("systemctl", Path.of("/usr/bin/systemctl"));
        return Map.copyOf(t);
    }

    public static AgentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(file.toString(), text, defaultHostname());
    }

    /** {@code hostname} is the default node name (the kernel's, when loading a file). */
    public static AgentConfig parse(String source, String text, String hostname) {
        Draft d = new Draft(hostname);
        Map<String, BiConsumer<Draft, String>> keys = keys();
        Map<String, Integer> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            String at = "line " + (i + 1) + ": " + key + ": ";
            if (eq < 0) {
                problems.add("line " + (i + 1) + ": expected key = value, got a line without =");
            } else if (!keys.containsKey(key)) {
                problems.add(at + "unknown key; expected one of " + keys.keySet());
            } else if (seen.putIfAbsent(key, i + 1) != null) {
                problems.add(at + "given twice (first on line " + seen.get(key) + ")");
            } else {
                try {
                    keys.get(key).accept(d, line.substring(eq + 1).strip());
                } catch (IllegalArgumentException e) {
                    problems.add(at + e.getMessage());
                }
            }
        }
        d.crossChecks(problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return d.build();
    }

    private static Map<String, BiConsumer<Draft, String>> keys() {
        Map<String, BiConsumer<Draft, String>> k = new LinkedHashMap<>();
        k.put("role", (d, v) -> d.role = oneOf(v, AgentReport.Role.class, "storage|management"));
        k.put("node_name", (d, v) -> d.nodeName = host(v));
        k.put("listen", (d, v) -> d.listen = listen(v));
        k.put("tls", (d, v) -> d.tls = onOff(v));
        k.put("key_store", (d, v) -> d.keyStore = absolutePath(v));
        k.put("secret_file", (d, v) -> d.secretFile = absolutePath(v));
        k.put("mount_point", (d, v) -> d.mountPoint = Optional.of(absolutePath(v).toString()));
        k.put("drbd", (d, v) -> d.drbd = drbd(v));
        k.put("proc_drbd", (d, v) -> d.procDrbd = absolutePath(v));
        k.put("nfsd_threads", (d, v) -> d.nfsdThreads = absolutePath(v));
        k.put("cluster", (d, v) -> d.cluster = oneOf(v, ClusterSource.class, "none|heartbeat|pacemaker"));
        k.put("time", (d, v) -> d.time = oneOf(v, TimeSource.class, "both|chrony|timedatectl|none"));
        k.put("database_unit", (d, v) -> d.databaseUnit = unit(v));
        k.put("check_ports", (d, v) -> d.checkPorts = Optional.of(hostPorts(v)));
        k.put("command_timeout", (d, v) -> d.commandTimeout = duration(v));
        for (String tool : DEFAULT_TOOLS.keySet()) {
            k.put(tool + "_path", (d, v) -> d.tools.put(tool, absolutePath(v)));
        }
        return k;
    }

    static <E extends Enum<E>> E oneOf(String v, Class<E> type, String expected) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + expected + ", got \"" + v + "\"");
        }
    }

    static DrbdSource drbd(String v) {
        switch (v) {
            case "proc+events2":
                return DrbdSource.PROC_EVENTS2;
            case "proc":
            case "events2":
            case "json":
            case "none":
                return DrbdSource.valueOf(v.toUpperCase(Locale.ROOT));
            default:
                throw new IllegalArgumentException("expected proc+events2|proc|events2|json|none, got \"" + v + "\"");
        }
    }

    static String host(String v) {
        if (!HOST.matcher(v).matches()) {
            throw new IllegalArgumentException("expected a host name of [A-Za-z0-9._-], got \"" + v + "\"");
        }
        return v;
    }

    static String unit(String v) {
        if (!UNIT.matcher(v).matches()) {
            throw new IllegalArgumentException("expected a systemd unit name, got \"" + v + "\"");
        }
        return v;
    }

    static boolean onOff(String v) {
        if (!v.equals("on") && !v.equals("off")) {
            throw new IllegalArgumentException("expected on or off, got \"" + v + "\"");
        }
        return v.equals("on");
    }

    static Path absolutePath(String v) {
        try {
            Path p = Path.of(v);
            if (p.isAbsolute() && p.normalize().toString().equals(v)) {
                return p;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected an absolute path without . or .. segments, got \"" + v + "\"");
    }

    static Duration duration(String v) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms or 5s, got \"" + v + "\"");
        }
        Duration d = m.group(2).equals("ms") ? Duration.ofMillis(Long.parseLong(m.group(1)))
                : Duration.ofSeconds(Long.parseLong(m.group(1)));
        if (d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("expected 100ms..60s, got \"" + v + "\"");
        }
        return d;
    }

    /** {@code 10.0.0.1:8443}, {@code [2001:db8::1]:8443}; the address must be a literal (no DNS at start-up). */
    static InetSocketAddress listen(String v) {
        HostPort hp = hostPort(v);
        if (!hp.host().matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("expected an IP address and port, got \"" + v + "\"");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(hp.host()), hp.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("expected an IP address and port, got \"" + v + "\"");
        }
    }

    static HostPort hostPort(String v) {
        Matcher m = Pattern.compile("\\[([0-9A-Fa-f:.]+)]:(\\d{1,5})|([A-Za-z0-9._-]+):(\\d{1,5})").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected host:port or [v6]:port, got \"" + v + "\"");
        }
        String host = m.group(1) != null ? m.group(1) : m.group(3);
        int port = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("expected a port 0..65535, got " + port);
        }
        return new HostPort(host, port);
    }

    static List<HostPort> hostPorts(String v) {
        List<HostPort> out = new ArrayList<>();
        if (v.equals("none")) {
            return out;
        }
        for (String part : v.split(",")) {
            HostPort hp = hostPort(part.strip());
            if (hp.port() == 0) {
                throw new IllegalArgumentException("expected ports 1..65535, got 0 in \"" + part.strip() + "\"");
            }
            out.add(hp);
        }
        return out;
    }

    private static String defaultHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Values as they are being read; defaults filled in. */
    private static final class Draft {
        AgentReport.Role role;
        String nodeName;
        InetSocketAddress listen = new InetSocketAddress(8444); // all addresses: the management servers poll it
        boolean tls = true;
        Path keyStore = Path.of("/etc/linuxrouter/ha-agent.p12");
        Path secretFile = Path.of("/etc/linuxrouter/ha-agent.secret");
        Optional<String> mountPoint = Optional.empty();
        DrbdSource drbd = DrbdSource.PROC_EVENTS2;
        Path procDrbd = Path.of("/proc/drbd");
        Path nfsdThreads = Path.of("/proc/fs/nfsd/threads");
        ClusterSource cluster = ClusterSource.NONE;
        TimeSource time = TimeSource.BOTH;
        String databaseUnit = "mariadb";
        Optional<List<HostPort>> checkPorts = Optional.empty();
        Duration commandTimeout = Duration.ofSeconds(5);
        Map<String, Path> tools = new HashMap<>(DEFAULT_TOOLS);

        Draft(String hostname) {
            this.nodeName = hostname;
        }

        void crossChecks(List<String> problems) {
            if (role == null) {
                problems.add("role: required; expected storage|management");
            }
            if (!tls && !listen.getAddress().isLoopbackAddress()) {
                problems.add("tls: off is allowed only with a loopback listen address, got listen = " + listen);
            }
            if (!HOST.matcher(nodeName).matches()) {
                problems.add("node_name: the host name \"" + nodeName + "\" is not usable; set node_name");
            }
        }

        AgentConfig build() {
            List<HostPort> ports = checkPorts.orElse(role == AgentReport.Role.MANAGEMENT
                    ? List.of(new HostPort("127.0.0.1", 8080), new HostPort("127.0.0.1", 8250)) : List.of());
            return new AgentConfig(role, nodeName, listen, tls, keyStore, secretFile, mountPoint, drbd, procDrbd,
                    nfsdThreads, cluster, time, databaseUnit, ports, commandTimeout, tools);
        }
    }
}
