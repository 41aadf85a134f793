/**
 * {@code lrctl}, the operator's command line for the linuxrouterd on the same machine.
 *
 * <p>Owns the picocli commands ({@link org.linuxrouter.lrctl.Lrctl} and one class per subcommand), how the local
 * daemon is found from its own configuration file ({@link org.linuxrouter.lrctl.LocalDaemon}: URL, pinned
 * certificate, shared secret), the apply-file format ({@link org.linuxrouter.lrctl.ApplyFile}), all output
 * formatting ({@link org.linuxrouter.lrctl.Output}) and how failures become one line on stderr and an exit code
 * ({@link org.linuxrouter.lrctl.Failures}, {@link org.linuxrouter.lrctl.Exit}). The REST contract itself belongs
 * to router-protocol; the configuration, keystore and secret formats belong to linuxrouterd.
 */
package org.linuxrouter.lrctl;
