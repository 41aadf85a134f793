package org.linuxrouter.testkit.uml;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Boots Debian's user-mode-linux kernel with the host's / as its root, runs one command in it and returns that
 * command's exit status and the console output. See router-daemon/testkit/README.md for the traps handled here.
 *
 * <p>Needs root and the apt packages {@code user-mode-linux kmod iproute2}.
 */
public final class UmlKernel {

    /** After SIGTERM a UML instance powers off cleanly and leaves nothing; this is how long we give it. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(10);
    /** After the main process ended, how long its console pipe may stay open (trap 8, trap 10). */
    private static final Duration RELAY_GRACE = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;

    private UmlKernel() {
    }

    /**
     * Boots, runs {@code spec.argv()} in the guest, powers off.
     *
     * @return the guest command's exit status and output; a failing command is a result, not an exception
     * @throws UmlException if UML is not installed, the guest setup failed, it did not report a status or it
     *                      outlived the timeout (its whole session is then killed)
     */
    public static UmlResult run(UmlRun spec) {
        Path modules = UmlHost.check(spec.linuxUml(), spec.modules());
        String umid = "lrlab-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (LabDirectory lab = LabDirectory.create(spec.argv())) {
            Path tmpDir = UmlTmpDir.choose(spec.tmpDir(), lab.memoryDir(), spec.memory(), MountTable.host());
            List<Path> shares = new ArrayList<>(List.of(lab.root()));
            shares.addAll(spec.shares());
            KernelCommandLine boot = new KernelCommandLine(spec.linuxUml(), spec.memory(), lab.init(), lab.umlDir(),
                    umid, lab.argvFile(), lab.statusFile(), spec.workingDirectory().orElse(lab.root()), shares,
                    modules);
            return boot(spec, lab, boot, tmpDir);
        }
    }

    private static UmlResult boot(UmlRun spec, LabDirectory lab, KernelCommandLine boot, Path tmpDir) {
        ProcessBuilder builder = new ProcessBuilder(boot.argv())
                .directory(lab.cwd().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("TMPDIR", tmpDir.toString());
        long start = System.nanoTime();
        Process process = startProcess(builder);
        UmlSession session = new UmlSession(process.pid());
        OutputRelay relay = OutputRelay.start(process.getInputStream(), "[uml " + boot.umid() + "] ", spec.relay(),
                start);
        try {
            boolean finished = process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                terminate(process, session);
            }
            int leftovers = session.killAll();
            relay.awaitEnd(RELAY_GRACE);
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            if (!finished) {
                throw new UmlException("expected the guest to power off within " + spec.timeout() + ", it did not;"
                        + " ended UML " + boot.umid() + " (session " + session.sessionId() + ")" + tail(relay));
            }
            GuestStatus status = status(lab, boot.umid(), process.exitValue(), leftovers, relay);
            return new UmlResult(boot.umid(), status.code(), relay.lines(), relay.bootTime().orElse(total), total);
        } catch (InterruptedException e) {
            terminate(process, session);
            Thread.currentThread().interrupt();
            throw new UmlException("interrupted while UML " + boot.umid() + " ran; its session was ended", e);
        }
    }

    private static GuestStatus status(LabDirectory lab, String umid, int umlExit, int leftovers,
                                      OutputRelay relay) {
        String text = lab.status().orElseThrow(() -> new UmlException("expected the guest to report a status in "
                + lab.statusFile() + ", it reported none (UML " + umid + ", linux.uml exit code " + umlExit + ", "
                + leftovers + " leftover processes killed)" + tail(relay)));
        GuestStatus status;
        try {
            status = GuestStatus.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UmlException(e.getMessage() + tail(relay), e);
        }
        if (!status.commandRan()) {
            throw new UmlException("expected the guest setup to succeed, step '" + status.setupStep()
                    + "' failed with exit code " + status.code() + " (UML " + umid + ")" + tail(relay));
        }
        return status;
    }

    /** SIGTERM first: UML then powers off and leaves nothing; whatever is left is killed by session (trap 8). */
    private static void terminate(Process process, UmlSession session) {
        process.destroy();
        try {
            process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.killAll();
    }

    private static Process startProcess(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UmlException("could not start " + builder.command() + ": " + e.getMessage(), e);
        }
    }

    private static String tail(OutputRelay relay) {
        List<String> lines = relay.tail(TAIL_LINES);
        return lines.isEmpty() ? "; the console printed nothing"
                : "; last " + lines.size() + " console lines:\n  " + String.join("\n  ", lines);
    }
}
