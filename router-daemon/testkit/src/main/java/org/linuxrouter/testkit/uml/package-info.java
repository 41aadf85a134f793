/**
 * Owns the 802.1Q lab: booting Debian's user-mode-linux kernel (package {@code user-mode-linux}) as an ordinary
 * process with the host's {@code /} as its root, running one command inside it through the shipped guest init
 * ({@code guest-init.sh}) and reporting that command's exit status and output. {@link
 * org.linuxrouter.testkit.uml.UmlKernel} is the entry point, {@link org.linuxrouter.testkit.uml.GuestJava} builds
 * the command that runs whole JUnit classes inside the guest in one JVM. The traps this package works around are
 * numbered as in {@code router-daemon/testkit/README.md}.
 */
package org.linuxrouter.testkit.uml;
