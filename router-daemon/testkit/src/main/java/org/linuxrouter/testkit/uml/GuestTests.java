package org.linuxrouter.testkit.uml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a module's tests of one tag (e.g. {@code vlan}) inside the UML kernel in one JVM, from a host-side test:
 * the way every module proves what the CI host kernel cannot show (802.1Q). The caller's surefire run excludes the
 * tag; its host test calls {@link #run} and asserts on the counts.
 */
public final class GuestTests {
    /**
     * A whole in-guest suite, boot to power-off: the router lab (JVM start in UML twice, daemon killed and restarted)
     * took 230 s on a 2-core machine at load 20, close to UmlRun's 4-minute default.
     */
    static final java.time.Duration SUITE_TIMEOUT = java.time.Duration.ofMinutes(8);

    private static final Pattern SUITE = Pattern.compile(
            "<testsuite [^>]*tests=\"(\\d+)\"[^>]*skipped=\"(\\d+)\"[^>]*failures=\"(\\d+)\"[^>]*errors=\"(\\d+)\"");

    private GuestTests() {
    }

    /** Counts from the guest's JUnit report, plus the console output for failure messages. */
    public record Outcome(int tests, int skipped, int failures, int errors, int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0 && tests > 0 && failures == 0 && errors == 0 && skipped == 0;
        }

        public String summary() {
            return tests + " tests, " + failures + " failures, " + errors + " errors, " + skipped + " skipped (exit "
                    + exitCode + ")";
        }
    }

    /**
     * Boots UML and runs every test class under {@code packageName} tagged {@code tag}, with the caller's test
     * class path. {@code share} (a host temp directory) receives the JUnit XML report.
     */
    public static Outcome run(String packageName, String tag, Path share) {
        return run(packageName, tag, share, "1G", SUITE_TIMEOUT, java.util.Map.of());
    }

    /**
     * As {@link #run(String, String, Path)}, with the guest's RAM ({@code mem=}, e.g. {@code 1536M} for a lab that
     * runs several JVMs), the time the whole boot may take, and system properties for the in-guest tests (e.g. a
     * repetition count).
     */
    public static Outcome run(String packageName, String tag, Path share, String memory, java.time.Duration timeout,
                              java.util.Map<String, String> systemProperties) {
        Path reports = share.resolve("reports");
        GuestJava.Builder builder = GuestJava.builder().selectPackage(packageName).includeTag(tag).reportsDir(reports)
                .maxHeap("384m");
        systemProperties.forEach(builder::systemProperty);
        GuestJava java = builder.build();
        UmlResult result = UmlKernel.run(UmlRun.command(java.argv()).memory(memory).share(share).timeout(timeout).build());
        System.out.println("uml lab " + packageName + " @" + tag + ": " + result.timings());
        return outcome(reports.resolve("TEST-junit-jupiter.xml"), result);
    }

    private static Outcome outcome(Path xml, UmlResult result) {
        if (!Files.isRegularFile(xml)) {
            return new Outcome(0, 0, 0, 0, result.exitCode(), result.outputText());
        }
        try {
            Matcher m = SUITE.matcher(Files.readString(xml));
            if (!m.find()) {
                return new Outcome(0, 0, 0, 0, result.exitCode(), result.outputText());
            }
            return new Outcome(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), result.exitCode(), result.outputText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guest's report " + xml, e);
        }
    }
}
