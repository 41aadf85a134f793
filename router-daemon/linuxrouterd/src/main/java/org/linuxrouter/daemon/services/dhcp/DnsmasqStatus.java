package org.linuxrouter.daemon.services.dhcp;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the daemon reports about its dnsmasq: whether it runs, its pid, how often it was (re)started because it
 * died, how often it was reloaded (SIGHUP), and why it last stopped.
 */
public record DnsmasqStatus(State state, OptionalLong pid, long starts, long crashes, long reloads,
                            Optional<String> lastExit) {
    public enum State {
        /** No network asks for DHCP or DNS. */
        IDLE,
        RUNNING,
        /** It died; a restart is scheduled (backoff). */
        RESTARTING
    }
}
