package org.linuxrouter.daemon.services.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Port 80: the virtual router's {@code /latest/} tree, as its Apache rewrite rules lay it out
 * (systemvm/debian/var/www/html/latest/.htaccess and CsVmMetadata in configure.py):
 * <ul>
 * <li>{@code /latest/user-data} and {@code /latest/user-data/}: the decoded user data; 404 when there is none
 * (the VR deletes the file; cloud-init reads a 404 as empty user data);</li>
 * <li>{@code /latest/meta-data} and {@code /latest/meta-data/}: the listing, one key per line, each line ending in
 * a newline and no key ending in {@code /}, so cloud-init's crawler takes every entry as a leaf;</li>
 * <li>{@code /latest/meta-data/KEY} and {@code /latest/meta-data/KEY/}: the key's value;</li>
 * <li>{@code /latest/KEY} and {@code /latest/KEY/}: the same value (the VR's short forms);</li>
 * <li>anything else, an empty value, or a guest the directory does not know: 404.</li>
 * </ul>
 * The VR's rules match the {@code user-data} and {@code meta-data} words case-insensitively but look key files up
 * case-sensitively; so does this.
 */
final class MetadataHandler implements HttpHandler {

    private static final String LATEST = "/latest/";

    private final GuestDataService service;

    MetadataHandler(GuestDataService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.readOnly(exchange)) {
            return;
        }
        Optional<GuestNic> nic = service.lookup(exchange.getLocalAddress().getAddress(),
                exchange.getRemoteAddress().getAddress());
        String path = exchange.getRequestURI().getRawPath();
        if (nic.isEmpty() || path == null || !path.startsWith(LATEST)) {
            notFound(exchange);
            return;
        }
        answer(exchange, nic.get(), path.substring(LATEST.length()));
    }

    private static void answer(HttpExchange exchange, GuestNic nic, String rest) throws IOException {
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("user-data") || lower.equals("user-data/")) {
            if (nic.userData().isEmpty()) {
                notFound(exchange);
            } else {
                Replies.send(exchange, 200, Replies.OCTETS, nic.decodedUserData());
            }
            return;
        }
        if (lower.equals("meta-data") || lower.equals("meta-data/")) {
            Replies.text(exchange, 200, listing(nic.metadata()));
            return;
        }
        String key = lower.startsWith("meta-data/") ? rest.substring("meta-data/".length()) : rest;
        if (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        String value = nic.metadata().get(key);
        if (value == null || value.isEmpty()) {
            notFound(exchange);
        } else {
            Replies.text(exchange, 200, value);
        }
    }

    /** The VR's manifest file: each key with a value, in the order pushed, one per line. */
    static String listing(Map<String, String> metadata) {
        return metadata.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "\n").collect(Collectors.joining());
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        Replies.text(exchange, 404, "not found\n");
    }
}
