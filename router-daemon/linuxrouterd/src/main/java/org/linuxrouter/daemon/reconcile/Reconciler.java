package org.linuxrouter.daemon.reconcile;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.linuxrouter.daemon.kernel.KernelPort;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.Step;
import org.linuxrouter.daemon.kernel.StepResult;

/**
 * Level-triggered reconciliation, one worker thread. Any trigger (a write, a netlink event, the resync timer, a
 * retry after failure) asks for a pass; requests that arrive while a pass runs merge into the next one. A pass
 * reads the whole desired state and the whole kernel state, diffs them and applies the difference, so the kernel
 * converges whatever happened in between (crash, reboot, hand edits). One global pass rather than a queue per
 * network: a dump of every owned object costs a few milliseconds even at 4,094 networks, and a single pass can
 * order removals before creations across networks (a VLAN moving from one network to another).
 */
public final class Reconciler implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Supplier<DesiredSnapshot> desired;
    private final KernelPort kernel;
    private final HostTuning tuning;
    private final Clock clock;
    private final Duration resync;
    private final List<ServiceStage> stages;
    private final Map<String, NetworkOutcome> outcomes = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Thread worker;

    private long requested;          // guarded by lock: ticket of the newest request
    private long due;                // guarded by lock: System.nanoTime() when a pass asked for "soon" is due, 0 if none
    private long completed;          // guarded by lock: every request up to this ticket has seen a finished pass
    private boolean closed;          // guarded by lock
    private volatile PassReport lastPass;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong failedPasses = new AtomicLong();
    private Duration backoff = Duration.ZERO;

    public Reconciler(Supplier<DesiredSnapshot> desired, KernelPort kernel, HostTuning tuning, Clock clock,
                      Duration resync) {
        this(desired, kernel, tuning, clock, resync, List.of());
    }

    /** @param stages guest services applied after the kernel in every pass, in order */
    public Reconciler(Supplier<DesiredSnapshot> desired, KernelPort kernel, HostTuning tuning, Clock clock,
                      Duration resync, List<ServiceStage> stages) {
        this.stages = List.copyOf(stages);
        this.desired = Objects.requireNonNull(desired, "desired");
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resync = Objects.requireNonNull(resync, "resync");
        this.worker = new Thread(this::run, "reconciler");
        this.worker.setDaemon(true);
    }

    /** Starts the worker; the first pass runs at once (start-up reconcile). */
    public void start() {
        requestPass();
        worker.start();
    }

    /** Asks for a pass and returns a ticket for {@link #await}. Cheap; safe from any thread (e.g. netlink events). */
    public long requestPass() {
        synchronized (lock) {
            requested++;
            lock.notifyAll();
            return requested;
        }
    }

    /**
     * Asks for a pass within {@code delay}, for netlink events: most events echo the daemon's own changes, and a
     * write arriving meanwhile runs a pass at once that serves them too, instead of queueing behind an event's
     * pass. A hand edit is still repaired within the delay.
     */
    public void requestPassWithin(Duration delay) {
        synchronized (lock) {
            long at = System.nanoTime() + delay.toNanos();
            if (due == 0 || at < due) {
                due = at;
                lock.notifyAll();
            }
        }
    }

    /** Waits until a pass that started after {@code ticket} was requested has finished. False on timeout or close. */
    public boolean await(long ticket, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (completed < ticket && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return completed >= ticket;
        }
    }

    /** The outcome of the last pass for a network (revision applied, last error). */
    public NetworkOutcome outcome(String network) {
        return outcomes.getOrDefault(network, NetworkOutcome.NONE);
    }

    public Optional<PassReport> lastPass() {
        return Optional.ofNullable(lastPass);
    }

    /** Passes run since start, for metrics. */
    public long passes() {
        return passes.get();
    }

    /** Passes that had at least one failure, for metrics. */
    public long failedPasses() {
        return failedPasses.get();
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        worker.join(5_000);
    }

    private void run() {
        while (true) {
            long ticket;
            synchronized (lock) {
                long deadline = System.nanoTime() + (backoff.isZero() ? resync : backoff).toNanos();
                while (!closed && requested == completed) {
                    long until = due == 0 ? deadline : Math.min(deadline, due);
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break; // the resync timer, a retry after failure, or an event's pass falling due
                    }
                    waitQuietly(left);
                }
                if (closed) {
                    return;
                }
                due = 0; // this pass sees everything that happened before it, including what was due
                ticket = requested;
            }
            PassReport report = passSafely();
            lastPass = report;
            passes.incrementAndGet();
            if (!report.clean()) {
                failedPasses.incrementAndGet();
            }
            backoff = report.clean() ? Duration.ZERO : nextBackoff();
            synchronized (lock) {
                completed = Math.max(completed, ticket);
                lock.notifyAll();
            }
        }
    }

    private void waitQuietly(long nanos) {
        try {
            lock.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            closed = true;
            Thread.currentThread().interrupt();
        }
    }

    private Duration nextBackoff() {
        Duration next = backoff.isZero() ? MIN_BACKOFF : backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /** A pass never kills the worker: an unexpected failure is reported as a host-wide failure and retried. */
    private PassReport passSafely() {
        Instant started = clock.instant();
        try {
            return pass(started);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "reconcile pass failed: " + e.getMessage(), e);
            return new PassReport(started, Duration.between(started, clock.instant()), 0,
                    Map.of("", List.of(String.valueOf(e.getMessage()))), List.of());
        }
    }

    private PassReport pass(Instant started) {
        DesiredSnapshot snapshot = desired.get();
        KernelState want = snapshot.kernel();
        Map<String, List<String>> failures = new HashMap<>();
        addAll(failures, "", tuning.beforeLinks(snapshot));
        List<Step> steps = Differ.diff(want, snapshot.observedWithoutVirtual(kernel.observe()));
        List<StepResult> results = steps.isEmpty() ? List.of() : kernel.apply(steps);
        for (StepResult r : results) {
            r.failure().ifPresent(f -> failures.computeIfAbsent(r.step().network(), k -> new ArrayList<>())
                    .add(r.step().describe() + ": " + f));
        }
        Set<String> created = new HashSet<>();
        for (StepResult r : results) {
            if (r.succeeded() && r.step() instanceof Step.CreateLink c) {
                created.add(c.link().name());
            }
        }
        addAll(failures, "", tuning.afterLinks(snapshot, created));
        for (ServiceStage stage : stages) {
            try {
                stage.apply(snapshot).forEach((network, problems) -> addAll(failures, network, problems));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "service stage " + stage.getClass().getSimpleName() + " failed", e);
                addAll(failures, "", List.of(stage.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        List<String> drifted = recordOutcomes(snapshot, steps, failures);
        Duration took = Duration.between(started, clock.instant());
        if (!steps.isEmpty() || !failures.isEmpty()) {
            LOG.log(Level.INFO, "reconcile: {0} steps in {1} ms, {2} networks failing",
                    steps.size(), took.toMillis(), failures.size());
        }
        return new PassReport(started, took, steps.size() - countFailed(results), failures, drifted);
    }

    /** Sets each network's applied revision; returns the networks that had drifted from an applied revision. */
    private List<String> recordOutcomes(DesiredSnapshot snapshot, List<Step> steps, Map<String, List<String>> failures) {
        List<String> drifted = new ArrayList<>();
        for (Step s : steps) {
            String network = s.network();
            long revision = snapshot.revisions().getOrDefault(network, 0L);
            if (revision > 0 && outcome(network).appliedRevision() == revision && !drifted.contains(network)) {
                drifted.add(network);
            }
        }
        outcomes.keySet().retainAll(snapshot.revisions().keySet());
        for (Map.Entry<String, Long> e : snapshot.revisions().entrySet()) {
            List<String> problems = new ArrayList<>(failures.getOrDefault(e.getKey(), List.of()));
            problems.addAll(failures.getOrDefault("", List.of()));
            NetworkOutcome previous = outcome(e.getKey());
            outcomes.put(e.getKey(), problems.isEmpty()
                    ? new NetworkOutcome(e.getValue(), Optional.empty())
                    : new NetworkOutcome(previous.appliedRevision(), Optional.of(String.join("; ", problems))));
        }
        return drifted;
    }

    private static void addAll(Map<String, List<String>> failures, String network, List<String> problems) {
        if (!problems.isEmpty()) {
            failures.computeIfAbsent(network, k -> new ArrayList<>()).addAll(problems);
        }
    }

    private static int countFailed(List<StepResult> results) {
        return (int) results.stream().filter(r -> !r.succeeded()).count();
    }
}
