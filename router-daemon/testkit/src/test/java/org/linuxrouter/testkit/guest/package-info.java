/**
 * Test classes that run only inside the UML guest, started by
 * {@link org.linuxrouter.testkit.uml.GuestJavaLabTest} through the JUnit console launcher. They are tagged
 * {@code uml-guest}, which this module's surefire configuration excludes on the host: one of them fails on purpose.
 */
package org.linuxrouter.testkit.guest;
