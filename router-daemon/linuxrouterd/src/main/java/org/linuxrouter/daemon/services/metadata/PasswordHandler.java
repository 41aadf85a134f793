package org.linuxrouter.daemon.services.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;

/**
 * Port 8080: the virtual router's password server (systemvm/debian/opt/cloud/bin/passwd_server_ip.py), which
 * answers GETs by their {@code DomU_Request} header whatever the path:
 * <ul>
 * <li>{@code send_my_password}: the guest's password, or {@code saved_password} when it has none (or is
 * unknown);</li>
 * <li>{@code saved_password}: the guest saved it; the password is forgotten and {@code saved_password}
 * returned;</li>
 * <li>anything else: 400 {@code bad_request}.</li>
 * </ul>
 * The VR also takes a POST {@code save_password} from localhost; here passwords arrive through the REST API only,
 * so other methods are refused.
 */
final class PasswordHandler implements HttpHandler {

    static final String HEADER = "DomU_Request";
    static final String SAVED = "saved_password";

    private final GuestDataService service;

    PasswordHandler(GuestDataService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.readOnly(exchange)) {
            return;
        }
        exchange.getResponseHeaders().set("Server", "CloudStack Password Server");
        String request = exchange.getRequestHeaders().getFirst(HEADER);
        if ("send_my_password".equals(request)) {
            Optional<String> password = nic(exchange).flatMap(GuestNic::password);
            if (password.isPresent()) {
                service.countPasswordSent();
            }
            Replies.text(exchange, 200, password.orElse(SAVED));
        } else if (SAVED.equals(request)) {
            nic(exchange).ifPresent(service::acknowledge);
            Replies.text(exchange, 200, SAVED);
        } else {
            Replies.text(exchange, 400, "bad_request");
        }
    }

    private Optional<GuestNic> nic(HttpExchange exchange) {
        return service.lookup(exchange.getLocalAddress().getAddress(), exchange.getRemoteAddress().getAddress());
    }
}
