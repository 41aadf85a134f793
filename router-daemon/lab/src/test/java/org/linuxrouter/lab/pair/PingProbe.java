package org.linuxrouter.lab.pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.Command;

/**
 * iputils ping every 20 ms from one namespace ({@code -D}: each reply stamped with the wall clock when it came;
 * {@code -O}: each unanswered sequence number reported), its output in a file. ping buffers its output when it is
 * not a terminal, so the file is read only after {@link #stop()} (SIGINT: ping flushes and exits).
 */
final class PingProbe implements AutoCloseable {

    static final long INTERVAL_MS = 20;

    private static final Pattern REPLY = Pattern.compile(
            "^\\[(\\d+\\.\\d+)\\] \\d+ bytes from [^:]+: icmp_seq=(\\d+) ttl=(\\d+) time=[0-9.]+ ms( \\(DUP!\\))?$");
    private static final Pattern UNANSWERED = Pattern.compile("^\\[(\\d+\\.\\d+)\\] no answer yet for icmp_seq=(\\d+)$");
    /** ICMP errors instead of a reply: "From 198.51.100.129 icmp_seq=7 Time to live exceeded" and the like. */
    private static final Pattern ERROR = Pattern.compile("^(\\[[0-9.]+\\] )?From \\S+ icmp_seq=(\\d+) (.*)$");

    private final String name;
    private final Path output;
    private final Process process;

    private PingProbe(String name, Path output, Process process) {
        this.name = name;
        this.output = output;
        this.process = process;
    }

    /** Starts pinging {@code target} from {@code from}; {@code name} labels the results ("vm1->upstream"). */
    static PingProbe start(String name, Netns from, String target, Path dir) {
        Path output = dir.resolve("ping-" + name.replaceAll("[^A-Za-z0-9]+", "_") + ".txt");
        List<String> argv = List.of("ip", "netns", "exec", from.name(), "ping", "-n", "-D", "-O",
                "-i", "0.02", "-W", "1", target);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new PingProbe(name, output, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    /** SIGINT (ping flushes its buffered lines and exits), then parses everything it printed. */
    ProbeResult stop() throws InterruptedException {
        if (process.isAlive()) {
            // ip netns exec execs ping, so this pid is ping itself
            Command.run(List.of("kill", "-INT", Long.toString(process.pid())));
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        try {
            return parse(name, Files.readAllLines(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output, e);
        }
    }

    static ProbeResult parse(String name, List<String> lines) {
        List<ProbeResult.Reply> replies = new ArrayList<>();
        TreeSet<Long> sent = new TreeSet<>();
        List<String> loops = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int duplicates = 0;
        TreeSet<Integer> ttls = new TreeSet<>();
        for (String line : lines) {
            Matcher m = REPLY.matcher(line);
            if (m.matches()) {
                long seq = Long.parseLong(m.group(2));
                sent.add(seq);
                ttls.add(Integer.parseInt(m.group(3)));
                if (m.group(4) != null) {
                    duplicates++;
                } else {
                    replies.add(new ProbeResult.Reply(seq, epochMillis(m.group(1))));
                }
                continue;
            }
            Matcher u = UNANSWERED.matcher(line);
            if (u.matches()) {
                sent.add(Long.parseLong(u.group(2)));
                continue;
            }
            Matcher e = ERROR.matcher(line);
            if (e.matches()) {
                // "Time to live exceeded" means a packet went round between routers; anything else (e.g. the
                // VM's own "Destination Host Unreachable" while its ARP for the gateway is unanswered) is outage
                (e.group(3).contains("Time to live exceeded") ? loops : notes).add(line);
            }
        }
        return new ProbeResult(name, replies, sent.size(), duplicates, ttls, loops,
                notes.isEmpty() ? List.of() : List.of(notes.size() + " ICMP errors, first: " + notes.get(0)));
    }

    private static long epochMillis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
