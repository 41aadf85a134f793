package org.linuxrouter.daemon.services.vrrp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads keepalived's notify FIFO: one line per state change, and all current states again after each reload.
 * Chosen over notify scripts (a process per event, a shell) and SIGUSR dumps (files to poll and parse): the FIFO
 * is pushed at the moment of the change, keeps lines written while the daemon was away in the pipe, and needs no
 * program of ours. Opened read-write so that opening never waits for a writer and the pipe never reports an end
 * when keepalived restarts.
 */
final class NotifyFifo implements AutoCloseable {

    private static final Logger LOG = System.getLogger(NotifyFifo.class.getName());

    private final Thread reader;
    private volatile FileChannel channel;

    NotifyFifo(Path fifo, Consumer<NotifyLine> sink) {
        this.reader = new Thread(() -> read(fifo, sink), "vrrp-notify");
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    private void read(Path fifo, Consumer<NotifyLine> sink) {
        try (FileChannel ch = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel = ch;
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String text = line;
                NotifyLine.parse(text).ifPresentOrElse(sink,
                        () -> LOG.log(Level.DEBUG, "notify fifo: ignoring {0}", text));
            }
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.log(Level.ERROR, "notify fifo " + fifo + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.interrupt(); // an interrupted FileChannel read closes the channel and ends the thread
        FileChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing notify fifo", e);
            }
        }
        reader.join(2_000);
    }
}
