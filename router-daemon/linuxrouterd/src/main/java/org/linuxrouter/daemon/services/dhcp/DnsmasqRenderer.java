package org.linuxrouter.daemon.services.dhcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.linuxrouter.daemon.reconcile.DesiredKernel;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.IpFamily;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;

/**
 * Desired state to dnsmasq files, the way CloudStack's virtual router configures dnsmasq (cs/CsDhcp.py):
 * static leases only ({@code dhcp-ignore=tag:!known}), lease time infinite (a DHCPNAK makes RHEL guests drop their
 * routes), router, DNS (the router first, then the zone's), domain and MTU per network, and for a NIC that is not
 * the VM's default NIC empty router, DNS and domain options so only the default NIC gets a default route.
 *
 * <p>Pure and total: every value written comes from a validated model type (addresses, MACs, host names, DNS
 * domains, option codes and values whose characters cannot be dnsmasq syntax), so no input reaches a file as
 * anything but data. Tags: {@code n<network uuid hex>} set by the network's DHCP range (the context tag, which
 * dnsmasq ranks below other tags) and {@code c<nic uuid hex>} set by a {@code dhcp-mac} line in the main file, so
 * a NIC's own options override its network's.
 *
 * <p>Why not {@code set:} on the host line, as CloudStack's VR does: dnsmasq 2.90 (Debian 12) aborts on SIGHUP
 * when a lease exists for a host read from a hosts file or directory that carries a {@code set:} tag (proven by
 * {@code DhcpDnsNetnsTest}). So host lines carry no tag and only the NICs that need one (a non-default NIC, or
 * extra options) get a {@code dhcp-mac} line, which costs a restart when such a NIC comes or goes; the common NIC
 * (the VM's default, no extra options) never does.
 */
public final class DnsmasqRenderer {
    /** dnsmasq's own default is 1,000 leases; 4,094 networks x 25 NICs need far more. */
    static final int LEASE_MAX = 1 << 20;
    /** The only prefix length dnsmasq (and SLAAC) accept for router advertisements. */
    static final int SLAAC_PREFIX_LENGTH = 64;

    private final Topology topology;
    private final Path directory;

    /** @param directory where the files will live; the main file names the watched directories by path */
    public DnsmasqRenderer(Topology topology, Path directory) {
        this.topology = topology;
        this.directory = directory;
    }

