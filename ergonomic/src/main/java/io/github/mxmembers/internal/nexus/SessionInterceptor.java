package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Interceptor;
import io.github.mxmembers.internal.pipeline.Response;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Nexus authentication as a step of the pipeline: attaches the session (opening one first when
 * needed), and when MX answers 4011 renews it once and sends the request again. Each use of a
 * session restarts its 30 minutes.
 */
@InternalApi
public final class SessionInterceptor implements Interceptor {
  private final SessionManager sessions;

  public SessionInterceptor(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public CompletableFuture<Response> intercept(Chain chain) {
    Call call = chain.call();
    return sessions
        .current(call)
        .thenCompose(
            session ->
                send(chain, session)
                    .thenCompose(
                        response ->
                            isExpired(response)
                                ? sessions.renew(session, call).thenCompose(renewed -> send(chain, renewed))
                                : CompletableFuture.completedFuture(response)));
  }

  /** Sends with this session, which the send keeps alive for another 30 minutes. */
  private static CompletableFuture<Response> send(Chain chain, Session session) {
    Instant sentAt = chain.call().clock().instant();
    return chain.proceed(chain.request().withAuth(session.header()))
        .thenApply(
            response -> {
              if (!isExpired(response)) {
                session.usedAt(sentAt);
              }
              return response;
            });
  }

  /** MX's one documented error code a client acts on. */
  private static boolean isExpired(Response response) {
    return !response.isSuccess() && Objects.equals(response.error().code(), SessionManager.EXPIRED_CODE);
  }
}
