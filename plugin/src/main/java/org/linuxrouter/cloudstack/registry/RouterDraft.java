package org.linuxrouter.cloudstack.registry;

import java.util.Optional;

/**
 * The raw values of an add or update request, exactly as the API received them (any may be absent);
 * {@link RouterRegistry} validates them. {@link #toString()} never shows the secret.
 */
public final class RouterDraft {
    private final String name;
    private final Long zoneId;
    private final Long physicalNetworkId;
    private final String url;
    private final String secret;
    private final String fingerprint;
    private final String trunkInterface;
    private final String uplinkInterface;
    private final String vxlanUnderlay;
    private final String vxlanMode;
    private final Long pairWith;

    private RouterDraft(Builder b) {
        this.name = b.name;
        this.zoneId = b.zoneId;
        this.physicalNetworkId = b.physicalNetworkId;
        this.url = b.url;
        this.secret = b.secret;
        this.fingerprint = b.fingerprint;
        this.trunkInterface = b.trunkInterface;
        this.uplinkInterface = b.uplinkInterface;
        this.vxlanUnderlay = b.vxlanUnderlay;
        this.vxlanMode = b.vxlanMode;
        this.pairWith = b.pairWith;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Long> zoneId() {
        return Optional.ofNullable(zoneId);
    }

    public Optional<Long> physicalNetworkId() {
        return Optional.ofNullable(physicalNetworkId);
    }

    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    public Optional<String> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    public Optional<String> trunkInterface() {
        return Optional.ofNullable(trunkInterface);
    }

    public Optional<String> uplinkInterface() {
        return Optional.ofNullable(uplinkInterface);
    }

    public Optional<String> vxlanUnderlay() {
        return Optional.ofNullable(vxlanUnderlay);
    }

    public Optional<String> vxlanMode() {
        return Optional.ofNullable(vxlanMode);
    }

    /** The id of the registered router the new one is to be paired with. */
    public Optional<Long> pairWith() {
        return Optional.ofNullable(pairWith);
    }

    @Override
    public String toString() {
        return "RouterDraft{name=" + name + ", zoneId=" + zoneId + ", physicalNetworkId=" + physicalNetworkId
                + ", url=" + url + ", fingerprint=" + fingerprint + ", trunk=" + trunkInterface + ", uplink="
                + uplinkInterface + ", vxlanUnderlay=" + vxlanUnderlay + ", vxlanMode=" + vxlanMode + ", pairWith=" + pairWith + ", secret=" + (secret == null ? "none" : "redacted") + "}";
    }

    /** Collects raw values; null means "not given". */
    public static final class Builder {
        private String name;
        private Long zoneId;
        private Long physicalNetworkId;
        private String url;
        private String secret;
        private String fingerprint;
        private String trunkInterface;
        private String uplinkInterface;
        private String vxlanUnderlay;
        private String vxlanMode;
        private Long pairWith;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder zoneId(Long zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        public Builder physicalNetworkId(Long physicalNetworkId) {
            this.physicalNetworkId = physicalNetworkId;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        public Builder fingerprint(String fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        public Builder trunkInterface(String trunkInterface) {
            this.trunkInterface = trunkInterface;
            return this;
        }

        public Builder uplinkInterface(String uplinkInterface) {
            this.uplinkInterface = uplinkInterface;
            return this;
        }

        public Builder vxlanUnderlay(String vxlanUnderlay) {
            this.vxlanUnderlay = vxlanUnderlay;
            return this;
        }

        public Builder vxlanMode(String vxlanMode) {
            this.vxlanMode = vxlanMode;
            return this;
        }

        public Builder pairWith(Long pairWith) {
            this.pairWith = pairWith;
            return this;
        }

        public RouterDraft build() {
            return new RouterDraft(this);
        }
    }
}
