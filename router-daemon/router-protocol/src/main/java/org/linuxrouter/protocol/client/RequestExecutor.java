package org.linuxrouter.protocol.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.linuxrouter.protocol.auth.RequestSigner;
import org.linuxrouter.protocol.auth.SignatureHeaders;
import org.linuxrouter.protocol.json.JsonCodec;

/**
 * The request pipeline of {@link HttpRouterClient}: sign, send, retry, and turn transport failures
 * into {@link RouterUnreachableException}. Each attempt is signed afresh, because the router refuses
 * a nonce it has seen. Status codes other than the retryable 503/429 are left to the caller to map.
 */
final class RequestExecutor {
  /** One logical call: what to log, what to send, and whether repeating it is harmless. */
  static final class Call {
    final String operation;
    final String method;
    final String target;
    final byte[] body;
    final boolean idempotent;

    Call(String operation, String method, String target, byte[] body, boolean idempotent) {
      this.operation = operation;
      this.method = method;
      this.target = target;
      this.body = body;
      this.idempotent = idempotent;
    }
  }

  private final RouterClientConfig config;
  private final RequestSigner signer;
  private final HttpClient http;

  RequestExecutor(RouterClientConfig config, RequestSigner signer) {
    this.config = config;
    this.signer = signer;
    this.http = HttpClient.newBuilder()
        .sslContext(pinnedContext(config.pin()))
        .sslParameters(tlsParameters())
        .connectTimeout(config.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        // Routers sit on the management network; a JVM-wide proxy set for CloudStack's internet
        // access must not see (or break) these calls.
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
  }

  private static SSLContext pinnedContext(CertificateFingerprint pin) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new PinnedTrustManager(pin)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("tls: expected the jdk to provide a TLS context, got " + e, e);
    }
  }

  private static SSLParameters tlsParameters() {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    return parameters;
  }

  URI router() {
    return config.baseUrl();
  }

  /** Sends {@code call}, retrying connect failures, 503 and 429 when it is idempotent. */
  HttpResponse<byte[]> execute(Call call) throws RouterUnreachableException {
    for (int attempt = 1; ; attempt++) {
      boolean canRetry = call.idempotent && attempt < config.maxAttempts();
      try {
        HttpResponse<byte[]> response = http.send(request(call), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if ((status == 503 || status == 429) && canRetry) {
          pause(call, attempt);
          continue;
        }
        return response;
      } catch (HttpConnectTimeoutException | ConnectException e) {
        if (canRetry) {
          pause(call, attempt);
          continue;
        }
        throw unreachable(call, "expected a connection within " + config.connectTimeout() + ", got "
            + describe(e) + " after " + attempt + (attempt == 1 ? " attempt" : " attempts"), e);
      } catch (HttpTimeoutException e) {
        throw unreachable(call, "expected a response within " + config.requestTimeout() + ", got none", e);
      } catch (SSLException e) {
        throw unreachable(call, "expected a tls handshake with the pinned certificate, got " + tlsReason(e), e);
      } catch (IOException e) {
        throw unreachable(call, "expected a response, got " + describe(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unreachable(call, "expected to wait for the response, got interrupted", e);
      }
    }
  }

  private HttpRequest request(Call call) {
    byte[] body = call.body == null ? new byte[0] : call.body;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + call.target))
        .timeout(config.requestTimeout())
        .header("Accept", JsonCodec.JSON + ", " + JsonCodec.PROBLEM_JSON)
        .method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (call.body != null) {
      request.header("Content-Type", JsonCodec.JSON);
    }
    for (Map.Entry<String, String> header : signer.sign(call.method, call.target, body).asMap().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    return request.build();
  }

  private void pause(Call call, int attempt) throws RouterUnreachableException {
    try {
      Thread.sleep(config.backoff(attempt).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(call, "expected to wait before retrying, got interrupted", e);
    }
  }

  private RouterUnreachableException unreachable(Call call, String problem, Throwable cause) {
    return new RouterUnreachableException(config.baseUrl(), call.operation, problem, cause);
  }

  /** The pin mismatch message from {@link PinnedTrustManager}, if that is why TLS failed. */
  private static String tlsReason(SSLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return t.getMessage();
      }
    }
    return describe(e);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
