package org.linuxrouter.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the checker catches the mistakes that break plugins at runtime: each scenario compiles a set of stubs
 * of real CloudStack classes with one deliberate error and checks it against the real listing.
 */
class ConformanceCheckerTest {
    private static final String COMPONENT = "com.cloud.utils.component.";

    private static ConformanceChecker checker;

    @TempDir
    Path work;

    @BeforeAll
    static void readListing() {
        checker = new ConformanceChecker(Listing.read(Path.of(SdkPaths.property("sdk.sigs"))));
    }

    @Test
    void correctStubsConform() {
        ConformanceReport report = check("correct");

        assertTrue(report.conforms(), report.details());
        assertEquals(6, report.classes(), "expected the six stub classes to be listed by javap");
        assertEquals(24, report.members(), "expected every stub member to be checked");
    }

    @Test
    void wrongReturnTypeIsReportedWithTheRealSignature() {
        List<Mismatch> found = check("wrong-return").mismatches();

        List<Mismatch> named = inClass(found, COMPONENT + "Named");
        Mismatch wrong = only(named, "member not declared by the cloudstack class");
        assertEquals("public abstract java.lang.Object getName();", wrong.seen());
        assertEquals("public abstract java.lang.String getName();", wrong.expected());
        Mismatch missing = only(named, "interface method missing (implementors need every abstract and default method)");
        assertEquals("public abstract java.lang.String getName();", missing.expected());
        // the covariant overrides below Named now get javac bridges CloudStack does not have: reported too
        assertEquals("public default java.lang.Object getName();",
                only(inClass(found, COMPONENT + "ComponentLifecycle"), "member not declared by the cloudstack class").seen());
        assertEquals("public java.lang.Object getName();",
                only(inClass(found, COMPONENT + "ComponentLifecycleBase"), "member not declared by the cloudstack class")
                        .seen());
        assertEquals(4, found.size(), () -> "expected exactly four mismatches, saw " + found);
    }

    @Test
    void droppedGenericBoundIsReported() {
        List<Mismatch> found = check("dropped-bound").mismatches();

        Mismatch m = only(found, "member not declared by the cloudstack class");
        assertEquals(COMPONENT + "AdapterBase", m.className());
        assertEquals("public static <T> T getAdapterByName(java.util.List<T>, java.lang.String);", m.seen());
        assertEquals("public static <T extends com.cloud.utils.component.Adapter> T getAdapterByName("
                + "java.util.List<T>, java.lang.String);", m.expected());
        assertEquals(1, found.size(), () -> "expected exactly one mismatch, saw " + found);
    }

    @Test
    void missingAbstractMethodIsReported() {
        List<Mismatch> found = check("missing-abstract").mismatches();

        Mismatch m = only(found, "interface method missing (implementors need every abstract and default method)");
        assertEquals(COMPONENT + "ComponentLifecycle", m.className());
        assertEquals("public abstract boolean stop();", m.expected());
        assertEquals("absent", m.seen());
        assertEquals(1, found.size(), () -> "expected exactly one mismatch, saw " + found);
    }

    @Test
    void wrongThrowsClauseIsReported() {
        List<Mismatch> found = check("wrong-throws").mismatches();

        Mismatch m = only(found, "member not declared by the cloudstack class");
        assertEquals(COMPONENT + "ComponentLifecycleBase", m.className());
        assertTrue(m.expected().endsWith("throws javax.naming.ConfigurationException;"), m.expected());
        assertEquals("public boolean configure(java.lang.String, java.util.Map<java.lang.String, java.lang.Object>);",
                m.seen());
        assertEquals(1, found.size(), () -> "expected exactly one mismatch, saw " + found);
    }

    @Test
    void wrongHeaderIsReported() {
        List<Mismatch> found = check("wrong-header").mismatches();

        Mismatch m = only(found, "header differs");
        assertEquals(COMPONENT + "AdapterBase", m.className());
        assertTrue(m.expected().endsWith("implements com.cloud.utils.component.Adapter,"
                + "com.cloud.utils.component.ComponentMethodInterceptable"), m.expected());
        assertTrue(m.seen().endsWith("implements com.cloud.utils.component.Adapter"), m.seen());
        assertEquals(1, found.size(), () -> "expected exactly one mismatch, saw " + found);
    }

    @Test
    void classUnknownToCloudStackIsReported() {
        List<Mismatch> found = check("unknown-class").mismatches();

        Mismatch m = only(found, "class not in the cloudstack listing");
        assertEquals(COMPONENT + "InventedHelper", m.className());
        assertEquals(1, found.size(), () -> "expected exactly one mismatch, saw " + found);
    }

    @Test
    void reportGroupsEveryMismatchByClass() {
        ConformanceReport report = check("wrong-return");

        String details = report.details();
        assertTrue(details.startsWith("cloudstack-sdk conformance: 6 classes, 26 members checked, 4 mismatches"),
                details);
        assertTrue(details.contains(COMPONENT + "Named (2 mismatches)"), details);
        assertTrue(details.contains("      seen:     public abstract java.lang.Object getName();"), details);
    }

    private ConformanceReport check(String scenario) {
        return checker.check(new StubCompiler(work).compileAndList(scenario));
    }

    private static List<Mismatch> inClass(List<Mismatch> found, String className) {
        return found.stream().filter(m -> m.className().equals(className)).collect(Collectors.toList());
    }

    private static Mismatch only(List<Mismatch> found, String problem) {
        List<Mismatch> matching = found.stream().filter(m -> m.problem().equals(problem)).collect(Collectors.toList());
        assertEquals(1, matching.size(), () -> "expected one '" + problem + "' mismatch, saw " + found);
        return matching.get(0);
    }
}
