/**
 * Anti-spoofing with nftables: one table, {@code netdev linuxrouter}, owned by the daemon and replaced whole in
 * one {@code nft -f} transaction whenever what it must say changes. Its ingress chains sit on every guest
 * interface, so a frame is judged before routing: the router forwards and answers (metadata included) only frames
 * whose source MAC and IP pair is registered for that interface's network; everything else is dropped and counted.
 * The ruleset is rendered by {@link org.linuxrouter.daemon.services.firewall.GuardRuleset} from validated typed
 * values only, and {@code nft} is started with an argument vector, never a shell.
 */
package org.linuxrouter.daemon.services.firewall;
