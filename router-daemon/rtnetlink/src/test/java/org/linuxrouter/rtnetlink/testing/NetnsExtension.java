package org.linuxrouter.rtnetlink.testing;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.rtnetlink.internal.Netns;

/**
 * JUnit 5 extension behind {@link FreshNetns}. Linux keeps the network namespace per thread, so one thread per test
 * calls unshare(CLONE_NEWNET) and then runs @BeforeEach, the test and @AfterEach; the JVM's other threads stay in
 * the host namespace. Processes started from that thread (the {@code ip} read-backs) inherit its namespace. When
 * the thread ends and the test's sockets are closed, the namespace and every link in it disappear.
 */
public final class NetnsExtension implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(NetnsExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "netns-"
                + context.getRequiredTestMethod().getName()));
        context.getStore(STORE).put(ExecutorService.class, thread);
        try {
            thread.submit(() -> {
                Netns.unshareCurrentThread(LibC.system());
                Ip.run("link", "set", "lo", "up");
            }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("expected a fresh network namespace (needs root), setting it up failed",
                    e.getCause());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ExecutorService thread = context.getStore(STORE).remove(ExecutorService.class, ExecutorService.class);
        if (thread != null) {
            thread.shutdownNow();
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runOn(thread(context), invocation::proceed);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        runOn(thread(context), invocation::proceed);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runOn(thread(context), invocation::proceed);
    }

    private static ExecutorService thread(ExtensionContext context) {
        return context.getStore(STORE).get(ExecutorService.class, ExecutorService.class);
    }

    private interface Body {
        Object run() throws Throwable;
    }

    private static void runOn(ExecutorService thread, Body body) throws Throwable {
        try {
            thread.submit(() -> {
                try {
                    return body.run();
                } catch (Throwable t) {
                    throw new Wrapped(t);
                }
            }).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Wrapped ? cause.getCause() : cause;
        }
    }

    /** Carries any Throwable (AssertionError included) out of the Callable unchanged. */
    private static final class Wrapped extends Exception {
        Wrapped(Throwable cause) {
            super(cause);
        }
    }
}
