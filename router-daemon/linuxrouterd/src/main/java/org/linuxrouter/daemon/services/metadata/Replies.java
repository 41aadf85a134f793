package org.linuxrouter.daemon.services.metadata;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writing an answer: a body with its exact length, none for HEAD, the exchange always closed, and the connection
 * too ({@code Connection: close}).
 */
final class Replies {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String OCTETS = "application/octet-stream";

    private Replies() {
    }

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes(); // guests send GETs; a stray body must not stall keep-alive
            exchange.getResponseHeaders().set("Content-Type", contentType);
            // cloud-init opens a new connection per request: keeping it alive would only make the server re-queue
            // it with its selector, time it as idle and read its EOF later; closing at once saves all three
            exchange.getResponseHeaders().set("Connection", "close");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            // -1: no body; 0 would mean chunked to the JDK server
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    static boolean readOnly(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        text(exchange, 405, "method not allowed\n");
        return false;
    }
}
