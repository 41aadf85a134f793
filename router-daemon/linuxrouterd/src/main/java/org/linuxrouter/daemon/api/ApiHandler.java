package org.linuxrouter.daemon.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import org.linuxrouter.daemon.kernel.KernelException;
import org.linuxrouter.daemon.store.ConflictException;
import org.linuxrouter.daemon.store.StoreException;
import org.linuxrouter.protocol.auth.SignatureVerifier;
import org.linuxrouter.protocol.auth.Verification;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The request pipeline, in order: rate limit (429), body size (413), signature (401), media type (415), then the
 * resource. Every failure becomes an RFC 9457 problem naming what was wrong; bad input never changes state (all
 * checks run before {@link NetworkService} commits) and never yields a 5xx. Only a failure of the daemon itself
 * (the state file cannot be written) answers 503.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final int DRAIN_FACTOR = 16;

    private final Routes routes;
    private final SignatureVerifier verifier;
    private final RateLimiter limiter;
    private final int maxBodyBytes;
    private final JsonCodec codec;
    private final MetricsText metrics;

    ApiHandler(Routes routes, SignatureVerifier verifier, RateLimiter limiter, int maxBodyBytes, JsonCodec codec,
               MetricsText metrics) {
        this.routes = routes;
        this.verifier = verifier;
        this.limiter = limiter;
        this.maxBodyBytes = maxBodyBytes;
        this.codec = codec;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpResult result;
        try {
            result = process(exchange);
        } catch (RuntimeException | LinkageError e) { // a broken install must answer 500, not leave the client hanging
            LOG.log(Level.ERROR, "unexpected failure serving " + exchange.getRequestMethod() + " "
                    + Routes.printable(exchange.getRequestURI().getRawPath()), e);
            result = HttpResult.problem(codec, 500, "internal error", "the router failed unexpectedly; see its log");
        }
        metrics.countResponse(result.status());
        write(exchange, result);
    }

    private HttpResult process(HttpExchange exchange) throws IOException {
        if (!limiter.tryAcquire(exchange.getRemoteAddress().getAddress().getHostAddress())) {
            return HttpResult.problem(codec, 429, "too many requests", "slow down and retry");
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = readBody(exchange);
        if (body == null) {
            return HttpResult.problem(codec, 413, "request too large", "expected a body of at most " + maxBodyBytes
                    + " bytes");
        }
        if (!Routes.isPublic(method, path)) {
            String target = query == null ? path : path + "?" + query;
            Verification v = verifier.verify(method, target, exchange.getRequestHeaders()::get, body);
            if (!v.isValid()) {
                boolean full = v.failure().orElseThrow() == Verification.Failure.NONCE_CACHE_FULL;
                return HttpResult.problem(codec, full ? 503 : 401, full ? "busy" : "unauthorized", v.detail());
            }
        }
        if (query != null) {
            return HttpResult.problem(codec, 400, "invalid request", "expected no query string, got one");
        }
        if ("PUT".equals(method) && !isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            return HttpResult.problem(codec, 415, "unsupported media type", "expected Content-Type: application/json");
        }
        return dispatch(method, path, body, exchange);
    }

    private HttpResult dispatch(String method, String path, byte[] body, HttpExchange exchange) {
        try {
            return routes.handle(method, path, body);
        } catch (ValidationException e) {
            return HttpResult.invalid(codec, e);
        } catch (ConflictException e) {
            return HttpResult.conflict(codec, e);
        } catch (Routes.NotFound | NetworkService.NotFoundException e) {
            return HttpResult.problem(codec, 404, "not found", e.getMessage());
        } catch (Routes.MethodNotAllowed e) {
            exchange.getResponseHeaders().set("Allow", e.allow);
            return HttpResult.problem(codec, 405, "method not allowed", e.getMessage());
        } catch (KernelException e) {
            LOG.log(Level.WARNING, "kernel state unreadable: " + e.getMessage(), e);
            return HttpResult.problem(codec, 503, "unavailable", "the router cannot read its kernel state right now; retry");
        } catch (StoreException e) {
            LOG.log(Level.ERROR, "desired state not saved: " + e.getMessage(), e);
            return HttpResult.problem(codec, 503, "unavailable", "the router could not save its state; nothing changed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResult.problem(codec, 503, "unavailable", "the router is shutting down");
        }
    }

    /**
     * The body, or null when it is larger than allowed. An oversized body is drained (up to
     * {@link #DRAIN_FACTOR} times the limit, never stored) so the client reads the 413 instead of a reset connection;
     * beyond that the connection is simply closed.
     */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length <= maxBodyBytes) {
                return body;
            }
            byte[] chunk = new byte[64 * 1024];
            for (long left = (long) maxBodyBytes * DRAIN_FACTOR; left > 0; left -= chunk.length) {
                if (in.read(chunk) < 0) {
                    break;
                }
            }
            return null;
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals(JsonCodec.JSON);
    }

    private static void write(HttpExchange exchange, HttpResult result) throws IOException {
        if (result.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", result.contentType());
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean empty = result.body().length == 0;
        exchange.sendResponseHeaders(result.status(), empty ? -1 : result.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(result.body());
            }
        }
        exchange.close();
    }
}
