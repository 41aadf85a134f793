package org.linuxrouter.sdk.generator;

/** The kind of a type as the listing reveals it (javap prints enums as classes, annotations as interfaces). */
enum Kind {
    CLASS, INTERFACE, ENUM, ANNOTATION;

    boolean isInterfaceLike() {
        return this == INTERFACE || this == ANNOTATION;
    }
}
