package org.linuxrouter.rtnetlink.internal;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Network-namespace moves, always confined to one thread. Linux keeps the network namespace per thread, so a
 * thread that calls setns or unshare changes only itself; sockets it opens stay bound to that namespace for
 * their whole life, whichever thread uses them afterwards.
 */
public final class Netns {
    private Netns() {
    }

    /**
     * Runs {@code action} on a fresh short-lived thread that first entered the namespace behind {@code nsFile}
     * (e.g. /run/netns/blue or /proc/PID/ns/net); the thread ends with the action, so no thread of the process is
     * left in the other namespace. This is the only caller of setns.
     */
    public static <T> T callIn(LibC libc, Path nsFile, Supplier<T> action) {
        FutureTask<T> task = new FutureTask<>(() -> {
            int fd = libc.open(nsFile.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
            try {
                libc.setns(fd, LibC.CLONE_NEWNET);
            } finally {
                libc.close(fd);
            }
            return action.get();
        });
        Thread thread = new Thread(task, "rtnetlink-netns");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the thread in " + nsFile, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("expected the action in " + nsFile + " to succeed", cause);
        }
    }

    /**
     * Moves the calling thread alone into a new, empty network namespace. Meant for a dedicated thread (a test
     * runner's): the thread never comes back, and the namespace disappears when the thread and every socket
     * opened in it are gone.
     */
    public static void unshareCurrentThread(LibC libc) {
        libc.unshare(LibC.CLONE_NEWNET);
    }
}
