package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file keepalived's track_file reads: 1 only after an uninterrupted spell as MASTER, 0 at once otherwise. */
class StickyMasterTest {

    private static final Duration AFTER = Duration.ofMillis(1_000);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void raisedOnlyAfterAnUninterruptedSpellAsMaster(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sticky");
        StickyMaster sticky = new StickyMaster(file, AFTER, timer);
        sticky.reset();
        assertEquals("0", read(file), "a fresh start is not sticky");

        // A momentary MASTER (a returning router until it hears the running one): never raised.
        sticky.onState(VrrpState.MASTER);
        Thread.sleep(AFTER.toMillis() / 3);
        sticky.onState(VrrpState.BACKUP);
        Thread.sleep(AFTER.toMillis() * 2);
        assertEquals("0", read(file));
        assertFalse(sticky.sticky());

        // MASTER again: raised after the spell, and a repeated MASTER line (a reload) does not restart it.
        long t0 = System.nanoTime();
        sticky.onState(VrrpState.MASTER);
        Thread.sleep(AFTER.toMillis() / 2);
        sticky.onState(VrrpState.MASTER);
        while (!sticky.sticky() && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(10);
        }
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(sticky.sticky(), "raised");
        assertEquals("1", read(file));
        assertTrue(tookMs >= AFTER.toMillis() && tookMs < AFTER.toMillis() * 14 / 10,
                "raised " + tookMs + " ms after the first MASTER, not after the repeat");

        // Any other state drops it at once, and so does a fresh keepalived start.
        sticky.onState(VrrpState.FAULT);
        assertEquals("0", read(file));
        assertFalse(sticky.sticky());
        sticky.onState(VrrpState.MASTER);
        sticky.reset(); // keepalived restarted before the spell ended: the planned raise is stale
        Thread.sleep(AFTER.toMillis() * 2);
        assertEquals("0", read(file));
        assertFalse(sticky.sticky());
    }

    @Test
    void theSpellIsTenAdvertisementsAndAtLeastThreeSeconds() {
        assertEquals(Duration.ofSeconds(3), StickyMaster.stableAfter(Duration.ofMillis(200)));
        assertEquals(Duration.ofSeconds(10), StickyMaster.stableAfter(Duration.ofSeconds(1)));
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file).strip();
    }
}
