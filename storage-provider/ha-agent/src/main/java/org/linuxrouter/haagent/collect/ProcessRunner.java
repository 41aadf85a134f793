package org.linuxrouter.haagent.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.linuxrouter.ha.status.report.RawOutput;

/**
 * Runs one status program with a fixed argv (never a shell, never built from a request), in the C locale, with a
 * timeout; output is bounded. A program that is missing, hangs or dies becomes a failed {@link RawOutput} naming
 * why, never an exception.
 */
public final class ProcessRunner {
    private final Duration timeout;

    public ProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    public RawOutput run(Path program, String... args) {
        String name = program.getFileName().toString();
        if (!Files.isExecutable(program)) {
            return RawOutput.failed(name + ": " + program + " is not installed (or not executable)");
        }
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("LC_ALL", "C"); // parsers expect the untranslated words
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return RawOutput.failed(name + ": cannot start: " + e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return RawOutput.failed(name + ": no answer within " + timeout.toMillis() + " ms");
            }
            String stdout = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String stderr = err.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (stdout.isBlank() && p.exitValue() != 0) {
                return RawOutput.failed(name + ": exit " + p.exitValue() + (stderr.isBlank() ? "" : ": " + firstLine(stderr)));
            }
            return RawOutput.of(stdout, p.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return RawOutput.failed(name + ": interrupted");
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            return RawOutput.failed(name + ": output not readable: " + e);
        }
    }

    /** Reads a status file (e.g. /proc/drbd); missing or unreadable is a failed output naming the file. */
    public static RawOutput readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(RawOutput.MAX_CHARS);
            return RawOutput.of(new String(bytes, StandardCharsets.UTF_8), 0);
        } catch (java.nio.file.NoSuchFileException e) {
            return RawOutput.failed(file + ": no such file");
        } catch (IOException e) {
            return RawOutput.failed(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                if (buf.size() < RawOutput.MAX_CHARS) {
                    buf.write(chunk, 0, Math.min(n, RawOutput.MAX_CHARS - buf.size()));
                } // keep reading past the limit so the program is not blocked on a full pipe
            }
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String s) {
        String line = s.strip().split("\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
