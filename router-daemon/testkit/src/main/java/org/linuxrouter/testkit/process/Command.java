package org.linuxrouter.testkit.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one program from an argv list and waits for it, within a timeout.
 *
 * <p>There is deliberately no way to pass a shell string: arguments reach the program exactly as given.
 */
public final class Command {

    /** Long enough for a busy 2-core CI machine or a UML guest (every exec there costs 50-125 ms). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(10);

    private Command() {
    }

    public static CommandResult run(List<String> argv) {
        return run(argv, null, DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code argv}, feeding {@code stdin} (or nothing: stdin is closed at once when null).
     *
     * @throws CommandException if the program cannot start or outlives {@code timeout} (it is then killed)
     */
    public static CommandResult run(List<String> argv, String stdin, Duration timeout) {
        List<String> args = validated(argv);
        Process process = start(args);
        FutureTask<String> out = readAsync(process.getInputStream());
        FutureTask<String> err = readAsync(process.getErrorStream());
        feed(process, stdin);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new CommandException("expected " + args + " to finish within " + timeout
                        + ", it did not and was killed");
            }
            return new CommandResult(args, process.exitValue(), drained(out, args), drained(err, args));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for " + args, e);
        } catch (ExecutionException e) {
            throw new CommandException("could not read the output of " + args, e.getCause());
        }
    }

    /** A child the program left running may hold its pipes open: wait a bounded time for the rest. */
    private static String drained(FutureTask<String> output, List<String> argv)
            throws InterruptedException, ExecutionException {
        try {
            return output.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CommandException("expected the output of " + argv + " to end when it exited; a process it"
                    + " left running still holds it open after " + OUTPUT_GRACE, e);
        }
    }

    static List<String> validated(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("expected a program and its arguments, saw an empty argv");
        }
        for (String arg : argv) {
            if (arg == null || arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("expected arguments without NUL characters, saw " + argv);
            }
        }
        return List.copyOf(argv);
    }

    private static Process start(List<String> argv) {
        try {
            return new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new CommandException("could not start " + argv + ": " + e.getMessage(), e);
        }
    }

    private static void feed(Process process, String stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the program exited without reading all of its input; its exit code tells the story
        }
    }

    /** A thread of its own per stream: blocking reads must not wait for a shared pool's free worker. */
    private static FutureTask<String> readAsync(InputStream stream) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        Thread reader = new Thread(task, "command-output-reader");
        reader.setDaemon(true);
        reader.start();
        return task;
    }
}
