/**
 * The LinuxRouter plugin for Apache CloudStack: a network element that drives linuxrouterd on physical Linux
 * routers, so guest networks get gateway, forwarding and proxy-ARP without a virtual-router VM.
 *
 * <p>Where things are: a CloudStack call enters at {@code element.LinuxRouterElement}; CloudStack objects become
 * protocol values in {@code element.NetworkTranslator}; routers are registered in {@code registry}; calls to a
 * router go through {@code client.RouterGateway}; {@code reconcile} repairs drift; {@code api} holds the admin
 * commands. Only CloudStack-facing classes (element, commands, responses, VO, DAO) extend CloudStack types.
 */
package org.linuxrouter.cloudstack;
