package org.linuxrouter.daemon.services.dhcp;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything dnsmasq reads, as text: the main file (interfaces and DHCP ranges: changing it needs a restart),
 * the upstream resolvers ({@code servers-file}), and three watched directories, file name to content:
 * {@code hosts} ({@code --dhcp-hostsdir}: one static lease per NIC), {@code options} ({@code --dhcp-optsdir}:
 * per network and per NIC) and {@code names} ({@code --hostsdir}: VM names and {@code data-server}).
 */
public record DnsmasqConfig(String main, String servers, SortedMap<String, String> hosts,
                            SortedMap<String, String> options, SortedMap<String, String> names,
                            Map<String, Lease> leases) {
    /** The static lease a NIC gets, by NIC uuid: what {@code dhcp_release} needs when the NIC goes. */
    public record Lease(String link, String address, String mac) {
    }

    public DnsmasqConfig {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(servers, "servers");
        hosts = copy(hosts);
        options = copy(options);
        names = copy(names);
        leases = Map.copyOf(leases);
    }

    private static SortedMap<String, String> copy(Map<String, String> files) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Whether any network asks for DHCP or DNS at all; without one, no dnsmasq runs. */
    public boolean serves() {
        return main.contains("\ninterface=");
    }
}
