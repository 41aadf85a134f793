package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestJavaTest {

    private static GuestJava.Builder base() {
        return GuestJava.builder().java(Path.of("/usr/lib/jvm/java-17/bin/java"))
                .consoleLauncher(Path.of("/opt/console.jar"))
                .classpath(List.of(Path.of("/w/target/test-classes"), Path.of("/w/target/classes")));
    }

    @Test
    void runsTheConsoleLauncherInOneTunedJvm() {
        List<String> argv = base().selectClass("org.example.VlanTest").selectClass("org.example.BridgeTest")
                .includeTag("vlan").systemProperty("lab", "uml").reportsDir(Path.of("/w/reports")).build().argv();
        assertEquals(List.of("/usr/lib/jvm/java-17/bin/java", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp", "-Dlab=uml",
                "-Dlinuxrouter.guest.classpath=/w/target/test-classes:/w/target/classes",
                "-jar", "/opt/console.jar", "execute", "--disable-banner", "--disable-ansi-colors", "--details=tree",
                "--fail-if-no-tests", "--class-path=/w/target/test-classes:/w/target/classes",
                "--select-class=org.example.VlanTest", "--select-class=org.example.BridgeTest",
                "--include-tag=vlan", "--reports-dir=/w/reports"), argv);
    }

    @Test
    void selectorsAndHeapAreChecked() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> base().build());
        assertEquals("expected at least one test class or package to select, saw none", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base().selectClass("org.example.Vlan Test"));
        assertThrows(IllegalArgumentException.class, () -> base().includeTag("vlan;rm"));
        assertThrows(IllegalArgumentException.class, () -> base().selectClass("a.B").maxHeap("lots").build());
    }

    @Test
    void junitsOwnJarsAreLeftToTheStandaloneLauncher() {
        assertEquals(List.of(Path.of("/w/target/classes"), Path.of("/m2/jackson-databind-2.23.0.jar")),
                GuestJava.withoutJUnit(List.of("/w/target/classes", "/m2/junit-jupiter-api-5.14.4.jar",
                        "/m2/junit-platform-commons-1.14.4.jar", "/m2/opentest4j-1.3.0.jar",
                        "/m2/jackson-databind-2.23.0.jar", "")));
    }

    @Test
    void theBuildProvidesTheConsoleLauncherJar() {
        Path jar = GuestJava.consoleLauncherJar();
        assertTrue(Files.isRegularFile(jar), jar.toString());
        assertTrue(jar.getFileName().toString().startsWith("junit-platform-console-standalone"), jar.toString());
    }
}
