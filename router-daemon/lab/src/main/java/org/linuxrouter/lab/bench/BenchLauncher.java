package org.linuxrouter.lab.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.linuxrouter.testkit.uml.UmlKernel;
import org.linuxrouter.testkit.uml.UmlResult;
import org.linuxrouter.testkit.uml.UmlRun;

/** Host side of {@code bench/router-bench}: boots the UML 802.1Q kernel (2 GiB) and runs {@link RouterBench} in it. */
public final class BenchLauncher {

    private BenchLauncher() {
    }

    public static void main(String[] args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new java.util.ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), RouterBench.class.getName()));
        argv.addAll(List.of(args));
        UmlResult result = UmlKernel.run(UmlRun.command(argv).memory("2G").timeout(Duration.ofMinutes(40)).build());
        System.out.println("bench " + (result.exitCode() == 0 ? "finished" : "FAILED") + " (" + result.timings() + ")");
        System.exit(result.exitCode());
    }
}
