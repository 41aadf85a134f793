package org.linuxrouter.protocol.client;

import java.net.URI;
import org.linuxrouter.protocol.model.Problem;

/**
 * The router refused the request with a 4xx: invalid input (400/422, {@link Problem#field()} names the
 * field), bad signature or clock skew (401), conflict (409), or rate limiting (429, after retries).
 * Repeating the same request will fail the same way.
 */
public final class RouterRejectedException extends RouterClientException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  RouterRejectedException(URI router, String operation, Problem problem) {
    super(router, operation, problem.status(), "rejected with " + problem.status() + " " + problem.title()
        + problem.detail().map(d -> ": " + d).orElse(""), null);
    this.problem = problem;
  }

  /** The router's problem details (RFC 9457). */
  public Problem problem() {
    return problem;
  }
}
