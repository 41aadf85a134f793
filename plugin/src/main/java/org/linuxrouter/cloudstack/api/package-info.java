/**
 * The admin API of the plugin: {@link org.linuxrouter.cloudstack.api.LinuxRouterApiService} registers the commands
 * in {@code api.command} with CloudStack. Commands only translate parameters and responses; validation lives in
 * {@code registry.RouterRegistry}, router calls in {@code reconcile} and {@code client}.
 */
package org.linuxrouter.cloudstack.api;
