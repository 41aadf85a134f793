package org.linuxrouter.daemon.services.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.rtnetlink.internal.Netns;
import org.linuxrouter.testkit.net.GuestLan;

/** Runs an action on a thread inside a lab's router namespace: sockets it opens (a listener) stay there. */
public final class InRouter {

    private InRouter() {
    }

    public static <T> T call(GuestLan lan, Callable<T> action) {
        return Netns.callIn(LibC.system(), Path.of("/run/netns", lan.router().name()), () -> {
            try {
                return action.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
