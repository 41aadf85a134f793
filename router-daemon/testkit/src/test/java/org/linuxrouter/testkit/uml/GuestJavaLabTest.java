package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs JUnit test classes inside the UML guest through GuestJava and the console launcher: one JVM per boot.
 * Needs root and the apt packages user-mode-linux kmod iproute2.
 */
class GuestJavaLabTest {

    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*tests=\"(\\d+)\"[^>]*failures=\"(\\d+)\"");

    @Test
    void passingGuestTestsMakeTheRunSucceed(@TempDir Path share) throws IOException {
        UmlResult result = runInGuest("org.linuxrouter.testkit.guest.GuestKernelProbe", share);
        assertEquals(0, result.exitCode(), result.outputText());
        assertEquals(new Counts(2, 0), counts(share.resolve("reports")));
    }

    @Test
    void aFailingGuestTestMakesTheRunFail(@TempDir Path share) throws IOException {
        UmlResult result = runInGuest("org.linuxrouter.testkit.guest.DeliberateGuestFailure", share);
        assertEquals(1, result.exitCode(), "the console launcher's exit status for a failed test: "
                + result.outputText());
        assertTrue(result.outputText().contains("deliberate failure inside the UML guest"), result.outputText());
        assertEquals(new Counts(1, 1), counts(share.resolve("reports")));
    }

    private static UmlResult runInGuest(String testClass, Path share) {
        GuestJava java = GuestJava.builder().selectClass(testClass).includeTag("uml-guest")
                .reportsDir(share.resolve("reports")).build();
        UmlResult result = UmlKernel.run(UmlRun.command(java.argv()).share(share).build());
        System.out.println("guest junit " + testClass + ": " + result.timings());
        UmlProcesses.assertNoneLeft(result.umid());
        return result;
    }

    private record Counts(int tests, int failures) {
    }

    /** The console launcher's legacy XML report of the Jupiter engine: the numbers surefire would show. */
    private static Counts counts(Path reports) throws IOException {
        Path xml = reports.resolve("TEST-junit-jupiter.xml");
        assertTrue(Files.isRegularFile(xml), "expected the Jupiter report " + xml);
        Matcher m = SUITE.matcher(Files.readString(xml));
        assertTrue(m.find(), "expected a <testsuite> with counts in " + xml);
        return new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
