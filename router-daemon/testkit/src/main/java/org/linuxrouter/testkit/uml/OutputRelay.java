package org.linuxrouter.testkit.uml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads UML's console pipe on a thread of its own, echoes each line to our stdout with a prefix and keeps it.
 *
 * <p>UML gets pipes of its own rather than our stdout because it leaves {@code O_NONBLOCK|O_ASYNC} on the
 * descriptors it is given (trap 5). A stray {@code \r} before the newline (the console's onlcr, trap 6) is dropped.
 */
final class OutputRelay {

    /** Marks the end of the kernel's boot: the guest init's first line. */
    static final String INIT_STARTED = "lrlab: init started";
    /** A runaway guest must not exhaust our heap; the oldest lines go first. */
    private static final int MAX_LINES = 100_000;

    private final String prefix;
    private final PrintStream echo;
    private final long startNanos;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread thread;
    private long initStartedNanos = -1;

    private OutputRelay(InputStream console, String prefix, PrintStream echo, long startNanos) {
        this.prefix = prefix;
        this.echo = echo;
        this.startNanos = startNanos;
        this.thread = new Thread(() -> pump(console), "uml-relay " + prefix.strip());
        this.thread.setDaemon(true);
    }

    static OutputRelay start(InputStream console, String prefix, PrintStream echo, long startNanos) {
        OutputRelay relay = new OutputRelay(console, prefix, echo, startNanos);
        relay.thread.start();
        return relay;
    }

    /** Waits up to {@code grace} for the end of the pipe; returns whether it ended. */
    boolean awaitEnd(Duration grace) throws InterruptedException {
        thread.join(Math.max(1, grace.toMillis()));
        return !thread.isAlive();
    }

    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    synchronized List<String> tail(int count) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** Time from start to the guest init's first line, if it got that far. */
    synchronized Optional<Duration> bootTime() {
        return initStartedNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(initStartedNanos - startNanos));
    }

    static String clean(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private void pump(InputStream console) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(console, StandardCharsets.UTF_8))) {
            String raw;
            while ((raw = reader.readLine()) != null) {
                keep(clean(raw));
            }
        } catch (IOException e) {
            keep("(relay stopped: " + e.getMessage() + ")");
        }
    }

    private synchronized void keep(String line) {
        if (initStartedNanos < 0 && line.equals(INIT_STARTED)) {
            initStartedNanos = System.nanoTime();
        }
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
        echo.println(prefix + line);
    }
}
