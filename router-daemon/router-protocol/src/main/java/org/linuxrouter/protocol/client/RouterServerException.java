package org.linuxrouter.protocol.client;

import java.net.URI;
import java.util.Optional;
import org.linuxrouter.protocol.model.Problem;

/**
 * The router answered 5xx (503 after retries), or answered 2xx with a body this client cannot read
 * (a version mismatch). Whether the change was applied is unknown; repeating it later is safe.
 */
public final class RouterServerException extends RouterClientException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  RouterServerException(URI router, String operation, int status, Problem problem, String detail, Throwable cause) {
    super(router, operation, status, detail, cause);
    this.problem = problem;
  }

  /** The router's problem details, when it sent some. */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }
}
