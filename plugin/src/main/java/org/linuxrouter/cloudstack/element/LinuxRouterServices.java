package org.linuxrouter.cloudstack.element;

import java.util.Map;
import java.util.Set;

/**
 * Which CloudStack network services the LinuxRouter provider offers, by CloudStack's service names. Today the
 * router gives guest networks their gateway, forwarding and proxy-ARP: {@code Connectivity}. Dhcp, Dns and UserData
 * (with the capabilities below) are advertised only once linuxrouterd serves them and the element implements the
 * matching provider interfaces; until then a shared offering maps them to ConfigDrive.
 */
final class LinuxRouterServices {
    static final String CONNECTIVITY = "Connectivity";

    /** Advertised in {@code getCapabilities()} now. */
    static final Set<String> OFFERED = Set.of(CONNECTIVITY);

    /** Ready for when the router serves them: service name to capability name and value. */
    static final Map<String, Map<String, String>> WHEN_ROUTER_SERVES_THEM = Map.of(
            "Dhcp", Map.of("DhcpAccrossMultipleSubnets", "true"),
            "Dns", Map.of("AllowDnsSuffixModification", "true"),
            "UserData", Map.of());

    private LinuxRouterServices() {
    }

    /**
     * An offering may map to LinuxRouter any non-empty set of offered services that includes Connectivity: without
     * it the router would be asked for a network it does not route.
     */
    static boolean acceptsCombination(Set<String> serviceNames) {
        return serviceNames.contains(CONNECTIVITY) && OFFERED.containsAll(serviceNames);
    }
}
