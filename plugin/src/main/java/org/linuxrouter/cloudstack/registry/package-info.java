/**
 * The router registry: which linuxrouterd serves which zone or physical network, with its URL, pinned certificate
 * fingerprint and shared secret. Owns the plugin's own table ({@link org.linuxrouter.cloudstack.registry.SchemaScript},
 * created at start-up by {@link org.linuxrouter.cloudstack.registry.SchemaBootstrap}), its VO and DAO, and the
 * validation of every registry change ({@link org.linuxrouter.cloudstack.registry.RouterRegistry}). It never talks
 * to a router; that is {@code client}'s job.
 */
package org.linuxrouter.cloudstack.registry;
