package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.ApiTokenSource;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.nexus.model.SessionResponseBody;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.internal.http.Exchange;
import io.github.mxmembers.internal.http.Responses;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.hc.core5.http.message.BasicHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Nexus session open: opens it with a one-time API token at {@code POST /sessions}, reuses
 * it for its sliding 30 minutes, and renews it shortly before it lapses or when MX reports it expired
 * (error code 4011). Under concurrency one renewal serves every waiting caller. Thread-safe.
 */
public final class SessionManager {
  /** MX: a session is valid for 30 minutes, and the counter is refreshed with each call. */
  public static final Duration LIFETIME = Duration.ofMinutes(30);
  /** Renew this long before the session would lapse, so a call never starts on a dying session. */
  public static final Duration RENEW_MARGIN = Duration.ofMinutes(1);
  /** MX's error code for an expired session. */
  public static final int EXPIRED_CODE = 4011;

  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private final Exchange exchange;
  private final ApiTokenSource tokens;
  private final PreparedRequest openRequest = SessionsApi.createSessionRequest();
  private final Object lock = new Object();
  private volatile Session session;

  public SessionManager(Exchange exchange, ApiTokenSource tokens) {
    this.exchange = Objects.requireNonNull(exchange, "exchange == null");
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
  }

  /** The open session, opening or renewing it first if it is missing or about to lapse. */
  public Session current() {
    Session current = session;
    if (current != null && !current.lapsesWithin(RENEW_MARGIN, LIFETIME, exchange.clock().instant())) {
      return current;
    }
    return renew(current);
  }

  /**
   * Replaces a session that MX no longer accepts. When another caller has already replaced it, that
   * caller's session is returned and no second one is opened.
   */
  public Session renew(Session stale) {
    synchronized (lock) {
      Session current = session;
      if (current != null
          && current != stale
          && !current.lapsesWithin(RENEW_MARGIN, LIFETIME, exchange.clock().instant())) {
        return current;
      }
      Session opened = open();
      session = opened;
      return opened;
    }
  }

  /** Records a call made with the session at that time: its 30 minutes start again. */
  public void used(Session used, Instant at) {
    used.usedAt(at);
  }

  private Session open() {
    String apiToken = tokens.fetchApiToken();
    if (apiToken == null || apiToken.isBlank()) {
      throw new IllegalStateException("the ApiTokenSource returned no API token");
    }
    Instant openedAt = exchange.clock().instant();
    // not idempotent: the API token is single-use, so this is retried only if it was never sent
    Exchange.Outcome outcome =
        exchange.execute(
            openRequest,
            false,
            new BasicHeader(SessionsApi.CREATE_SESSION_AUTH_HEADER, apiToken));
    SessionResponseBody body =
        Responses.body(MxApi.NEXUS, openRequest, outcome, SessionsApi::createSessionResponse);
    if (body == null || body.getSession() == null || body.getSession().getToken() == null) {
      throw new MxResponseException(
          MxApi.NEXUS,
          "MX answered " + openRequest + " without a session token",
          outcome.response().status(),
          outcome.attempts(),
          outcome.response().header(Responses.REQUEST_ID),
          null);
    }
    LOG.debug("opened a Nexus session");
    return new Session(
        new BasicHeader(MembersApi.UPDATE_MEMBER_AUTH_HEADER, body.getSession().getToken()),
        openedAt);
  }

  @Override
  public String toString() {
    return "SessionManager{" + session + "}";
  }
}
