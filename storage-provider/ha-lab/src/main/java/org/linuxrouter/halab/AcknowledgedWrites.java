package org.linuxrouter.halab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An NFS client writing numbered files through one file handle obtained before the failover, recording for each
 * file whether the server acknowledged it as committed ({@code FILE_SYNC}) and when.
 *
 * <p>Reusing the pre-failover handle is deliberate: it is what a CloudStack host's mount does, and it only works
 * after a takeover if both nodes export the file system with the same {@code fsid}.
 */
public final class AcknowledgedWrites implements Runnable {

    /** One attempted file: its name, content, and the instant the server acknowledged it (null: it did not). */
    public record Attempt(String name, byte[] content, Instant started, Instant acknowledged, String error) {

        public boolean isAcknowledged() {
            return acknowledged != null;
        }
    }

    private final Nfs3Client client;
    private final byte[] directory;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    public AcknowledgedWrites(Nfs3Client client, byte[] directory) {
        this.client = client;
        this.directory = directory;
    }

    @Override
    public void run() {
        for (int index = 1; !stop.get(); index++) {
            String name = String.format("file-%05d", index);
            byte[] content = content(name);
            Instant started = Instant.now();
            try {
                boolean committed = client.writeFile(directory, name, content);
                attempts.add(new Attempt(name, content, started, committed ? Instant.now() : null,
                        committed ? null : "written but not committed to stable storage"));
            } catch (IOException e) {
                attempts.add(new Attempt(name, content, started, null, e.toString()));
                pause(Duration.ofMillis(200));
            }
        }
    }

    public void stop() {
        stop.set(true);
    }

    public List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    public long acknowledgedCount() {
        return attempts.stream().filter(Attempt::isAcknowledged).count();
    }

    /** Acknowledged writes that started after {@code instant}. */
    public long acknowledgedSince(Instant instant) {
        return attempts.stream().filter(a -> a.isAcknowledged() && a.started().isAfter(instant)).count();
    }

    private static byte[] content(String name) {
        StringBuilder text = new StringBuilder(name).append('\n');
        while (text.length() < 4096) {
            text.append(name).append(" acknowledged writes must survive the failover\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
