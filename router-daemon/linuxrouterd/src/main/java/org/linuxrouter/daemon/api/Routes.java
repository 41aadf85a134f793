package org.linuxrouter.daemon.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.linuxrouter.daemon.kernel.Step;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.PlannedStep;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The resources, one method each: parse the path and body, call {@link NetworkService}, encode the answer. Path
 * segments are parsed as UUIDs before anything else sees them. Errors are thrown and mapped in {@link ApiHandler}.
 */
final class Routes {

    private static final String NETWORKS = "/v1/networks";
    /** Router to router: the peer's guest acknowledged a password (docs/router-api.md, "Router pair"). */
    private static final String PASSWORD_ACK = "password-ack";

    private final NetworkService service;
    private final JsonCodec codec;
    private final PlanSource plans;
    private final MetricsText metrics;

    Routes(NetworkService service, JsonCodec codec, PlanSource plans, MetricsText metrics) {
        this.service = service;
        this.codec = codec;
        this.plans = plans;
        this.metrics = metrics;
    }

    /** True for the one resource Prometheus scrapes without signing (it cannot sign; it carries no secrets). */
    static boolean isPublic(String method, String path) {
        return "GET".equals(method) && "/metrics".equals(path);
    }

    HttpResult handle(String method, String path, byte[] body) throws InterruptedException {
        List<String> parts = segments(path);
        if (path.equals("/metrics")) {
            return only("GET", method, () -> HttpResult.text(MetricsText.CONTENT_TYPE, metrics.render()));
        }
        if (path.equals("/v1/status")) {
            return only("GET", method, () -> HttpResult.json(200, codec.encode(service.status())));
        }
        if (path.equals("/v1/plan")) {
            return only("GET", method, () -> HttpResult.json(200, codec.encode(plan(plans.plan()))));
        }
        if (path.equals(NETWORKS)) {
            return only("GET", method, () -> HttpResult.json(200, codec.encodeNetworkList(service.networks())));
        }
        // "/v1/networks/{uuid}[/nics/{nicUuid}]" splits into "", "v1", "networks", uuid[, "nics", nicUuid]
        if (parts.size() == 4 && path.startsWith(NETWORKS + "/")) {
            return network(method, Uuid.parse("uuid", parts.get(3)), body);
        }
        if (parts.size() == 6 && path.startsWith(NETWORKS + "/") && parts.get(4).equals("nics")) {
            return nic(method, Uuid.parse("uuid", parts.get(3)), Uuid.parse("nicUuid", parts.get(5)), body);
        }
        if (parts.size() == 7 && path.startsWith(NETWORKS + "/") && parts.get(4).equals("nics")
                && parts.get(6).equals(PASSWORD_ACK)) {
            Uuid network = Uuid.parse("uuid", parts.get(3));
            Uuid nic = Uuid.parse("nicUuid", parts.get(5));
            return only("PUT", method, () -> {
                service.acknowledgePassword(network, nic, codec.decodePasswordAck(utf8(body)));
                return HttpResult.noContent();
            });
        }
        throw new NotFound("no resource at " + printable(path));
    }

    private HttpResult network(String method, Uuid uuid, byte[] body) throws InterruptedException {
        switch (method) {
            case "GET":
                return service.network(uuid).map(s -> HttpResult.json(200, codec.encode(s)))
                        .orElseThrow(() -> new NotFound("network " + uuid + " not found"));
            case "PUT":
                NetworkSpec spec = codec.decodeNetworkSpec(utf8(body));
                if (!spec.uuid().equals(uuid)) {
                    throw new ValidationException("uuid", "expected the path's uuid " + uuid + ", got " + spec.uuid());
                }
                return HttpResult.json(200, codec.encode(service.putNetwork(spec).value()));
            case "DELETE":
                service.deleteNetwork(uuid);
                return HttpResult.noContent();
            default:
                throw new MethodNotAllowed("GET, PUT, DELETE");
        }
    }

    private HttpResult nic(String method, Uuid network, Uuid nicUuid, byte[] body) throws InterruptedException {
        switch (method) {
            case "PUT":
                NicSpec nic = codec.decodeNicSpec(utf8(body));
                if (!nic.uuid().equals(nicUuid)) {
                    throw new ValidationException("uuid", "expected the path's nic uuid " + nicUuid + ", got " + nic.uuid());
                }
                return HttpResult.json(200, codec.encode(service.putNic(network, nic).value()));
            case "DELETE":
                service.deleteNic(network, nicUuid);
                return HttpResult.noContent();
            default:
                throw new MethodNotAllowed("PUT, DELETE");
        }
    }

    private static HttpResult only(String allowed, String method, java.util.function.Supplier<HttpResult> action) {
        if (!allowed.equals(method)) {
            throw new MethodNotAllowed(allowed);
        }
        return action.get();
    }

    /** The steps as the protocol's Plan; a step of no network (host-wide or an orphan) has no uuid. */
    private static Plan plan(List<Step> steps) {
        Plan.Builder plan = Plan.builder();
        for (Step s : steps) {
            PlannedStep.Builder step = PlannedStep.builder().action(s.describe());
            if (!s.network().isEmpty()) {
                step.network(Uuid.parse("network", s.network()));
            }
            plan.addStep(step.build());
        }
        return plan.build();
    }

    private static List<String> segments(String path) {
        return List.of(path.split("/", -1));
    }

    /** Strict UTF-8: a body that is not valid UTF-8 is a 400, never silently repaired. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ValidationException("body", "expected UTF-8 JSON, got undecodable bytes");
        }
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : "?"));
        return b.toString();
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class MethodNotAllowed extends RuntimeException {
        final String allow;

        MethodNotAllowed(String allow) {
            super("method not allowed; allowed: " + allow);
            this.allow = allow;
        }
    }
}
