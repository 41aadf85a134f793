package org.linuxrouter.sdk.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The listing's header and member lines parse into the parts the generator writes back. */
class ParsingTest {

    @Test
    void parsesAGenericAbstractClassHeader() {
        TypeHeader h = TypeHeader.parse("public abstract class com.cloud.utils.db.GenericDaoBase<T, ID extends"
                + " java.io.Serializable> extends com.cloud.utils.component.ComponentLifecycleBase implements"
                + " com.cloud.utils.db.GenericDao<T, ID>, com.cloud.utils.component.ComponentMethodInterceptable");

        assertEquals(Kind.CLASS, h.kind());
        assertTrue(h.isAbstract());
        assertEquals("com.cloud.utils.db.GenericDaoBase", h.name());
        assertEquals("<T, ID extends java.io.Serializable>", h.typeParameters());
        assertEquals("com.cloud.utils.component.ComponentLifecycleBase", h.superclass());
        assertEquals(List.of("com.cloud.utils.db.GenericDao<T, ID>",
                "com.cloud.utils.component.ComponentMethodInterceptable"), h.interfaces());
        assertEquals(Set.of("java.io.Serializable", "com.cloud.utils.component.ComponentLifecycleBase",
                "com.cloud.utils.db.GenericDao", "com.cloud.utils.component.ComponentMethodInterceptable"),
                h.referencedTypes());
    }

    @Test
    void recognisesEnumsAnnotationsAndCommaListsWithoutSpaces() {
        TypeHeader e = TypeHeader.parse("public class com.cloud.network.Networks$BroadcastDomainType extends"
                + " java.lang.Enum<com.cloud.network.Networks$BroadcastDomainType>");
        TypeHeader a = TypeHeader.parse("public interface org.apache.cloudstack.api.Parameter extends"
                + " java.lang.annotation.Annotation");
        TypeHeader c = TypeHeader.parse("public class com.cloud.utils.component.AdapterBase extends"
                + " com.cloud.utils.component.ComponentLifecycleBase implements com.cloud.utils.component.Adapter,"
                + "com.cloud.utils.component.ComponentMethodInterceptable");

        assertEquals(Kind.ENUM, e.kind());
        assertTrue(!e.isFinal(), "a non-final enum has constants with bodies");
        assertEquals(Kind.ANNOTATION, a.kind());
        assertEquals(List.of(), a.interfaces());
        assertEquals(2, c.interfaces().size());
    }

    @Test
    void parsesConstructorsMethodsAndFields() {
        Member ctor = Member.parse("public com.cloud.network.Network$Provider(java.lang.String, boolean);",
                "com.cloud.network.Network$Provider");
        Member generic = Member.parse("public static <T extends com.cloud.utils.component.Adapter> T"
                + " getAdapterByName(java.util.List<T>, java.lang.String);", "com.cloud.utils.component.AdapterBase");
        Member throwing = Member.parse("public abstract boolean configure(java.lang.String, java.util.Map<java.lang"
                + ".String, java.lang.Object>) throws javax.naming.ConfigurationException;", "a.B");
        Member field = Member.parse("protected transient org.apache.logging.log4j.Logger logger;", "a.B");
        Member varargs = Member.parse("public void setParameters(java.lang.String, java.lang.Object...);", "a.B");

        assertTrue(ctor.isConstructor());
        assertEquals(Member.CONSTRUCTOR_NAME, ctor.name());
        assertNull(ctor.type());
        assertEquals(List.of("java.lang.String", "boolean"), ctor.parameters());
        assertEquals("<T extends com.cloud.utils.component.Adapter>", generic.typeParameters());
        assertEquals("T", generic.type());
        assertEquals(List.of("public", "static"), List.copyOf(generic.modifiers()));
        assertEquals(List.of("java.util.List<T>", "java.lang.String"), generic.parameters());
        assertEquals(List.of("javax.naming.ConfigurationException"), throwing.exceptions());
        assertEquals(2, throwing.parameters().size());
        assertTrue(field.isField());
        assertEquals("org.apache.logging.log4j.Logger", field.type());
        assertEquals("java.lang.Object...", varargs.parameters().get(1));
    }

    @Test
    void rejectsAConstructorOfAnotherClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Member.parse("public a.Other(int);", "a.B"));
        assertTrue(e.getMessage().contains("expected a constructor of a.B"), e.getMessage());
    }

    @Test
    void erasesLikeTheJvmLinks() {
        Map<String, String> bounds = Erasure.bounds("<T, ID extends java.io.Serializable>", Map.of());

        assertEquals("java.io.Serializable", Erasure.of("ID", bounds));
        assertEquals("java.lang.Object", Erasure.of("T", bounds));
        assertEquals("java.util.List", Erasure.of("java.util.List<T>", bounds));
        assertEquals("java.lang.Object[]", Erasure.of("java.lang.Object...", bounds));
        assertEquals("com.cloud.utils.db.GenericSearchBuilder$Preset",
                Erasure.of("com.cloud.utils.db.GenericSearchBuilder<T, K>.Preset", bounds));
        assertEquals("com.cloud.utils.db.SearchBase", Erasure.bounds(
                "<J extends com.cloud.utils.db.SearchBase<?, T, K>, T, K>", Map.of()).get("J"));
    }

    @Test
    void findsReferencedTypesIncludingInnerClassesOfGenericClasses() {
        assertEquals(Set.of("com.cloud.utils.db.GenericSearchBuilder$Preset", "com.cloud.utils.db.GenericSearchBuilder",
                "java.lang.Object", "com.cloud.utils.db.SearchCriteria$Op"), TypeText.referencedTypes(
                "com.cloud.utils.db.GenericSearchBuilder<T, K>.Preset java.lang.Object... com.cloud.utils.db.SearchCriteria$Op"));
    }
}
