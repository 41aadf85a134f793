package org.linuxrouter.sdk.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Constant fields never become made-up compile-time constants; recorded ones must be literals. */
class ValuesTest {
    private static final String API = "org.apache.cloudstack.api.ApiConstants";
    private final ConstantValues constants = ConstantValues.of(Map.of(API + ".ID", "\"id\""));

    @Test
    void recordedConstantKeepsItsRealValue() {
        Member id = Member.parse("public static final java.lang.String ID;", API);

        assertEquals(Optional.of("\"id\""), Values.initializer(id, false, constants));
    }

    @Test
    void unrecordedConstantsGetInitializersJavacCannotInline() {
        Member name = Member.parse("public static final java.lang.String NAME;", API);
        Member level = Member.parse("public static final int RUN_LEVEL_SYSTEM;", "com.cloud.utils.component.ComponentLifecycle");
        Member cloud = Member.parse("public static final short CLOUD_DB;", "com.cloud.utils.db.TransactionLegacy");

        assertEquals(Optional.of("null"), Values.initializer(name, false, constants));
        assertEquals(Optional.of("java.lang.Integer.valueOf(0)"), Values.initializer(level, true, constants));
        assertEquals(Optional.of("java.lang.Short.valueOf((short) 0)"), Values.initializer(cloud, false, constants));
    }

    @Test
    void nonFinalFieldsGetNoInitializer() {
        Member logger = Member.parse("protected org.apache.logging.log4j.Logger logger;", "a.B");

        assertEquals(Optional.empty(), Values.initializer(logger, false, constants));
    }

    @Test
    void superArgumentsAreTypedSoOverloadsResolve() {
        assertEquals("(java.lang.Class) null", Values.argument("java.lang.Class"));
        assertEquals("(com.cloud.network.Network.Provider) null", Values.argument("com.cloud.network.Network$Provider"));
        assertEquals("(short) 0", Values.argument("short"));
        assertEquals("false", Values.argument("boolean"));
    }

    @Test
    void recordedValuesMustBeLiteralsOfTheFieldType() {
        ConstantValues.requireLiteral("k", "java.lang.String", "\"zoneid\"");
        ConstantValues.requireLiteral("k", "long", "1");

        IllegalArgumentException expr = assertThrows(IllegalArgumentException.class,
                () -> ConstantValues.requireLiteral("k", "java.lang.String", "PREFIX + \"id\""));
        assertTrue(expr.getMessage().contains("expected a java.lang.String literal"), expr.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConstantValues.requireLiteral("k", "int", "\"5\""));
    }
}
