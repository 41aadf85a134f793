package org.linuxrouter.halab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A minimal NTP server (RFC 5905, server mode, stratum 1 from this machine's clock) for the lab's isolated network:
 * the nodes' chrony syncs to it, so {@code hactl doctor} and the health agent see synchronised clocks as on a real
 * pair. Runs on a thread inside the lab namespace ({@link NetnsExecutor}) until closed.
 */
public final class NtpServer implements Runnable, AutoCloseable {

    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private final DatagramSocket socket;

    /** Binds UDP port 123 on {@code address}; call from the namespace's thread. */
    public NtpServer(String address) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(address, 123));
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot bind the lab's NTP server to " + address + ":123", e);
        }
    }

    @Override
    public void run() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket request = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(request);
                Instant received = Instant.now();
                if (request.getLength() < 48 || (buffer[0] & 0x7) != 3) {
                    continue; // not a client request
                }
                ByteBuffer reply = ByteBuffer.allocate(48);
                int version = (buffer[0] >> 3) & 0x7;
                reply.put((byte) ((version << 3) | 4));  // no leap warning, client's version, server mode
                reply.put((byte) 1);                     // stratum 1: this clock is the reference
                reply.put(buffer[2]);                    // poll: as asked
                reply.put((byte) -20);                   // precision ~1 us
                reply.putInt(0);                         // root delay
                reply.putInt(0x10);                      // root dispersion ~0.2 ms
                reply.put(new byte[] {'L', 'A', 'B', 0}); // reference id
                putTimestamp(reply, received);           // reference time
                reply.put(buffer, 40, 8);                // origin = the client's transmit time
                putTimestamp(reply, received);
                putTimestamp(reply, Instant.now());      // transmit
                socket.send(new DatagramPacket(reply.array(), 48, request.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void putTimestamp(ByteBuffer out, Instant time) {
        out.putInt((int) (time.getEpochSecond() + NTP_EPOCH_OFFSET));
        out.putInt((int) ((time.getNano() * (1L << 32)) / 1_000_000_000L));
    }

    @Override
    public void close() {
        socket.close();
    }
}
