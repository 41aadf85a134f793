/**
 * The values of the linuxrouterd REST contract: what CloudStack asks a router to configure
 * ({@link org.linuxrouter.protocol.model.NetworkSpec}, {@link org.linuxrouter.protocol.model.NicSpec})
 * and what the router reports back ({@link org.linuxrouter.protocol.model.NetworkState},
 * {@link org.linuxrouter.protocol.model.RouterStatus}, {@link org.linuxrouter.protocol.model.Plan},
 * {@link org.linuxrouter.protocol.model.Problem}).
 *
 * <p>Every value is immutable and valid by construction: constructors and parsers throw
 * {@link org.linuxrouter.protocol.model.ValidationException} naming the field, the allowed range and
 * the value seen, so the daemon can turn it into a 4xx without re-checking. Nothing is null unless an
 * accessor returns {@code Optional}.
 *
 * <p>This package must not import JSON, HTTP, crypto or CloudStack types: it is shared by the plugin
 * (Java 11, inside CloudStack) and the daemon (Java 17), and both must agree on it byte for byte.
 */
package org.linuxrouter.protocol.model;
