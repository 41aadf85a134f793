package org.linuxrouter.cloudstack.element;

import java.util.Set;

/**
 * Which CloudStack network services the LinuxRouter provider offers, by CloudStack's service names (the element
 * declares their capabilities). {@code Connectivity}: the router gives guest networks their gateway, forwarding and proxy-ARP.
 * {@code Dhcp}, {@code Dns}, {@code UserData}: linuxrouterd serves them in place of a virtual router (dnsmasq with
 * static leases, the metadata and password servers on the gateway).
 */
final class LinuxRouterServices {
    static final String CONNECTIVITY = "Connectivity";

    static final Set<String> OFFERED = Set.of(CONNECTIVITY, "Dhcp", "Dns", "UserData");

    private LinuxRouterServices() {
    }

    /**
     * An offering may map to LinuxRouter any set of offered services that includes Connectivity: the router serves
     * DHCP, DNS and user data on the gateway of a network it holds, so without Connectivity it would hold none.
     */
    static boolean acceptsCombination(Set<String> serviceNames) {
        return serviceNames.contains(CONNECTIVITY) && OFFERED.containsAll(serviceNames);
    }
}
