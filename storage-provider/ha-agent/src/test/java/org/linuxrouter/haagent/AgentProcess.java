package org.linuxrouter.haagent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real agent (Main) as a child JVM inside a network namespace, started and stopped by the test. */
final class AgentProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("listening on .* certificate sha256 (\\S+)");

    private final Process process;
    private final String fingerprint;
    private final List<String> output;

    private AgentProcess(Process process, String fingerprint, List<String> output) {
        this.process = process;
        this.fingerprint = fingerprint;
        this.output = output;
    }

    static AgentProcess start(String netns, Path config) throws IOException, InterruptedException {
        List<String> argv = List.of("ip", "netns", "exec", netns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        List<String> seen = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.offer(line);
                }
            } catch (IOException e) {
                lines.offer("(output closed: " + e + ")");
            }
        }, "agent-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    return new AgentProcess(p, m.group(1), seen);
                }
            } else if (!p.isAlive()) {
                break;
            }
        }
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("agent did not start: " + seen);
    }

    String fingerprint() {
        return fingerprint;
    }

    List<String> output() {
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
