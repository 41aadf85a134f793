package org.linuxrouter.daemon.services.vrrp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One keepalived (VRRP only) for this daemon, in files under its own directory: {@code keepalived.conf}, the pid
 * files and the notify FIFO. A configuration is installed only after {@code keepalived -t} accepted it, then
 * loaded by SIGHUP, which keeps the current VRRP state (a master stays master). keepalived runs in the foreground
 * as the daemon's child and is started again when it dies. One that outlived a killed daemon is adopted (it still
 * holds mastership) rather than replaced. Programs are started with argument vectors, never through a shell.
 */
public final class Keepalived implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Keepalived.class.getName());
    private static final long RESTART_DELAY_MS = 500;
    private static final int MAX_CHECK_OUTPUT = 2000;
    static final String NOTIFY_FIFO = "notify.fifo";

    private final Path program;
    private final Path dir;
    private final Runnable beforeStart;
    private final AtomicLong restarts = new AtomicLong();
    private final Object lock = new Object();
    private ProcessHandle running;     // guarded by lock
    private boolean closed;            // guarded by lock
    private Thread supervisor;

    public Keepalived(Path program, Path dir) {
        this(program, dir, () -> { });
    }

    /**
     * @param beforeStart runs before every fresh start of keepalived (not before adopting a running one): a
     *     keepalived that starts is a returning router, whatever the daemon last told the one before it
     */
    public Keepalived(Path program, Path dir, Runnable beforeStart) {
        this.program = program;
        this.dir = dir;
        this.beforeStart = beforeStart;
    }

    public Path configFile() {
        return dir.resolve("keepalived.conf");
    }

    public Path notifyFifo() {
        return dir.resolve(NOTIFY_FIFO);
    }

    private Path pidFile() {
        return dir.resolve("keepalived.pid");
    }

    private Path vrrpPidFile() {
        return dir.resolve("vrrp.pid");
    }

    /** Creates the directory and the FIFO (keepalived would create it too, but the reader opens it first). */
    public void prepare() {
        try {
            Files.createDirectories(dir);
            if (!Files.exists(notifyFifo())) {
                run(List.of("mkfifo", "-m", "0600", notifyFifo().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("vrrp directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code keepalived -t}: empty when keepalived accepts {@code text}, else what it said. Changes nothing. */
    public Optional<String> check(String text) {
        Path candidate = dir.resolve("keepalived.conf.check");
        try {
            Files.writeString(candidate, text, StandardCharsets.UTF_8);
            Result r = run(List.of(program.toString(), "--config-test", "--use-file", candidate.toString()));
            if (r.exitCode() == 0) {
                return Optional.empty();
            }
            String said = r.output().strip();
            return Optional.of("keepalived -t exit " + r.exitCode() + ": "
                    + (said.length() > MAX_CHECK_OUTPUT ? said.substring(0, MAX_CHECK_OUTPUT) : said));
        } catch (IOException e) {
            return Optional.of("keepalived -t: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(candidate);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot delete " + candidate, e);
            }
        }
    }

    /**
     * Checks {@code text}, writes it (temp + rename) and makes keepalived use it: SIGHUP when it runs, a start
     * otherwise. Returns why it did not, if keepalived refused the configuration; then nothing changed.
     */
    public Optional<String> install(String text) {
        Optional<String> refused = check(text);
        if (refused.isPresent()) {
            return refused;
        }
        try {
            Path tmp = dir.resolve("keepalived.conf.tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, configFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return Optional.of("writing " + configFile() + ": " + e.getMessage());
        }
        synchronized (lock) {
            if (closed) {
                return Optional.empty();
            }
            if (running != null && running.isAlive()) {
                signal(running, "HUP");
            } else if (supervisor == null) {
                adoptOrStart();
                supervisor = new Thread(this::supervise, "keepalived-supervisor");
                supervisor.setDaemon(true);
                supervisor.start();
            }
        }
        return Optional.empty();
    }

    public long restarts() {
        return restarts.get();
    }

    /** The running keepalived's pid, if any (for tests and logs). */
    public Optional<Long> pid() {
        synchronized (lock) {
            return running != null && running.isAlive() ? Optional.of(running.pid()) : Optional.empty();
        }
    }

    /**
     * Stops keepalived with SIGTERM: it sends a priority-0 advertisement (the peer takes over at once) and removes
     * the gateway addresses.
     */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle p;
        Thread s;
        synchronized (lock) {
            closed = true;
            p = running;
            s = supervisor;
            lock.notifyAll();
        }
        if (p != null && p.isAlive()) {
            signal(p, "TERM");
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        if (s != null) {
            s.join(5_000);
        }
    }

    private void supervise() {
        while (true) {
            ProcessHandle p;
            synchronized (lock) {
                p = running;
            }
            p.onExit().join();
            synchronized (lock) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "keepalived (pid {0}) exited; starting it again", p.pid());
                try {
                    lock.wait(RESTART_DELAY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (closed) {
                    return;
                }
                restarts.incrementAndGet();
                try {
                    adoptOrStart();
                } catch (UncheckedIOException e) {
                    LOG.log(Level.ERROR, e.getMessage(), e); // running is still the dead one: tried again
                }
            }
        }
    }

    /** Called with the lock held. */
    private void adoptOrStart() {
        Optional<ProcessHandle> orphan = livePid(pidFile()).filter(this::isOurs);
        if (orphan.isPresent()) {
            LOG.log(Level.INFO, "adopting keepalived pid {0} left from a previous run; reloading it", orphan.get().pid());
            running = orphan.get();
            signal(running, "HUP");
            return;
        }
        beforeStart.run();
        try {
            Files.deleteIfExists(pidFile());
            Files.deleteIfExists(vrrpPidFile());
            ProcessBuilder pb = new ProcessBuilder(program.toString(), "--vrrp", "--dont-fork", "--log-console",
                    "--log-detail", "--use-file", configFile().toString(), "--pid", pidFile().toString(),
                    "--vrrp_pid", vrrpPidFile().toString());
            pb.redirectErrorStream(true);
            Process process = pb.start();
            process.getOutputStream().close();
            running = process.toHandle();
            Thread log = new Thread(() -> relay(process), "keepalived-log");
            log.setDaemon(true);
            log.start();
            LOG.log(Level.INFO, "keepalived started, pid {0}", process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + program + ": " + e.getMessage(), e);
        }
    }

    private boolean isOurs(ProcessHandle p) {
        return p.info().arguments().map(args -> List.of(args).contains(configFile().toString())).orElse(false);
    }

    private static Optional<ProcessHandle> livePid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!text.matches("[1-9]\\d{0,9}")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** keepalived's own log lines go to the daemon's log, prefixed. */
    private static void relay(Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                LOG.log(Level.INFO, "keepalived: {0}", line);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "keepalived output closed", e);
        }
    }

    /** The JDK cannot send SIGHUP; {@code kill} (procps) can, with the pid as its only operand. */
    private static void signal(ProcessHandle p, String signal) {
        try {
            Result r = run(List.of("kill", "-" + signal, Long.toString(p.pid())));
            if (r.exitCode() != 0) {
                LOG.log(Level.WARNING, "kill -{0} {1}: {2}", signal, p.pid(), r.output().strip());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "kill -" + signal + " " + p.pid() + ": " + e.getMessage(), e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(p.waitFor(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(argv.get(0) + " interrupted", e);
        }
    }
}
