/**
 * Build-time checks on what the project ships. {@link org.linuxrouter.packaging.ArtifactScanner} finds CloudStack
 * classes inside built artifacts: the compile-only SDK (and CloudStack's own packages) must never be packaged,
 * or our jar would shadow the real classes inside the management server.
 */
package org.linuxrouter.packaging;
