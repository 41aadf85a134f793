package org.linuxrouter.halab;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A single thread that lives in a named network namespace (setns(2) affects only the calling thread), so sockets it
 * opens are the NFS client's: the test process itself is that client, without a third VM and without any route
 * from the host's namespace into the lab.
 */
public final class NetnsExecutor implements AutoCloseable {

    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags);

        int setns(int fd, int nstype);

        int close(int fd);
    }

    private final ExecutorService thread;

    public NetnsExecutor(String netns) {
        Path path = Path.of("/run/netns", netns);
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(() -> {
                enter(path);
                task.run();
            }, "netns-" + netns);
            t.setDaemon(true);
            return t;
        });
    }

    private static void enter(Path path) {
        int fd = LibC.INSTANCE.open(path.toString(), O_RDONLY_CLOEXEC);
        if (fd < 0) {
            throw new LabException("cannot open " + path + " (errno " + Native.getLastError() + ")");
        }
        try {
            if (LibC.INSTANCE.setns(fd, CLONE_NEWNET) != 0) {
                throw new LabException("setns(" + path + ") failed (errno " + Native.getLastError() + ")");
            }
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }

    /** Runs {@code task} on the namespace's thread and returns its result; its exceptions pass through. */
    public <T> T call(Callable<T> task) {
        Future<T> future = thread.submit(task);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LabException(e.getCause().toString(), e.getCause());
        }
    }

    /** Starts {@code task} on the namespace's thread without waiting for it. */
    public Future<?> submit(Runnable task) {
        return thread.submit(task);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
