package org.linuxrouter.lab;

import java.nio.file.Path;
import java.util.List;
import org.linuxrouter.testkit.uml.UmlKernel;
import org.linuxrouter.testkit.uml.UmlResult;
import org.linuxrouter.testkit.uml.UmlRun;

/**
 * Host side of the demo ({@code ./run demo}): boots the user-mode-linux 802.1Q kernel and runs {@link LabDemo}
 * in it with this JVM's class path; exits with the demo's status.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = List.of(java, "-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), LabDemo.class.getName());
        System.out.println("booting a Linux 6.1 kernel with 802.1Q (user-mode-linux): the CI host kernel has no VLANs");
        UmlResult result = UmlKernel.run(UmlRun.command(argv).memory("1G").build());
        System.out.println("demo " + (result.exitCode() == 0 ? "passed" : "FAILED") + " (" + result.timings() + ")");
        System.exit(result.exitCode());
    }
}