    public DnsmasqConfig render(DesiredState state) {
        StringBuilder main = new StringBuilder(header());
        TreeMap<String, String> hosts = new TreeMap<>();
        TreeMap<String, String> options = new TreeMap<>();
        TreeMap<String, String> names = new TreeMap<>();
        Map<String, DnsmasqConfig.Lease> leases = new HashMap<>();
        Set<String> upstream = new LinkedHashSet<>();
        boolean ipv6 = false;
        for (NetworkRecord network : state.networks().values()) {
            NetworkSpec spec = network.spec();
            boolean dhcp = spec.offers(GuestService.DHCP);
            boolean dns = spec.offers(GuestService.DNS);
            Optional<String> link = link(spec);
            if (!(dhcp || dns) || link.isEmpty()) {
                continue;
            }
            String tag = tag("n", spec.uuid().value());
            main.append("interface=").append(link.get()).append('\n');
            if (dhcp) {
                GatewayAddress gw = spec.gateway4();
                main.append("dhcp-range=set:").append(tag).append(',').append(gw.subnet().network()).append(",static,")
                        .append(netmask(gw.length())).append(",infinite\n");
                // SLAAC needs a /64 (64-bit interface identifiers); dnsmasq refuses an RA range of any other
                // length and would then start for no network at all. A network with, e.g., a /65 (a public /64
                // split in two) gets its DHCPv4 and DNS, and no advertisements.
                if (spec.gateway6().isPresent() && spec.gateway6().get().length() == SLAAC_PREFIX_LENGTH) {
                    GatewayAddress gw6 = spec.gateway6().get();
                    // SLAAC from the advertised prefix, RDNSS from option6:dns-server; no DHCPv6 addresses.
                    main.append("dhcp-range=set:").append(tag).append(',').append(gw6.subnet().network())
                            .append(",ra-only,").append(gw6.length()).append('\n');
                    ipv6 = true;
                }
                options.put("net-" + spec.uuid().value(), networkOptions(spec, tag, dns));
            } else {
                main.append("no-dhcp-interface=").append(link.get()).append('\n');
            }
            if (dns) {
                spec.dnsServers().forEach(s -> upstream.add(s.toString()));
                names.put("net-" + spec.uuid().value(), dataServer(spec));
            }
            for (NicSpec nic : network.nics().values()) {
                Optional<IpAddress> address = leaseAddress(spec, nic);
                if (dhcp && address.isPresent()) {
                    hosts.put("nic-" + nic.uuid().value(), hostLine(nic, address.get()));
                    leases.put(nic.uuid().value(), new DnsmasqConfig.Lease(link.get(), address.get().toString(),
                            nic.mac().value()));
                    String nicOptions = nicOptions(nic, link.get());
                    if (!nicOptions.isEmpty()) {
                        // The tag comes from the main file, not the host line: see the class comment.
                        main.append("dhcp-mac=set:").append(tag("c", nic.uuid().value())).append(',')
                                .append(nic.mac().value()).append('\n');
                        options.put("nic-" + nic.uuid().value(), nicOptions);
                    }
                }
                if (dns && nic.hostname().isPresent() && !nic.addresses().isEmpty()) {
                    names.put("nic-" + nic.uuid().value(), names(spec, nic));
                }
            }
        }
        if (ipv6) {
            main.append("enable-ra\n");
        }
        StringBuilder servers = new StringBuilder();
        upstream.forEach(s -> servers.append("server=").append(s).append('\n'));
        return new DnsmasqConfig(main.toString(), servers.toString(), hosts, options, names, leases);
    }

    private Optional<String> link(NetworkSpec spec) {
        try {
            return Optional.of(DesiredKernel.linkName(spec, topology));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a segment this router cannot carry gets no link, so no services either
        }
    }

    private String header() {
        return "# Written by linuxrouterd from its desired state; changes here are overwritten.\n"
                + "keep-in-foreground\n"
                + "pid-file=\n"
                + "log-facility=-\n"
                // Only the interfaces listed below (and loopback), picked up when they appear: guest links are
                // created by the same reconcile pass, and the uplink must never get an open resolver.
                + "bind-dynamic\n"
                + "no-hosts\n"
                + "no-resolv\n"
                + "servers-file=" + directory.resolve(DnsmasqFiles.SERVERS) + "\n"
                + "hostsdir=" + directory.resolve(DnsmasqFiles.NAMES) + "\n"
                + "dhcp-hostsdir=" + directory.resolve(DnsmasqFiles.HOSTS) + "\n"
                + "dhcp-optsdir=" + directory.resolve(DnsmasqFiles.OPTIONS) + "\n"
                // data-server has one address per network; answer the asking network's gateway.
                + "localise-queries\n"
                + "domain-needed\n"
                + "dhcp-ignore=tag:!known\n"
                + "leasefile-ro\n"
                // A guest's DHCPREQUEST for a lease this dnsmasq never gave (the other router of a pair gave it,
                // or this one restarted: leasefile-ro keeps no database) is answered, not ignored into a DISCOVER
                // (seen in the UML pair lab after a failover); only known hosts get anything (dhcp-ignore above).
                + "dhcp-authoritative\n"
                + "dhcp-lease-max=" + LEASE_MAX + "\n";
    }

