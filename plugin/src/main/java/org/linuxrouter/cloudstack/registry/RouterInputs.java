package org.linuxrouter.cloudstack.registry;

import java.net.URI;
import java.net.URISyntaxException;

import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.ValidationException;
import org.linuxrouter.protocol.model.VxlanMode;

import com.cloud.exception.InvalidParameterValueException;

/**
 * Checks one raw API value each and returns its canonical stored form, or throws
 * {@link InvalidParameterValueException} naming the field, what was expected and what was seen. The router-side
 * rules (URL shape, fingerprint, secret, interface names) come from router-protocol, so CloudStack accepts exactly
 * what the client can use. A rejected secret is never echoed.
 */
final class RouterInputs {
    static final int MAX_NAME = 255;

    private RouterInputs() {
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterValueException(field + ": expected a value, got none");
        }
        return value;
    }

    static String name(String value) {
        String name = required(RouterFields.NAME, value).strip();
        if (name.length() > MAX_NAME || !name.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new InvalidParameterValueException(RouterFields.NAME + ": expected 1.." + MAX_NAME
                    + " printable characters, got " + name.length() + " characters");
        }
        return name;
    }

    /** {@code https://host[:port]}, nothing else: the client signs paths it builds itself under this origin. */
    static String url(String value) {
        String text = required(RouterFields.URL, value).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(RouterFields.URL, "expected https://host[:port], got an unparsable url " + quote(text), e);
        }
        boolean originOnly = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !originOnly) {
            throw new InvalidParameterValueException(RouterFields.URL
                    + ": expected https://host[:port] with no path, query or user info, got " + quote(text));
        }
        return "https://" + uri.getRawAuthority();
    }

    static String secret(String value) {
        try {
            return RouterSecret.parse(required(RouterFields.SECRET, value)).encoded();
        } catch (IllegalArgumentException e) {
            // RouterSecret's message names the shape problem and never the text
            throw invalid(RouterFields.SECRET, withoutField(e.getMessage()), e);
        }
    }

    static String fingerprint(String value) {
        try {
            return CertificateFingerprint.parse(required(RouterFields.FINGERPRINT, value).strip()).toString();
        } catch (IllegalArgumentException e) {
            throw invalid(RouterFields.FINGERPRINT, withoutField(e.getMessage()), e);
        }
    }

    /** An interface name, or null when the value is absent (the router's own setting applies). */
    static String interfaceName(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InterfaceName.of(field, value.strip()).value();
        } catch (ValidationException e) {
            throw invalid(field, e.problem(), e);
        }
    }

    /** A VXLAN mode as the router's API spells it (multicast, unicast); blank means the router's own. */
    static String vxlanMode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return VxlanMode.fromWireName(RouterFields.VXLAN_MODE, value.strip()).wireName();
        } catch (ValidationException e) {
            throw invalid(RouterFields.VXLAN_MODE, e.problem(), e);
        }
    }

    private static InvalidParameterValueException invalid(String field, String problem, Exception cause) {
        InvalidParameterValueException e = new InvalidParameterValueException(field + ": " + problem);
        e.initCause(cause);
        return e;
    }

    /** "secret: expected ..." from router-protocol becomes "expected ...", so the API's field name leads. */
    private static String withoutField(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }

    private static String quote(String text) {
        return "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'";
    }
}
