package org.linuxrouter.lab.pair;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.rtnetlink.internal.Netns;

/**
 * A VM asking the metadata server on its gateway for its instance-id every 20 ms, each request a new TCP
 * connection (as cloud-init's are), from a thread that entered the VM's network namespace. An attempt counts as
 * answered when the reply is {@code 200} with the expected body; it is stamped with the wall clock when it began.
 */
final class HttpProbe implements AutoCloseable {

    /** A SYN-ACK comes from the kernel within milliseconds; none within this means the gateway is not there. */
    private static final int CONNECT_TIMEOUT_MS = 200;
    /** Attempts in flight at once at most; each worker takes every WORKERS-th 20 ms slot. */
    private static final int WORKERS = 8;
    /**
     * A slow answer is not a lost one: in the one-CPU guest a daemon can take a second or more to answer while the
     * other router's JVM starts, which two real routers never share.
     */
    private static final int READ_TIMEOUT_MS = 5000;

    private final String name;
    private final String request;
    private final String expectedBody;
    private final InetSocketAddress server;
    private final List<ProbeResult.Reply> replies = new ArrayList<>(); // guarded by this
    private final List<String> errors = new ArrayList<>();             // guarded by this: distinct failure kinds
    private long sent;                                                  // guarded by this
    private volatile boolean stopped;
    private final Thread runner;

    private HttpProbe(String name, String vmNetns, String gateway, String path, String expectedBody) {
        this.name = name;
        this.server = new InetSocketAddress(gateway, 80);
        this.request = "GET " + path + " HTTP/1.1\r\nHost: " + gateway + "\r\nConnection: close\r\n\r\n";
        this.expectedBody = expectedBody;
        this.runner = new Thread(() -> Netns.callIn(LibC.system(), Path.of("/run/netns", vmNetns), () -> {
            loop();
            return null;
        }), "http-probe-" + name);
        this.runner.setDaemon(true);
    }

    static HttpProbe start(String name, String vmNetns, String gateway, String path, String expectedBody) {
        HttpProbe p = new HttpProbe(name, vmNetns, gateway, path, expectedBody);
        p.runner.start();
        return p;
    }

    /**
     * {@link #WORKERS} threads, started from the thread that entered the VM's namespace (so they are in it too),
     * take the 20 ms slots in turn: an attempt that hangs on a connection the old master accepted just before the
     * gateway moved costs its own slot, not every slot until its read timeout.
     */
    private void loop() {
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int first = w;
            Thread t = new Thread(() -> work(start, first), "http-probe-" + name + "-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void work(long start, long first) {
        for (long seq = first; !stopped; seq += WORKERS) {
            long due = start + seq * PingProbe.INTERVAL_MS * 1_000_000;
            long sleep = due - System.nanoTime();
            if (sleep < 0) {
                continue; // this worker was held up past its slot: the slot is not probed at all
            }
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            long began = System.currentTimeMillis();
            boolean ok = attempt();
            synchronized (this) {
                sent++;
                if (ok) {
                    replies.add(new ProbeResult.Reply(seq, began));
                }
            }
        }
    }

    private boolean attempt() {
        try (Socket s = new Socket()) {
            s.connect(server, CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = reply.startsWith("HTTP/1.1 200") && reply.endsWith("\r\n\r\n" + expectedBody);
            if (!ok) {
                failed("unexpected reply: " + reply.lines().findFirst().orElse("(empty)"));
            }
            return ok;
        } catch (IOException e) {
            failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    private synchronized void failed(String kind) {
        if (errors.size() < 10 && !errors.contains(kind)) {
            errors.add(kind);
        }
    }

    /** Stops the loop and returns what it saw; failure kinds go into {@code errors} for the report only. */
    ProbeResult stop() throws InterruptedException {
        stopped = true;
        runner.join(5_000);
        synchronized (this) {
            return new ProbeResult(name, replies, sent, 0, Set.of(), List.of(), errors);
        }
    }

    @Override
    public void close() {
        stopped = true;
    }
}
