package org.linuxrouter.testkit.uml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The argv that boots one guest: {@code setsid linux.uml <kernel parameters>}.
 *
 * <p>The kernel hands unknown {@code KEY=VALUE} parameters to init as environment variables; that is how the guest
 * init learns where its command, status file and shared directories are. The kernel splits parameters at spaces
 * and treats quotes specially, and the init splits {@code LR_SHARE} at ':', so every path must be plain.
 *
 * @param linuxUml  the kernel binary
 * @param memory    {@code mem=}
 * @param init      the guest init script (a host path: the guest's / is the host's /)
 * @param umlDir    UML's private state directory ({@code uml_dir=}; without it UML writes to ~/.uml, trap 12)
 * @param umid      this instance's name, unique per run
 * @param argvFile  the NUL-separated command file
 * @param statusFile where init writes its status line
 * @param cwd       where the command runs in the guest
 * @param shares    host directories the guest writes through to
 * @param modules   the kernel's module tree
 */
public record KernelCommandLine(Path linuxUml, MemorySize memory, Path init, Path umlDir, String umid,
                                Path argvFile, Path statusFile, Path cwd, List<Path> shares, Path modules) {

    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._+,@/-]*");
    private static final Pattern UMID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public KernelCommandLine {
        for (Path path : List.of(linuxUml, init, umlDir, argvFile, statusFile, cwd, modules)) {
            plain(path);
        }
        shares = List.copyOf(shares);
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("expected at least one shared directory (the lab's), saw none");
        }
        shares.forEach(KernelCommandLine::plain);
        if (umid == null || !UMID.matcher(umid).matches()) {
            throw new IllegalArgumentException("expected a umid of 1-32 letters, digits, '_', '-', saw '" + umid + "'");
        }
    }

    /** The process argv; {@code setsid} makes the instance a session of its own so it can be ended as one (trap 8). */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(List.of("setsid", linuxUml.toString()));
        argv.add("mem=" + memory.text());
        argv.addAll(List.of("rootfstype=hostfs", "rootflags=/", "rw", "init=" + init, "quiet"));
        // only console 0 exists, on UML's stdin/stdout, which are our pipes (trap 5)
        argv.addAll(List.of("con=null", "ssl=null", "con0=fd:0,fd:1"));
        argv.add("uml_dir=" + umlDir);
        argv.add("umid=" + umid);
        argv.add("LR_ARGV=" + argvFile);
        argv.add("LR_STATUS=" + statusFile);
        argv.add("LR_CWD=" + cwd);
        argv.add("LR_SHARE=" + shares.stream().map(Path::toString).collect(Collectors.joining(":")));
        argv.add("LR_MODULES=" + modules);
        return List.copyOf(argv);
    }

    private static void plain(Path path) {
        String text = path == null ? "null" : path.toString();
        if (!PLAIN_PATH.matcher(text).matches()) {
            throw new IllegalArgumentException("expected an absolute path of letters, digits and ._+,@/- only (it"
                    + " travels on the kernel command line), saw '" + text + "'");
        }
    }
}
