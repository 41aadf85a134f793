package org.linuxrouter.sdk.generator;

import java.util.List;

/** The superclass constructor a generated constructor calls: its erased parameter types (binary names). */
final class SuperCall {
    static final SuperCall NONE = new SuperCall(List.of(), false);

    private final List<String> parameterTypes;
    private final boolean explicit;

    private SuperCall(List<String> parameterTypes, boolean explicit) {
        this.parameterTypes = List.copyOf(parameterTypes);
        this.explicit = explicit;
    }

    static SuperCall of(List<String> parameterTypes) {
        return new SuperCall(parameterTypes, true);
    }

    List<String> parameterTypes() {
        return parameterTypes;
    }

    /** False when the superclass is Object: no {@code super(...)} line is written. */
    boolean explicit() {
        return explicit;
    }
}
