package org.linuxrouter.halab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The host end of a VM's command channel: QEMU's virtio-serial port, a unix socket on the host, served in the guest
 * by {@code image/lab-agent}. One request per line, {@code <id> <base64 of the NUL-separated argv>}; answer
 * {@code <id> <exit status> <base64 output>}. No network is involved, so it keeps working while the lab network
 * is being torn apart, and an argv is never shell text.
 */
final class GuestAgent implements AutoCloseable {

    private final String vmName;
    private final SocketChannel channel;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private long nextId = 1;

    private GuestAgent(String vmName, SocketChannel channel) {
        this.vmName = vmName;
        this.channel = channel;
        this.reader = new Thread(this::readLines, "halab-agent-" + vmName);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects to QEMU's end of the port (QEMU creates the socket shortly after it starts). */
    static GuestAgent connect(String vmName, Path socket, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (Files.exists(socket)) {
                    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return new GuestAgent(vmName, channel);
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new UncheckedIOException("could not connect to the agent socket of " + vmName, e);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LabException("QEMU did not create the agent socket " + socket + " of " + vmName
                        + " within " + timeout);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Waits until the guest's agent answers (the guest has booted far enough to run commands). */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            // QEMU holds what we send until the guest opens the port, so probe rarely: a probe every few seconds
            // over a slow boot could fill the socket buffer and block the writer
            GuestResult probe = callOrNull(List.of("true"), Duration.ofSeconds(20));
            if (probe != null && probe.exitCode() == 0) {
                return;
            }
        }
        throw new LabException(vmName + " did not answer on its agent channel within " + timeout);
    }

    /** Runs argv in the guest and returns its exit status and output; a timeout is a {@link LabException}. */
    GuestResult call(List<String> argv, Duration timeout) {
        GuestResult result = callOrNull(argv, timeout);
        if (result == null) {
            throw new LabException(vmName + " did not answer " + argv + " within " + timeout);
        }
        return result;
    }

    private synchronized GuestResult callOrNull(List<String> argv, Duration timeout) {
        long id = nextId++;
        String payload = Base64.getEncoder().encodeToString(
                (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
        write(id + " " + payload + "\n");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return null;
            }
            String line;
            try {
                line = lines.poll(left, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for " + vmName, e);
            }
            if (line == null) {
                return null;
            }
            String[] parts = line.split(" ", 3);
            // earlier requests that timed out may still answer: only ours counts
            if (parts.length >= 2 && parts[0].equals(Long.toString(id))) {
                String output = parts.length == 3
                        ? new String(Base64.getMimeDecoder().decode(parts[2]), StandardCharsets.UTF_8) : "";
                return new GuestResult(argv, Integer.parseInt(parts[1]), output);
            }
        }
    }

    private void write(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to the agent channel of " + vmName, e);
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Channels.newInputStream(channel), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line.strip());
            }
        } catch (IOException e) {
            // the VM went away (powered off by the test): callers time out with a clear message
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a dead VM's socket: nothing to recover
        }
    }
}
