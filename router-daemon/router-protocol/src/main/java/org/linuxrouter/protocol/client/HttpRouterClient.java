package org.linuxrouter.protocol.client;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linuxrouter.protocol.auth.RequestSigner;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.Problem;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * {@link RouterClient} over HTTPS with {@code java.net.http}: one instance per router, thread-safe,
 * holding one connection pool. See {@link RouterClientConfig} for timeouts and retries; every
 * operation of this API is idempotent, so all of them may be retried.
 */
public final class HttpRouterClient implements RouterClient {
  private final RequestExecutor executor;
  private final JsonCodec codec = new JsonCodec();

  public HttpRouterClient(RouterClientConfig config) {
    this.executor = new RequestExecutor(config, new RequestSigner(config.secret()));
  }

  /** With a given signer, so tests can control the clock of the signatures. */
  HttpRouterClient(RouterClientConfig config, RequestSigner signer) {
    this.executor = new RequestExecutor(config, signer);
  }

  @Override
  public NetworkState putNetwork(NetworkSpec spec) throws RouterClientException {
    RequestExecutor.Call call = call("putNetwork " + spec.uuid(), "PUT", networkPath(spec.uuid()),
        codec.encode(spec));
    return expectBody(call, executor.execute(call), codec::decodeNetworkState);
  }

  @Override
  public Optional<NetworkState> getNetwork(Uuid network) throws RouterClientException {
    RequestExecutor.Call call = call("getNetwork " + network, "GET", networkPath(network), null);
    HttpResponse<byte[]> response = executor.execute(call);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(expectBody(call, response, codec::decodeNetworkState));
  }

  @Override
  public List<NetworkState> listNetworks() throws RouterClientException {
    RequestExecutor.Call call = call("listNetworks", "GET", "/v1/networks", null);
    return expectBody(call, executor.execute(call), codec::decodeNetworkList);
  }

  @Override
  public void deleteNetwork(Uuid network) throws RouterClientException {
    expectGone(call("deleteNetwork " + network, "DELETE", networkPath(network), null));
  }

  @Override
  public NetworkState putNic(Uuid network, NicSpec nic) throws RouterClientException {
    RequestExecutor.Call call = call("putNic " + network + "/" + nic.uuid(), "PUT", nicPath(network, nic.uuid()),
        codec.encode(nic));
    return expectBody(call, executor.execute(call), codec::decodeNetworkState);
  }

  @Override
  public void deleteNic(Uuid network, Uuid nic) throws RouterClientException {
    expectGone(call("deleteNic " + network + "/" + nic, "DELETE", nicPath(network, nic), null));
  }

  /**
   * Tells this router that a guest acknowledged its password on the other router of the pair, so it forgets it
   * too ({@code PUT .../nics/{nicUuid}/password-ack}, answered 204 whether or not it still held that password).
   * Router to router only: the plugin never calls it, so it is not part of {@link RouterClient}.
   */
  public void acknowledgePassword(Uuid network, Uuid nic, PasswordAck ack) throws RouterClientException {
    RequestExecutor.Call call = call("acknowledgePassword " + network + "/" + nic, "PUT",
        nicPath(network, nic) + "/password-ack", codec.encode(ack));
    HttpResponse<byte[]> response = executor.execute(call);
    if (!isSuccess(response.statusCode())) {
      throw failure(call, response);
    }
  }

  @Override
  public RouterStatus status() throws RouterClientException {
    RequestExecutor.Call call = call("status", "GET", "/v1/status", null);
    return expectBody(call, executor.execute(call), codec::decodeRouterStatus);
  }

  @Override
  public Plan plan() throws RouterClientException {
    RequestExecutor.Call call = call("plan", "GET", "/v1/plan", null);
    return expectBody(call, executor.execute(call), codec::decodePlan);
  }

  @Override
  public String toString() {
    return "HttpRouterClient{" + executor.router() + "}";
  }

  private static String networkPath(Uuid network) {
    return "/v1/networks/" + network.value();
  }

  private static String nicPath(Uuid network, Uuid nic) {
    return networkPath(network) + "/nics/" + nic.value();
  }

  private static RequestExecutor.Call call(String operation, String method, String target, String json) {
    byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    return new RequestExecutor.Call(operation, method, target, body, true);
  }

  /** A delete succeeded if the router removed the resource or never had it (404). */
  private void expectGone(RequestExecutor.Call call) throws RouterClientException {
    HttpResponse<byte[]> response = executor.execute(call);
    if (response.statusCode() != 404 && !isSuccess(response.statusCode())) {
      throw failure(call, response);
    }
  }

  private <T> T expectBody(RequestExecutor.Call call, HttpResponse<byte[]> response, Function<String, T> decode)
      throws RouterClientException {
    if (!isSuccess(response.statusCode())) {
      throw failure(call, response);
    }
    try {
      return decode.apply(new String(response.body(), StandardCharsets.UTF_8));
    } catch (ValidationException e) {
      throw new RouterServerException(executor.router(), call.operation, response.statusCode(), null,
          "expected a response body this client understands, got " + e.getMessage(), e);
    }
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private RouterClientException failure(RequestExecutor.Call call, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    Optional<Problem> problem = problem(response);
    if (status >= 400 && status < 500) {
      return new RouterRejectedException(executor.router(), call.operation, problem.orElseGet(() ->
          Problem.builder().title("http " + status).status(status).detail("router sent no problem details").build()));
    }
    String detail = "expected a 2xx response, got " + status
        + problem.map(p -> " " + p.title() + p.detail().map(d -> ": " + d).orElse("")).orElse("");
    return new RouterServerException(executor.router(), call.operation, status, problem.orElse(null), detail, null);
  }

  private Optional<Problem> problem(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status < 400 || status > 599 || response.body().length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(codec.decodeProblem(new String(response.body(), StandardCharsets.UTF_8)));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }
}
