package org.linuxrouter.rtnetlink;

/**
 * Receives the events of an {@link RtnlEvents} subscription, on its single event thread, one at a time, in the
 * kernel's order. Keep the methods short (hand work to a queue): while they run, the kernel buffers events, and
 * a full buffer loses events and costs a resync.
 */
public interface RtnlListener {
    void onEvent(RtnlEvent event);

    /**
     * The kernel dropped events because the socket's buffer was full (ENOBUFS): some changes were missed. The events
     * still queued have been discarded by the time this is called; re-read the state with dumps (started now or
     * later, they see every change so far). Events keep coming afterwards.
     */
    void onResync();

    /**
     * A message could not be decoded, this listener threw, or (when {@code fatal}) the socket failed and the event
     * thread has stopped. The default ignores non-fatal errors and prints fatal ones to stderr.
     */
    default void onError(RuntimeException error, Fatality fatality) {
        if (fatality == Fatality.FATAL) {
            error.printStackTrace();
        }
    }

    /** Whether the event thread goes on after an error. */
    enum Fatality { RECOVERABLE, FATAL }
}
