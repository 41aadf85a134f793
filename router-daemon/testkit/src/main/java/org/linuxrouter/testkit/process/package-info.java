/**
 * Owns running external programs for tests: always an argv list through {@link java.lang.ProcessBuilder}, never a
 * shell string, always with a bounded timeout, with stdout and stderr captured separately.
 */
package org.linuxrouter.testkit.process;