    private static String networkOptions(NetworkSpec spec, String tag, boolean dns) {
        StringBuilder out = new StringBuilder();
        IpAddress gw = spec.gateway4().address();
        out.append("tag:").append(tag).append(",option:router,").append(gw).append('\n');
        List<String> dns4 = new ArrayList<>();
        List<String> dns6 = new ArrayList<>();
        if (dns) {
            dns4.add(gw.toString());
            spec.gateway6().ifPresent(g -> dns6.add("[" + g.address() + "]"));
        }
        for (IpAddress server : spec.dnsServers()) {
            (server.family() == IpFamily.V4 ? dns4 : dns6).add(server.family() == IpFamily.V4 ? server.toString()
                    : "[" + server + "]");
        }
        if (!dns4.isEmpty()) {
            out.append("tag:").append(tag).append(",option:dns-server,").append(String.join(",", dns4)).append('\n');
        }
        if (!dns6.isEmpty()) {
            out.append("tag:").append(tag).append(",option6:dns-server,").append(String.join(",", dns6)).append('\n');
        }
        spec.domain().ifPresent(d -> out.append("tag:").append(tag).append(",option:domain-name,").append(d)
                .append('\n'));
        spec.mtu().ifPresent(m -> out.append("tag:").append(tag).append(",option:mtu,").append(m).append('\n'));
        return out.toString();
    }

    /** {@code mac,ip[,hostname],infinite}: one host per file, so adding a NIC is one new file. */
    private static String hostLine(NicSpec nic, IpAddress address) {
        StringBuilder out = new StringBuilder(nic.mac().value()).append(',').append(address);
        nic.hostname().ifPresent(h -> out.append(',').append(h));
        return out.append(",infinite\n").toString();
    }

    /**
     * CloudStack's rule for a VM's other NICs: empty router (3), DNS (6) and domain (15) options, so only the default
     * NIC gets a default route; then the NIC's extra options, which win over both (a NIC's own choice).
     */
    private static String nicOptions(NicSpec nic, String link) {
        StringBuilder out = new StringBuilder();
        // The MAC's tag alone would also match a NIC with the same MAC on another network (CloudStack makes MACs
        // unique per network only); dnsmasq also tags each request with the name of the interface it came in on,
        // which here is the network's own link.
        String tag = tag("c", nic.uuid().value()) + ",tag:" + link;
        Set<Integer> own = new LinkedHashSet<>();
        nic.dhcpOptions().forEach(o -> own.add(o.code()));
        if (!nic.defaultNic()) {
            for (int code : new int[] {3, 6, 15}) {
                if (!own.contains(code)) {
                    out.append("tag:").append(tag).append(',').append(code).append('\n');
                }
            }
        }
        for (DhcpOption option : nic.dhcpOptions()) {
            out.append("tag:").append(tag).append(',').append(option.code()).append(',').append(option.value())
                    .append('\n');
        }
        return out.toString();
    }

    private static String dataServer(NetworkSpec spec) {
        StringBuilder out = new StringBuilder(spec.gateway4().address().toString()).append(" data-server\n");
        spec.gateway6().ifPresent(g -> out.append(g.address()).append(" data-server\n"));
        return out.toString();
    }

    /** Every address of the NIC under its name and, when the network has a domain, its full name. */
    private static String names(NetworkSpec spec, NicSpec nic) {
        String host = nic.hostname().orElseThrow().value();
        String full = spec.domain().map(d -> " " + host + "." + d).orElse("");
        StringBuilder out = new StringBuilder();
        nic.addresses().forEach(a -> out.append(a).append(' ').append(host).append(full).append('\n'));
        return out.toString();
    }

    /** The NIC's first IPv4 address inside the network's subnet: the one CloudStack assigned on this network. */
    static Optional<IpAddress> leaseAddress(NetworkSpec spec, NicSpec nic) {
        return nic.ipv4().stream().filter(a -> spec.gateway4().subnet().contains(a)).findFirst();
    }

    static String tag(String prefix, String uuid) {
        return prefix + uuid.replace("-", "");
    }

    static String netmask(int length) {
        long mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        return (mask >> 24) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
    }
}
