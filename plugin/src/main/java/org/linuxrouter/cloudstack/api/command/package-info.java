/**
 * The five admin commands (add, list, update, delete, sync). Each keeps CloudStack's idiom at the edge
 * ({@code @APICommand} with {@code since} and {@code authorized = Admin}, UUID parameters translated through
 * {@code entityType}) and does its work in a package-visible {@code perform} method that returns the response, so
 * tests run everything but CloudStack's own response plumbing in {@code execute()}.
 */
package org.linuxrouter.cloudstack.api.command;
