package org.linuxrouter.sdk.generator;

import java.util.Map;
import java.util.Optional;

/** Source expressions for field initializers and super constructor arguments. */
final class Values {
    /** Every generated method body throws this, so no CloudStack behaviour can run against the SDK by mistake. */
    static final String THROW = "throw new java.lang.UnsupportedOperationException("
            + "\"cloudstack-sdk is compile-only: CloudStack provides this at runtime\");";

    private static final Map<String, String> ZERO = Map.of("boolean", "false", "char", "'\\0'", "byte", "(byte) 0",
            "short", "(short) 0", "int", "0", "long", "0L", "float", "0f", "double", "0d");
    private static final Map<String, String> BOX = Map.of("boolean", "java.lang.Boolean", "char",
            "java.lang.Character", "byte", "java.lang.Byte", "short", "java.lang.Short", "int", "java.lang.Integer",
            "long", "java.lang.Long", "float", "java.lang.Float", "double", "java.lang.Double");

    private Values() {
    }

    /** A typed null or zero for a super constructor argument; casts pick the right overload. */
    static String argument(String erasedType) {
        String zero = ZERO.get(erasedType);
        return zero != null ? zero : "(" + TypeText.toSource(erasedType) + ") null";
    }

    /**
     * The initializer of a final field, or empty for a non-final one. A static final primitive or String becomes
     * a compile-time constant only with its real value from sdk-constants.properties; otherwise it gets a
     * method call ({@code Integer.valueOf(0)}) or {@code null}, which javac cannot inline into a plugin.
     */
    static Optional<String> initializer(Member field, boolean implicitlyFinal, ConstantValues constants) {
        if (!implicitlyFinal && !field.has("final")) {
            return Optional.empty();
        }
        Optional<String> real = constants.valueOf(field.owner(), field.name());
        if (real.isPresent()) {
            return real;
        }
        String box = BOX.get(field.type());
        return Optional.of(box == null ? "null" : box + ".valueOf(" + ZERO.get(field.type()) + ")");
    }

    static boolean canBeConstant(String type) {
        return BOX.containsKey(type) || type.equals("java.lang.String");
    }
}
