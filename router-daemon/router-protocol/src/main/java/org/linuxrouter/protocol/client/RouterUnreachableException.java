package org.linuxrouter.protocol.client;

import java.net.URI;

/**
 * No usable answer: connection refused or timed out, TLS failed (including a certificate that does
 * not match the pin), the request timed out, or the thread was interrupted. The change may or may not
 * have been applied; every operation is idempotent, so repeating it later is safe.
 */
public final class RouterUnreachableException extends RouterClientException {
  private static final long serialVersionUID = 1L;

  RouterUnreachableException(URI router, String operation, String problem, Throwable cause) {
    super(router, operation, 0, problem, cause);
  }
}
