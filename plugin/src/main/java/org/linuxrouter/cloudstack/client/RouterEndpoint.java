package org.linuxrouter.cloudstack.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.RouterClientConfig;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

/**
 * How to reach one registered router, parsed from its registry row: what the client needs (URL, pin, secret)
 * plus the identity used in messages and the trunk networks are put on. {@link #toString()} omits the secret.
 */
public final class RouterEndpoint {
    private final String uuid;
    private final String name;
    private final URI url;
    private final CertificateFingerprint pin;
    private final RouterSecret secret;
    private final InterfaceName trunk;
    private final VxlanOptions vxlan;

    private RouterEndpoint(String uuid, String name, URI url, CertificateFingerprint pin, RouterSecret secret,
            InterfaceName trunk, VxlanOptions vxlan) {
        this.uuid = uuid;
        this.name = name;
        this.url = url;
        this.pin = pin;
        this.secret = secret;
        this.trunk = trunk;
        this.vxlan = vxlan;
    }

    /** Parses a stored registration; the registry validated every field when it stored them. */
    public static RouterEndpoint of(LinuxRouterVO router) {
        return new RouterEndpoint(router.getUuid(), router.getName(), URI.create(router.getUrl()),
                CertificateFingerprint.parse(router.getFingerprint()), RouterSecret.parse(router.getSecret()),
                router.getTrunkInterface() == null ? null : InterfaceName.of(router.getTrunkInterface()),
                vxlanOptions(router));
    }

    /** What the registration says about VXLAN; null when it says nothing (the router's own settings then). */
    private static VxlanOptions vxlanOptions(LinuxRouterVO router) {
        if (router.getVxlanUnderlay() == null && router.getVxlanMode() == null) {
            return null;
        }
        return new VxlanOptions(router.getVxlanUnderlay() == null ? null : InterfaceName.of(router.getVxlanUnderlay()),
                router.getVxlanMode() == null ? null : VxlanMode.fromWireName("vxlanmode", router.getVxlanMode()),
                null, null);
    }

    public String uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    /** The trunk guest VLANs go on; empty means the router's configured default. */
    public Optional<InterfaceName> trunk() {
        return Optional.ofNullable(trunk);
    }

    /** The VXLAN underlay and mode the registration names; empty means the router's configured defaults. */
    public Optional<VxlanOptions> vxlan() {
        return Optional.ofNullable(vxlan);
    }

    /** The client settings: pinned TLS, signing secret, and the protocol's default timeouts and retries. */
    public RouterClientConfig clientConfig() {
        return RouterClientConfig.builder().baseUrl(url).pin(pin).secret(secret).build();
    }

    /** Whether a client built for {@code other} reaches the same router the same way. */
    boolean sameConnection(RouterEndpoint other) {
        return url.equals(other.url) && pin.equals(other.pin) && secret.equals(other.secret);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RouterEndpoint)) {
            return false;
        }
        RouterEndpoint that = (RouterEndpoint) other;
        return uuid.equals(that.uuid) && name.equals(that.name) && sameConnection(that) && Objects.equals(trunk, that.trunk)
                && Objects.equals(vxlan, that.vxlan);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, url);
    }

    /** For messages: {@code router r1 (https://192.0.2.1:8443)}. */
    @Override
    public String toString() {
        return "router " + name + " (" + url + ")";
    }
}
