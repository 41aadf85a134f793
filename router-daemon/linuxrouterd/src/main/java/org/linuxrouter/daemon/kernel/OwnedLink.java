package org.linuxrouter.daemon.kernel;

import java.util.Objects;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * A link the daemon owns: the kernel marks it with {@link Ownership#alias(String)} so the daemon recognises it
 * after a restart and never touches an interface it did not create.
 *
 * @param name    the interface name, e.g. {@code eth1.100}
 * @param spec    what the link is (its kind and parameters)
 * @param network the CloudStack network uuid the link serves
 * @param mtu     the MTU, or 0 for "whatever the kernel chose" (the parent's)
 * @param up      administratively up
 */
public record OwnedLink(String name, LinkSpec spec, String network, int mtu, boolean up) {
    public OwnedLink {
        InterfaceName.of("link name", name);
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(network, "network");
        if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
            throw new IllegalArgumentException("mtu: expected 68..65535 or 0 (parent's), got " + mtu);
        }
    }

    /** True when the existing link can be kept as it is, apart from its MTU and up state. */
    public boolean sameIdentity(OwnedLink other) {
        return name.equals(other.name) && spec.equals(other.spec) && network.equals(other.network);
    }
}
