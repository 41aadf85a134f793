package org.linuxrouter.testkit.uml;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the guest argv that runs JUnit 5 test classes inside UML through the console launcher
 * ({@code junit-platform-console-standalone}), all of them in one JVM start: every exec in UML costs 50-125 ms
 * and a JVM start about 2 s (trap 11), so run a whole lab suite per boot, not one JVM per test.
 *
 * <p>The console launcher exits 0 when all tests passed, 1 when one failed, 2 when none ran; that exit status is
 * what {@link UmlKernel#run} reports.
 *
 * @param java           the java launcher (the host's: the guest sees the host's files)
 * @param consoleLauncher the console-standalone jar
 * @param classpath      the tests' class path, without JUnit itself (the standalone jar carries it)
 * @param selectors      console launcher selector options, e.g. {@code --select-class=a.b.C}
 * @param filters        tag filter options, e.g. {@code --include-tag=vlan}
 * @param maxHeap        {@code -Xmx} value; the guest has {@code mem=} in all
 * @param systemProperties {@code -D} options for the tests
 * @param reportsDir     where the launcher writes its XML report, or null for none
 */
public record GuestJava(Path java, Path consoleLauncher, List<Path> classpath, List<String> selectors,
                        List<String> filters, String maxHeap, Map<String, String> systemProperties,
                        Path reportsDir) {

    /** The system property the build sets to the copied console-standalone jar (see this module's pom). */
    public static final String CONSOLE_JAR_PROPERTY = "linuxrouter.junit.console.jar";
    /** Tells in-guest code the test class path, so it can start more JVMs (a daemon) with the same classes. */
    public static final String GUEST_CLASSPATH_PROPERTY = "linuxrouter.guest.classpath";
    private static final Pattern CLASS_NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]{0,5}[mg]");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9_.-]+");
    /** JUnit's own jars: the standalone launcher carries them, a second copy on the class path only confuses. */
    private static final Pattern JUNIT_JAR =
            Pattern.compile("(junit-jupiter|junit-platform|opentest4j|apiguardian|surefire|common-java5).*\\.jar");

    public GuestJava {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(consoleLauncher, "consoleLauncher");
        classpath = List.copyOf(classpath);
        selectors = List.copyOf(selectors);
        filters = List.copyOf(filters);
        systemProperties = Map.copyOf(systemProperties);
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("expected at least one test class or package to select, saw none");
        }
        if (!HEAP.matcher(maxHeap).matches()) {
            throw new IllegalArgumentException("expected a heap size like 256m, saw '" + maxHeap + "'");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The guest argv: JVM options tuned for a 1-CPU guest where everything is about 4 times slower. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx" + maxHeap,
                "-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp"));
        systemProperties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> argv.add("-D" + e.getKey() + "=" + e.getValue()));
        String joined = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        if (!classpath.isEmpty()) {
            argv.add("-D" + GUEST_CLASSPATH_PROPERTY + "=" + joined);
        }
        argv.addAll(List.of("-jar", consoleLauncher.toString(), "execute", "--disable-banner",
                "--disable-ansi-colors", "--details=tree", "--fail-if-no-tests"));
        if (!classpath.isEmpty()) {
            argv.add("--class-path=" + joined);
        }
        argv.addAll(selectors);
        argv.addAll(filters);
        if (reportsDir != null) {
            argv.add("--reports-dir=" + reportsDir);
        }
        return List.copyOf(argv);
    }

    /** Inside the guest: the class path the tests run with (outside it, this JVM's own). */
    public static String guestClasspath() {
        return System.getProperty(GUEST_CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
    }

    /** The jar the build copied (system property {@value #CONSOLE_JAR_PROPERTY}), checked to exist. */
    public static Path consoleLauncherJar() {
        String value = System.getProperty(CONSOLE_JAR_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("expected system property " + CONSOLE_JAR_PROPERTY + " to name the"
                    + " junit-platform-console-standalone jar, saw none; copy it as router-daemon/testkit/pom.xml does");
        }
        Path jar = Path.of(value);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("expected the console launcher jar at " + jar + ", it is missing");
        }
        return jar;
    }

    /**
     * The running test class path (surefire's {@code surefire.test.class.path}, else {@code java.class.path}),
     * without JUnit's and surefire's own jars.
     */
    public static List<Path> testClasspath() {
        String value = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        return withoutJUnit(List.of(value.split(File.pathSeparator)));
    }

    static List<Path> withoutJUnit(List<String> entries) {
        return entries.stream().filter(e -> !e.isBlank()).map(Path::of)
                .filter(p -> p.getFileName() == null || !JUNIT_JAR.matcher(p.getFileName().toString()).matches())
                .toList();
    }

    /** Defaults: this JVM's java, the build's console jar, the running test class path, a 256m heap. */
    public static final class Builder {
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private Path consoleLauncher;
        private List<Path> classpath;
        private final List<String> selectors = new ArrayList<>();
        private final List<String> filters = new ArrayList<>();
        private String maxHeap = "256m";
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private Path reportsDir;

        private Builder() {
        }

        public Builder java(Path launcher) {
            this.java = launcher;
            return this;
        }

        public Builder consoleLauncher(Path jar) {
            this.consoleLauncher = jar;
            return this;
        }

        public Builder classpath(List<Path> entries) {
            this.classpath = List.copyOf(entries);
            return this;
        }

        public Builder selectClass(String className) {
            selectors.add("--select-class=" + check(CLASS_NAME, className, "a fully qualified class name"));
            return this;
        }

        public Builder selectPackage(String packageName) {
            selectors.add("--select-package=" + check(CLASS_NAME, packageName, "a package name"));
            return this;
        }

        public Builder includeTag(String tag) {
            filters.add("--include-tag=" + check(TAG, tag, "a tag name"));
            return this;
        }

        public Builder excludeTag(String tag) {
            filters.add("--exclude-tag=" + check(TAG, tag, "a tag name"));
            return this;
        }

        public Builder maxHeap(String heap) {
            this.maxHeap = heap;
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(check(PROPERTY_KEY, key, "a system property name"), Objects.requireNonNull(value));
            return this;
        }

        public Builder reportsDir(Path dir) {
            this.reportsDir = dir;
            return this;
        }

        public GuestJava build() {
            return new GuestJava(java, consoleLauncher != null ? consoleLauncher : consoleLauncherJar(),
                    classpath != null ? classpath : testClasspath(), selectors, filters, maxHeap, systemProperties,
                    reportsDir);
        }

        private static String check(Pattern pattern, String value, String what) {
            if (value == null || !pattern.matcher(value).matches()) {
                throw new IllegalArgumentException("expected " + what + ", saw '" + value + "'");
            }
            return value;
        }
    }
}
