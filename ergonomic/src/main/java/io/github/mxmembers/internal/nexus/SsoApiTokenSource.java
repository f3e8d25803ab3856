package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.nexus.model.ApiTokenResponseBody;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Failures;
import io.github.mxmembers.internal.pipeline.Outgoing;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.Response;
import io.github.mxmembers.internal.pipeline.Responses;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a one-time API token from MX's SSO API, through a pipeline that authenticates with the
 * {@code MD-API-KEY}.
 */
@InternalApi
public final class SsoApiTokenSource implements TokenFetcher {
  private final Pipeline pipeline;
  private final PreparedRequest request;

  public SsoApiTokenSource(Pipeline pipeline, String clientId, String userId) {
    this.pipeline = pipeline;
    this.request = SessionsApi.readApiTokenRequest(clientId, userId);
  }

  @Override
  public CompletableFuture<String> fetch(Call call) {
    // a GET: each one issues a new token, so repeating it after a failure is harmless
    return pipeline.execute(call, Outgoing.idempotent(request)).thenApply(response -> token(call, response));
  }

  private String token(Call call, Response response) {
    ApiTokenResponseBody body = Responses.body(call, request, response, SessionsApi::readApiTokenResponse);
    if (body == null || body.getUser() == null || body.getUser().getApiToken() == null) {
      throw Failures.unreadable(call, request, response, "no api_token", null);
    }
    return body.getUser().getApiToken();
  }

  @Override
  public String toString() {
    return "SsoApiTokenSource{" + request + "}";
  }
}
