package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.generated.nexus.api.SessionsApi;
import io.github.mxmembers.generated.nexus.model.SessionRequestBody;
import io.github.mxmembers.generated.nexus.model.SessionResponseBody;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Failures;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.internal.pipeline.Outgoing;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.Response;
import io.github.mxmembers.internal.pipeline.Responses;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.message.BasicHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Nexus session open: opens it with a one-time API token at {@code POST /sessions}, reuses
 * it for its sliding 30 minutes, and renews it shortly before it lapses or when MX reports it expired
 * (error code 4011). The session is opened inside the call that needs it, under that call's deadline
 * and retry budget; concurrent callers share one opening and wait for it no longer than their own
 * deadline allows (an async caller without holding a thread). Thread-safe.
 */
@InternalApi
public final class SessionManager {
  /** MX: a session is valid for 30 minutes, and the counter is refreshed with each call. */
  public static final Duration LIFETIME = Duration.ofMinutes(30);
  /** Renew this long before the session would lapse, so a call never starts on a dying session. */
  public static final Duration RENEW_MARGIN = Duration.ofMinutes(1);
  /** MX's error code for an expired session. */
  public static final int EXPIRED_CODE = 4011;

  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private final Pipeline pipeline;
  private final TokenFetcher tokens;
  private final PreparedRequest openRequest;
  private final Object lock = new Object();
  private volatile Session session;
  /** The opening under way, which other callers wait for; guarded by {@code lock}. */
  private CompletableFuture<Session> opening;

  /**
   * @param pipeline retries and sends {@code POST /sessions} (it carries its own auth header)
   * @param skipAggregation whether opening a session asks MX to start no aggregation of the user's
   *     members ({@code {"skip_aggregation": true}}); false sends no body
   */
  public SessionManager(Pipeline pipeline, TokenFetcher tokens, boolean skipAggregation) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline == null");
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
    this.openRequest = SessionsApi.createSessionRequest(skipAggregation ? new SessionRequestBody().skipAggregation(true) : null);
  }

  /** {@return the open session, opening or renewing it first if it is missing or about to lapse} */
  public CompletableFuture<Session> current(Call call) {
    Session current = session;
    if (current != null && !current.lapsesWithin(RENEW_MARGIN, LIFETIME, call.clock().instant())) {
      return CompletableFuture.completedFuture(current);
    }
    return replace(current, call, current == null ? "no session yet" : "about to lapse");
  }

  /**
   * Replaces a session MX reported expired. When another caller has already replaced it, that
   * caller's session is returned and no second one is opened.
   */
  public CompletableFuture<Session> renew(Session expired, Call call) {
    return replace(expired, call, "expired (" + EXPIRED_CODE + ")");
  }

  private CompletableFuture<Session> replace(Session stale, Call call, String reason) {
    CompletableFuture<Session> pending;
    boolean mine = false;
    synchronized (lock) {
      Session current = session;
      if (current != null
          && current != stale
          && !current.lapsesWithin(RENEW_MARGIN, LIFETIME, call.clock().instant())) {
        return CompletableFuture.completedFuture(current);
      }
      if (opening == null) {
        opening = new CompletableFuture<>();
        mine = true;
      }
      pending = opening;
    }
    if (!mine) {
      // the opening call's failure, if it fails, is this call's too; but not its cancellation: then
      // this call (or another waiting one) opens the session itself
      return call.within(pending, "while another call opened the session")
          .exceptionallyCompose(
              failure -> {
                Throwable cause = Futures.unwrap(failure);
                return cause instanceof OpenerCancelled && !call.isCancelled()
                    ? replace(stale, call, reason)
                    : CompletableFuture.failedFuture(cause);
              });
    }
    CompletableFuture<Session> own = new CompletableFuture<>();
    open(call, reason, stale != null)
        .whenComplete(
            (opened, failure) -> {
              synchronized (lock) {
                if (failure == null) {
                  session = opened;
                }
                opening = null;
              }
              if (failure == null) {
                pending.complete(opened);
                own.complete(opened);
              } else {
                Throwable cause = Futures.unwrap(failure);
                pending.completeExceptionally(call.isCancelled() ? new OpenerCancelled() : cause);
                own.completeExceptionally(cause);
              }
            });
    return own;
  }

  /** Tells the calls waiting for an opening that its call was cancelled: they go on without it. */
  private static final class OpenerCancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OpenerCancelled() {
      super("the call opening the session was cancelled", null, false, false);
    }
  }

  private CompletableFuture<Session> open(Call call, String reason, boolean renewal) {
    return tokens
        .fetch(call)
        .handle((apiToken, failure) -> checkedToken(call, apiToken, failure))
        .thenCompose(
            apiToken -> {
              Instant openedAt = call.clock().instant();
              // sent once: the API token is single-use, so it is retried only if it was never sent
              Outgoing request =
                  Outgoing.once(openRequest)
                      .withAuth(new BasicHeader(SessionsApi.CREATE_SESSION_AUTH_HEADER, apiToken));
              return pipeline
                  .execute(call, request)
                  .thenApply(response -> opened(call, response, openedAt, reason, renewal));
            });
  }

  /**
   * The API token a source gave, or the {@code MxException} the call fails with: a caller's source
   * that threw, failed its stage or gave no usable token is named, its value never quoted.
   */
  private String checkedToken(Call call, String apiToken, Throwable failure) {
    if (failure != null) {
      Throwable cause = Futures.unwrap(failure);
      if (cause instanceof MxException || cause instanceof java.util.concurrent.CancellationException) {
        throw Futures.rethrow(cause);
      }
      throw Failures.callersCode(
          call, openRequest, "the API-token source failed with " + cause.getClass().getName() + "; no session was opened", cause);
    }
    if (apiToken == null || apiToken.isEmpty()) {
      throw Failures.callersCode(call, openRequest, "the API-token source gave no API token; no session was opened", null);
    }
    int bad = notHeaderSafe(apiToken);
    if (bad >= 0) {
      throw Failures.callersCode(
          call,
          openRequest,
          "the API-token source gave a token with a character a header cannot carry (at index " + bad + "); it was not sent",
          null);
    }
    return apiToken;
  }

  /**
   * The index of the first character of a token that is not visible ASCII (a CR or LF would end the
   * header and HttpClient sends such characters as spaces), or -1 when there is none.
   */
  static int notHeaderSafe(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return i;
      }
    }
    return -1;
  }

  private Session opened(Call call, Response response, Instant openedAt, String reason, boolean renewal) {
    SessionResponseBody body = Responses.body(call, openRequest, response, SessionsApi::createSessionResponse);
    if (body == null || body.getSession() == null || body.getSession().getToken() == null) {
      throw Failures.unreadable(call, openRequest, response, "no session token", null);
    }
    String token = body.getSession().getToken();
    if (token.isEmpty() || notHeaderSafe(token) >= 0) {
      throw Failures.unreadable(call, openRequest, response, "a session token that no header can carry", null);
    }
    LOG.debug("opened a Nexus session ({})", reason);
    call.sessionOpened(reason, renewal);
    return new Session(new BasicHeader(MembersApi.UPDATE_MEMBER_AUTH_HEADER, token), openedAt);
  }

  @Override
  public String toString() {
    return "SessionManager{" + session + "}";
  }
}
