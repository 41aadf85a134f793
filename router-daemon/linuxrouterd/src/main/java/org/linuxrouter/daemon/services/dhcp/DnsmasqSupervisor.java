package org.linuxrouter.daemon.services.dhcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one dnsmasq in the foreground ({@code --keep-in-foreground}, so the daemon is its parent and learns at
 * once when it dies) and keeps it running: a process that exits unasked is started again after a backoff of
 * 0.1 s doubling to 10 s, reset once it has run for a minute. Started with an argv list, never a shell; the only
 * argument is the path of the rendered main file. Its log lines go to the daemon's log.
 */
public final class DnsmasqSupervisor implements AutoCloseable {
    private static final Logger LOG = System.getLogger(DnsmasqSupervisor.class.getName());
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration STABLE = Duration.ofMinutes(1);
    /** How long a fresh process is watched for an immediate exit (a refused configuration). */
    private static final Duration STARTUP_CHECK = Duration.ofMillis(150);

    private final List<String> command;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dnsmasq-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final Deque<String> tail = new ArrayDeque<>();

    private Process process;          // guarded by this
    private boolean wanted;           // guarded by this: should a dnsmasq run
    private boolean closed;           // guarded by this
    private long startedAt;           // guarded by this: System.nanoTime()
    private Duration backoff = Duration.ZERO; // guarded by this
    private long starts;
    private long crashes;
    private long reloads;
    private String lastExit;

    /**
     * @param launcher argv put before dnsmasq's, e.g. {@code ip netns exec NS} (which execs it, keeping the pid) for
     *     tests that run the router in a namespace; empty in production
     * @param binary dnsmasq, e.g. {@code /usr/sbin/dnsmasq}
     */
    public DnsmasqSupervisor(List<String> launcher, Path binary, Path mainFile) {
        List<String> argv = new java.util.ArrayList<>(launcher);
        argv.add(binary.toString());
        argv.add("--conf-file=" + mainFile);
        this.command = List.copyOf(argv);
    }

    /** Starts dnsmasq, or restarts it to read a changed main file. Throws if it refuses to start. */
    public synchronized void restart() {
        wanted = true;
        stopProcess();
        startProcess();
        awaitStartup();
    }

    /** SIGHUP: re-read the watched directories and the servers file. Starts it if it is not running. */
    public synchronized void reload() {
        if (process == null || !process.isAlive()) {
            restart();
            return;
        }
        Signals.send(process.pid(), Signals.SIGHUP);
        reloads++;
    }

    /** Stops dnsmasq: no network needs it any more. */
    public synchronized void stop() {
        wanted = false;
        stopProcess();
    }

    public synchronized DnsmasqStatus status() {
        boolean alive = process != null && process.isAlive();
        DnsmasqStatus.State state = alive ? DnsmasqStatus.State.RUNNING
                : wanted ? DnsmasqStatus.State.RESTARTING : DnsmasqStatus.State.IDLE;
        return new DnsmasqStatus(state, alive ? OptionalLong.of(process.pid()) : OptionalLong.empty(), starts, crashes,
                reloads, Optional.ofNullable(lastExit));
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
        restarts.shutdownNow();
    }

    private void startProcess() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            process = builder.start();
        } catch (IOException e) {
            lastExit = "cannot start " + command.get(0) + ": " + e.getMessage();
            throw new UncheckedIOException(lastExit, e);
        }
        starts++;
        startedAt = System.nanoTime();
        Process started = process;
        Thread logs = new Thread(() -> forwardLog(started), "dnsmasq-log");
        logs.setDaemon(true);
        logs.start();
        started.onExit().thenRun(() -> exited(started));
    }

    private void awaitStartup() {
        try {
            if (process.waitFor(STARTUP_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("dnsmasq exited at start with status " + process.exitValue() + ": "
                        + lastLines());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopProcess() {
        Process old = process;
        process = null;
        if (old == null || !old.isAlive()) {
            return;
        }
        old.destroy();
        try {
            if (!old.waitFor(2, TimeUnit.SECONDS)) {
                old.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A process that ended while it was still wanted died: count it and schedule a start after the backoff. */
    private synchronized void exited(Process which) {
        if (which != process) {
            return; // stopped on purpose (restart or stop)
        }
        process = null;
        crashes++;
        lastExit = "exited with status " + which.exitValue() + ": " + lastLines();
        if (!wanted || closed) {
            return;
        }
        boolean stable = System.nanoTime() - startedAt > STABLE.toNanos();
        backoff = stable || backoff.isZero() ? MIN_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
        LOG.log(Level.WARNING, "dnsmasq " + lastExit + "; starting it again in " + backoff.toMillis() + " ms");
        restarts.schedule(this::restartAfterCrash, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restartAfterCrash() {
        if (!wanted || closed || (process != null && process.isAlive())) {
            return;
        }
        try {
            startProcess();
        } catch (UncheckedIOException e) {
            LOG.log(Level.ERROR, e.getMessage());
        }
    }

    private void forwardLog(Process from) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(from.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 5) {
                        tail.removeFirst();
                    }
                }
                LOG.log(Level.INFO, "dnsmasq[" + from.pid() + "]: " + line);
            }
        } catch (IOException e) {
            // the process ended; its exit is handled by onExit
        }
    }

    private String lastLines() {
        synchronized (tail) {
            return tail.isEmpty() ? "(no output)" : String.join(" | ", tail);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
