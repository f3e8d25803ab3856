package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.ApiTokenSource;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.nexus.model.ApiTokenResponseBody;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.internal.http.Exchange;
import io.github.mxmembers.internal.http.Responses;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/** Reads a one-time API token from MX's SSO API with the {@code MD-API-KEY}. */
public final class SsoApiTokenSource implements ApiTokenSource {
  private final Exchange exchange;
  private final PreparedRequest request;
  private final Header apiKey;

  public SsoApiTokenSource(Exchange exchange, String clientId, String userId, String apiKey) {
    this.exchange = exchange;
    this.request = SessionsApi.readApiTokenRequest(clientId, userId);
    this.apiKey = new BasicHeader(SessionsApi.READ_API_TOKEN_AUTH_HEADER, apiKey);
  }

  @Override
  public String fetchApiToken() {
    // a GET: each one issues a new token, so repeating it after a failure is harmless
    Exchange.Outcome outcome = exchange.execute(request, true, apiKey);
    ApiTokenResponseBody body =
        Responses.body(MxApi.NEXUS, request, outcome, SessionsApi::readApiTokenResponse);
    if (body == null || body.getUser() == null || body.getUser().getApiToken() == null) {
      throw new MxResponseException(
          MxApi.NEXUS,
          "the SSO API answered " + request + " without an api_token",
          outcome.response().status(),
          outcome.attempts(),
          outcome.response().header(Responses.REQUEST_ID),
          null);
    }
    return body.getUser().getApiToken();
  }

  @Override
  public String toString() {
    return "SsoApiTokenSource{" + request + "}";
  }
}
