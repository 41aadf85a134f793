package org.linuxrouter.daemon.services.vrrp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Without preemption, a running master must outrank a returning router: keepalived's {@code track_file} (see
 * {@link KeepalivedConf}) adds {@link KeepalivedConf#STICKY_WEIGHT} to this router's priority while the file holds
 * 1. VRRP alone cannot keep mastership where it is: a returning router that hears no advertisement within its
 * master-down timer (a CPU busy starting a JVM, an interface slow to pass traffic) becomes master, and the running
 * master yields to it if its priority is higher, an unasked-for failback (docs/performance.md).
 *
 * <p>The file says 1 only once this router has been MASTER without interruption for {@link #after}: a returning
 * router's momentary MASTER (deaf, until it hears the running master's advertisement) never raises it, so it
 * yields as soon as it hears. Any other state, and every fresh start of keepalived, writes 0 at once.
 */
final class StickyMaster {

    private static final Logger LOG = System.getLogger(StickyMaster.class.getName());

    private final Path file;
    private final Duration after;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private long generation;     // guarded by lock: a state change makes a planned raise stale
    private boolean planned;     // guarded by lock
    private boolean sticky;      // guarded by lock

    StickyMaster(Path file, Duration after, ScheduledExecutorService timer) {
        this.file = Objects.requireNonNull(file, "file");
        this.after = Objects.requireNonNull(after, "after");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * How long a master must hold mastership before it is sticky: ten advertisement intervals, at least 3 s. A
     * returning router is master only until it hears the running master, normally one interval; 3 s covers the
     * start-up stalls seen in the UML pair lab (2 s deaf while a JVM started on the guest's one CPU).
     */
    static Duration stableAfter(Duration advertInterval) {
        Duration adverts = advertInterval.multipliedBy(10);
        Duration floor = Duration.ofSeconds(3);
        return adverts.compareTo(floor) > 0 ? adverts : floor;
    }

    /** Not sticky: writes 0 (before keepalived starts, so a restarted keepalived starts at its own priority). */
    void reset() {
        synchronized (lock) {
            generation++;
            planned = false;
            sticky = false;
            write(0);
        }
    }

    /** keepalived reported {@code state}: MASTER plans the raise, anything else drops it. */
    void onState(VrrpState state) {
        if (state != VrrpState.MASTER) {
            boolean was;
            synchronized (lock) {
                was = sticky;
            }
            reset();
            if (was) {
                LOG.log(Level.INFO, "VRRP: {0}, no longer a sticky master", state);
            }
            return;
        }
        long planFor;
        synchronized (lock) {
            if (planned || sticky) {
                return; // a reload repeats MASTER: the running plan stands
            }
            planned = true;
            planFor = generation;
        }
        timer.schedule(() -> raise(planFor), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean sticky() {
        synchronized (lock) {
            return sticky;
        }
    }

    private void raise(long planFor) {
        synchronized (lock) {
            if (generation != planFor || !planned) {
                return; // left MASTER (or keepalived restarted) meanwhile
            }
            planned = false;
            sticky = true;
            write(1);
        }
        LOG.log(Level.INFO, "VRRP: master for " + after.toMillis() + " ms: sticky, priority raised by "
                + KeepalivedConf.STICKY_WEIGHT);
    }

    /** Temp + rename, so keepalived never reads a half-written file (it watches the directory with inotify). */
    private void write(int value) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, value + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("sticky-master file " + file + ": " + e.getMessage(), e);
        }
    }
}
