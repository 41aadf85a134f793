/**
 * The daemon's own configuration: {@code /etc/linuxrouter/linuxrouterd.conf}, a strict {@code key = value} file.
 *
 * <p>Owns {@link org.linuxrouter.daemon.config.DaemonConfig} (the validated, immutable result, with the built-in
 * defaults) and {@link org.linuxrouter.daemon.config.ConfigLoader} (reading and checking the file). The loader
 * reports every problem at once, each naming the line, the key, what was expected and what was found, so an
 * operator fixes a broken file in one pass. The commented example shipped as the resource
 * {@code linuxrouterd.conf} documents every key with its default.
 */
package org.linuxrouter.daemon.config;
