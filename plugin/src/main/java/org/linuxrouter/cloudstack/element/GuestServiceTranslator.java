package org.linuxrouter.cloudstack.element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.DnsDomain;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.ValidationException;

import com.cloud.network.NetworkModel;

/**
 * Pure: what CloudStack knows of a network's and a VM's guest services, as the router's desired state. The VM's
 * metadata, user data, SSH keys and password come as the {@code [dir, file, content]} entries CloudStack's own
 * {@link NetworkModel#generateVmData} builds for a virtual router, so the router serves what a virtual router would.
 * Every value is checked by the protocol's model; a refusal is a {@link ValidationException} naming the field and,
 * for user data and passwords, never quoting the value.
 */
public final class GuestServiceTranslator {

    private GuestServiceTranslator() {
    }

    /** The network with the guest services the router gives it, the resolvers DHCP hands out after the router, the domain. */
    public static NetworkSpec withServices(NetworkSpec spec, Set<GuestService> services, List<String> dnsServers,
            String domain) {
        List<IpAddress> resolvers = new ArrayList<>();
        for (int i = 0; i < dnsServers.size(); i++) {
            resolvers.add(IpAddress.parse("dnsServers[" + i + "]", dnsServers.get(i)));
        }
        return spec.newBuilder().services(services).dnsServers(resolvers)
                .domain(domain == null || domain.isBlank() ? null : DnsDomain.parse(domain.strip())).build();
    }

    /**
     * What DHCP and DNS need of the NIC: the VM's host name, whether this is its default NIC (only that one gets
     * router, DNS and domain options), and CloudStack's extra DHCP options (code to value) for the NIC.
     */
    public static NicSpec.Builder withDhcp(NicSpec.Builder nic, String hostname, boolean defaultNic,
            Map<Integer, String> extraDhcpOptions) {
        List<DhcpOption> options = new ArrayList<>();
        new TreeMap<>(extraDhcpOptions).forEach((code, value) -> options.add(dhcpOption(code, value)));
        return nic.hostname(Hostname.parse(hostname)).defaultNic(defaultNic).dhcpOptions(options);
    }

    /**
     * The vm-data entries as the router's fields: user data (base64 as CloudStack holds it), the password, the
     * public keys (one per line), and every other metadata entry with a value. Entries without a value (no public
     * IP, no hypervisor host name) are left out: the router answers 404 for them, as a virtual router does for an
     * empty file. The Windows password checksum is left out too: no path of the VR protocol that the router speaks
     * serves it.
     */
    public static NicSpec.Builder withVmData(NicSpec.Builder nic, List<String[]> vmData) {
        Map<String, String> metadata = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        Secret userData = null;
        Secret password = null;
        for (String[] entry : vmData) {
            if (entry == null || entry.length != 3) {
                throw new ValidationException("vmData", "expected [dir, file, content] entries, got "
                        + (entry == null ? "none" : entry.length + " elements"));
            }
            String dir = entry[0];
            String file = entry[1];
            String content = entry[2];
            if (content == null || content.isEmpty()) {
                continue;
            }
            if (NetworkModel.USERDATA_DIR.equals(dir) && NetworkModel.USERDATA_FILE.equals(file)) {
                userData = Secret.of(content);
            } else if (NetworkModel.PASSWORD_DIR.equals(dir) && NetworkModel.PASSWORD_FILE.equals(file)) {
                password = Secret.of(content);
            } else if (NetworkModel.PASSWORD_DIR.equals(dir)) {
                continue; // the checksum for Windows password scripts (see above)
            } else if (NetworkModel.METATDATA_DIR.equals(dir) && NetworkModel.PUBLIC_KEYS_FILE.equals(file)) {
                Arrays.stream(content.split("\n")).map(String::strip).filter(k -> !k.isEmpty()).forEach(keys::add);
            } else if (NetworkModel.METATDATA_DIR.equals(dir)) {
                metadata.put(file, content);
            } else {
                throw new ValidationException("vmData", "expected the directory metadata, userdata or password, got "
                        + "an entry in another one (file " + file + ")");
            }
        }
        return nic.metadata(metadata).sshPublicKeys(keys).userData(userData).password(password);
    }

    private static DhcpOption dhcpOption(Integer code, String value) {
        try {
            return DhcpOption.of(code, value);
        } catch (ValidationException e) {
            throw e.under("dhcpOptions[" + code + "]");
        }
    }
}
