/**
 * Owns test access to the kernel's network state through iproute2, usable both on the host and inside the UML
 * guest: named network namespaces and veth pairs ({@link org.linuxrouter.testkit.net.Netns}), a lab's namespaces
 * deleted together ({@link org.linuxrouter.testkit.net.NetnsGroup}), {@code ip -j} read-back parsed as JSON and
 * {@code ip -batch} ({@link org.linuxrouter.testkit.net.Ip}). Tests assert on what the kernel reports, never on
 * what our code believes it configured.
 */
package org.linuxrouter.testkit.net;
