package org.linuxrouter.halab;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server side's availability as a client that reconnects for every call sees it: an NFS NULL on a fresh
 * connection every {@code interval}, each outcome recorded. Fresh connections measure the server, not the client's
 * own TCP retransmission backoff, and the outcomes tell the takeover's steps apart: a timeout while nobody holds the
 * floating IP, "refused" once the survivor holds it but nfsd does not listen yet, an answer once NFS is up.
 */
public final class AvailabilityProbe implements Runnable {

    /** How one probe ended. */
    public enum Outcome { ANSWERED, REFUSED, NO_ROUTE, CONNECT_TIMEOUT, REPLY_TIMEOUT, OTHER_ERROR }

    /** One probe: when it started, how long it took, how it ended. */
    public record Sample(Instant started, Duration took, Outcome outcome, String detail) { }

    private final Nfs3Client client;
    private final Duration interval;
    private final Duration timeout;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    public AvailabilityProbe(Nfs3Client client, Duration interval, Duration timeout) {
        this.client = client;
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        while (!stop.get()) {
            Instant started = Instant.now();
            Outcome outcome;
            String detail = "";
            try {
                client.probe(timeout);
                outcome = Outcome.ANSWERED;
            } catch (NoRouteToHostException e) {
                outcome = Outcome.NO_ROUTE;
            } catch (ConnectException e) {
                outcome = String.valueOf(e.getMessage()).contains("refused") ? Outcome.REFUSED : Outcome.OTHER_ERROR;
                detail = String.valueOf(e.getMessage());
            } catch (SocketTimeoutException e) {
                // "Connect timed out" (no SYN-ACK: nobody holds the address) or "Read timed out" (no RPC reply)
                outcome = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect")
                        ? Outcome.CONNECT_TIMEOUT
                        : Outcome.REPLY_TIMEOUT;
            } catch (IOException e) {
                outcome = Outcome.OTHER_ERROR;
                detail = e.toString();
            }
            Instant ended = Instant.now();
            samples.add(new Sample(started, Duration.between(started, ended), outcome, detail));
            long rest = interval.minus(Duration.between(started, ended)).toMillis();
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        stop.set(true);
    }

    public List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** The first probe started after {@code instant} that ended in {@code outcome}. */
    public Optional<Sample> first(Outcome outcome, Instant after) {
        return samples.stream().filter(s -> s.outcome() == outcome && s.started().isAfter(after)).findFirst();
    }

    /** The instant the first answer after {@code instant} arrived. */
    public Optional<Instant> firstAnswer(Instant after) {
        return first(Outcome.ANSWERED, after).map(s -> s.started().plus(s.took()));
    }

    /**
     * The outcomes after {@code after} as runs ("12.3 s CONNECT_TIMEOUT x40"): offsets from {@code zero}.
     */
    public List<String> runs(Instant zero, Instant after) {
        List<String> runs = new ArrayList<>();
        Sample first = null;
        int count = 0;
        for (Sample s : samples) {
            if (!s.started().isAfter(after)) {
                continue;
            }
            if (first != null && s.outcome() == first.outcome()) {
                count++;
                continue;
            }
            if (first != null) {
                runs.add(Timeline.offset(zero, first.started()) + " " + first.outcome() + " x" + count
                        + (first.detail().isEmpty() ? "" : " (" + first.detail() + ")"));
            }
            first = s;
            count = 1;
        }
        if (first != null) {
            runs.add(Timeline.offset(zero, first.started()) + " " + first.outcome() + " x" + count);
        }
        return runs;
    }
}
