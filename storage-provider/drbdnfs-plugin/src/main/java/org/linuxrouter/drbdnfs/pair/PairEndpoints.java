package org.linuxrouter.drbdnfs.pair;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;

/**
 * The two agents of a pair and how to trust them, validated: two distinct https URLs without path, two
 * fingerprints, one secret. Every message names the detail key, what was expected and what was given (never the
 * secret).
 */
public final class PairEndpoints {
    private final List<URI> agents;
    private final List<CertificateFingerprint> fingerprints;
    private final RouterSecret secret;

    public PairEndpoints(List<URI> agents, List<CertificateFingerprint> fingerprints, RouterSecret secret) {
        this.agents = List.copyOf(agents);
        this.fingerprints = List.copyOf(fingerprints);
        this.secret = secret;
    }

    /** @param secretText the secret as the operator gave it (registration) or as decrypted from the DB */
    public static PairEndpoints parse(String agentsText, String fingerprintsText, String secretText) {
        List<URI> agents = new ArrayList<>();
        for (String a : split(PairDetails.AGENTS, agentsText)) {
            agents.add(agentUrl(a));
        }
        if (agents.get(0).equals(agents.get(1))) {
            throw new IllegalArgumentException(PairDetails.AGENTS + ": expected two different agents, got " + agents.get(0) + " twice");
        }
        List<CertificateFingerprint> pins = new ArrayList<>();
        for (String f : split(PairDetails.FINGERPRINTS, fingerprintsText)) {
            try {
                pins.add(CertificateFingerprint.parse(f));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(PairDetails.FINGERPRINTS + ": expected SHA-256 fingerprints (32 colon-separated hex bytes, as ha-agent prints), got \"" + f + "\"");
            }
        }
        if (secretText == null || secretText.isBlank()) {
            throw new IllegalArgumentException(PairDetails.SECRET + ": required: the content of the agents' secret_file");
        }
        RouterSecret secret;
        try {
            secret = RouterSecret.parse(secretText.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PairDetails.SECRET + ": " + e.getMessage());
        }
        return new PairEndpoints(agents, pins, secret);
    }

    /** Reads the registration details; the secret as stored (already decrypted by the caller). */
    public static PairEndpoints fromDetails(Map<String, String> details, String secretText) {
        return parse(details.get(PairDetails.AGENTS), details.get(PairDetails.FINGERPRINTS), secretText);
    }

    private static List<String> split(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": required: two comma-separated values, one per storage node");
        }
        List<String> parts = Arrays.stream(text.split(",")).map(String::strip).collect(Collectors.toList());
        if (parts.size() != 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(key + ": expected two comma-separated values, got " + parts.size() + " in \"" + text + "\"");
        }
        return parts;
    }

    private static URI agentUrl(String text) {
        String expected = PairDetails.AGENTS + ": expected https://host:port of an ha-agent, got \"" + text + "\"";
        try {
            URI u = new URI(text);
            boolean ok = "https".equals(u.getScheme()) && u.getHost() != null && u.getPort() > 0 && u.getUserInfo() == null
                    && (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
                    && u.getRawQuery() == null && u.getRawFragment() == null;
            if (!ok) {
                throw new IllegalArgumentException(expected);
            }
            return new URI("https", null, u.getHost(), u.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(expected);
        }
    }

    public List<URI> agents() {
        return agents;
    }

    public List<CertificateFingerprint> fingerprints() {
        return fingerprints;
    }

    public RouterSecret secret() {
        return secret;
    }
}
