/**
 * Generates the SDK sources in {@code src/main/java} from the CloudStack javap listing and the committed
 * {@code sdk-roots.txt}: computes the closure of types and members the roots need (supertypes with identical
 * headers, complete interfaces, referenced types, implementations of inherited abstract methods, callable super
 * constructors) and writes signature-only Java sources whose bodies throw. Run it with
 * {@code mvn -B -q -pl cloudstack-sdk -Dmaven.main.skip test-compile exec:java}.
 */
package org.linuxrouter.sdk.generator;
