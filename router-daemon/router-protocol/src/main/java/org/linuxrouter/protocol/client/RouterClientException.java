package org.linuxrouter.protocol.client;

import java.net.URI;
import java.util.OptionalInt;

/**
 * A call to a router failed. The message names the router URL and the operation (e.g.
 * {@code putNetwork 3f25...}); subclasses say whether the router could not be reached, refused the
 * request (4xx, with its {@link org.linuxrouter.protocol.model.Problem}) or failed (5xx).
 */
public class RouterClientException extends Exception {
  private static final long serialVersionUID = 1L;

  private final URI router;
  private final String operation;
  private final int status;

  RouterClientException(URI router, String operation, int status, String problem, Throwable cause) {
    super("router " + router + " " + operation + ": " + problem, cause);
    this.router = router;
    this.operation = operation;
    this.status = status;
  }

  /** The router's base URL. */
  public URI router() {
    return router;
  }

  /** The operation and its key, e.g. {@code deleteNic 3f25.../9c5b...}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status the router answered with, if it answered. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
