package org.linuxrouter.sdk.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The closure rules, on small root sets over the real listing. */
class ClosureTest {
    private static final String COMPONENT = "com.cloud.utils.component.";

    @Test
    void concreteClassGetsTheImplementationsItInheritsAndACallableSuperConstructor() {
        Plan plan = plan("com.cloud.utils.component.AdapterBase getAdapterByName");

        assertTrue(plan.types().containsAll(Set.of(COMPONENT + "ComponentLifecycleBase", COMPONENT + "Adapter",
                COMPONENT + "ComponentLifecycle", COMPONENT + "Named", COMPONENT + "ComponentMethodInterceptable")));
        Set<String> base = lines(plan, COMPONENT + "ComponentLifecycleBase");
        assertTrue(base.contains("public boolean stop();"), () -> "expected the inherited stop() implemented: " + base);
        assertTrue(base.contains("public boolean configure(java.lang.String, java.util.Map<java.lang.String,"
                + " java.lang.Object>) throws javax.naming.ConfigurationException;"), base::toString);
        assertTrue(base.contains("public com.cloud.utils.component.ComponentLifecycleBase();"),
                () -> "expected the super constructor AdapterBase calls to be kept: " + base);
        assertEquals(9, lines(plan, COMPONENT + "ComponentLifecycle").stream().filter(l -> l.contains("(")).count(),
                "expected the whole ComponentLifecycle interface");
        assertTrue(plan.needsHiddenConstructor(COMPONENT + "AdapterBase"), "AdapterBase's constructor was not rooted");
    }

    @Test
    void constantsOnlyWhenRootedAndEnumsCompleteWithoutJavacMembers() {
        Plan plan = plan("com.cloud.utils.component.ComponentLifecycle RUN_LEVEL_COMPONENT\n"
                + "com.cloud.network.Networks$TrafficType");

        Set<String> lifecycle = lines(plan, COMPONENT + "ComponentLifecycle");
        assertTrue(lifecycle.contains("public static final int RUN_LEVEL_COMPONENT;"));
        assertFalse(lifecycle.contains("public static final int RUN_LEVEL_SYSTEM;"));
        Set<String> traffic = lines(plan, "com.cloud.network.Networks$TrafficType");
        assertEquals(7, traffic.size(), () -> "expected the seven constants only: " + traffic);
        assertTrue(plan.types().contains("com.cloud.network.Networks"), "expected the enclosing class");
    }

    @Test
    void bridgesOfCompleteInterfacesAreLeftToJavac() {
        Plan plan = plan("com.cloud.network.Network");

        assertFalse(lines(plan, "com.cloud.network.Network").contains("public default java.lang.Object getState();"));
        assertTrue(plan.bridges().stream().anyMatch(b -> b.line().equals("public default java.lang.Object getState();")));
        assertTrue(plan.types().contains("com.cloud.utils.fsm.StateObject"), "expected the supplement's StateObject");
    }

    @Test
    void unknownRootMemberIsRejectedWithTheRealNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan("com.cloud.utils.Pair frist"));

        assertTrue(e.getMessage().contains("com.cloud.utils.Pair has no member named 'frist'"), e.getMessage());
        assertTrue(e.getMessage().contains("first"), e.getMessage());
    }

    @Test
    void memberNeedingAnUnprovidedLibraryIsRejectedWithTheReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> plan("com.cloud.utils.db.UpdateBuilder"));

        assertTrue(e.getMessage().contains("net.sf.cglib.proxy.MethodInterceptor: the header of"
                + " com.cloud.utils.db.UpdateBuilder"), e.getMessage());
    }

    @Test
    void innerClassOfAGenericClassIsWrittenWithoutStatic() {
        Model model = RealListing.model();
        Plan plan = new Closure(model, Roots.parse(List.of("com.cloud.utils.db.GenericSearchBuilder and"), "t")).compute();
        String source = new SourceWriter(model, plan, ConstantValues.of(java.util.Map.of()), null)
                .file("com.cloud.utils.db.GenericSearchBuilder");

        assertTrue(source.contains("\n    public class Preset {\n"), source);
        assertTrue(source.contains("public com.cloud.utils.db.GenericSearchBuilder<T, K>.Preset and(java.lang.Object p0,"
                + " com.cloud.utils.db.SearchCriteria.Op p1) {"), source);
    }

    private static Plan plan(String roots) {
        return new Closure(RealListing.model(), Roots.parse(List.of(roots.split("\n")), "test roots")).compute();
    }

    private static Set<String> lines(Plan plan, String type) {
        return plan.members(type).stream().map(Member::line).collect(Collectors.toSet());
    }
}
