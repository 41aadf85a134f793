package org.linuxrouter.daemon.api;

import java.nio.charset.StandardCharsets;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Problem;
import org.linuxrouter.protocol.model.ValidationException;

/** One answer of the API: status, media type and body (empty for 204). */
record HttpResult(int status, String contentType, byte[] body) {

    static HttpResult json(int status, String json) {
        return new HttpResult(status, JsonCodec.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResult text(String contentType, String text) {
        return new HttpResult(200, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResult noContent() {
        return new HttpResult(204, null, new byte[0]);
    }

    static HttpResult problem(JsonCodec codec, int status, String title, String detail) {
        return problem(codec, Problem.builder().status(status).title(title).detail(printable(detail)).build());
    }

    /** A 400 naming the rejected field; the message may quote the client's bytes, so it is made printable. */
    static HttpResult invalid(JsonCodec codec, ValidationException e) {
        // An empty JSON key ("") is a field with an empty path; a problem's field cannot be empty, so say "body".
        String field = e.field().isEmpty() ? "body" : printable(e.field());
        return problem(codec, Problem.builder().status(400).title("invalid request").field(field)
                .detail(printable(e.getMessage())).build());
    }

    /** A 409, naming the request field (e.g. {@code mac}) when the conflict is about one. */
    static HttpResult conflict(JsonCodec codec, org.linuxrouter.daemon.store.ConflictException e) {
        Problem.Builder problem = Problem.builder().status(409).title("conflict").detail(printable(e.getMessage()));
        e.field().ifPresent(field -> problem.field(printable(field)));
        return problem(codec, problem.build());
    }

    /** Control characters (which a problem may not carry) become '?', and the text is capped. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(2000).forEach(c -> b.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return b.toString();
    }

    static HttpResult problem(JsonCodec codec, Problem problem) {
        return new HttpResult(problem.status(), JsonCodec.PROBLEM_JSON,
                codec.encode(problem).getBytes(StandardCharsets.UTF_8));
    }
}
