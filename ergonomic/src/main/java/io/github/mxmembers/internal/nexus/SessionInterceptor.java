package io.github.mxmembers.internal.nexus;

import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Interceptor;
import io.github.mxmembers.internal.pipeline.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Nexus authentication as a step of the pipeline: attaches the session (opening one first when
 * needed), and when MX answers 4011 renews it once and sends the request again. Each use of a
 * session restarts its 30 minutes.
 */
public final class SessionInterceptor implements Interceptor {
  private final SessionManager sessions;

  public SessionInterceptor(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Call call = chain.call();
    Session session = sessions.current(call);
    Instant sentAt = call.clock().instant();
    Response response = chain.proceed(chain.request().withAuth(session.header()));
    if (isExpired(response)) {
      session = sessions.renew(session, call);
      sentAt = call.clock().instant();
      response = chain.proceed(chain.request().withAuth(session.header()));
    }
    session.usedAt(sentAt);
    return response;
  }

  /** MX's one documented error code a client acts on. */
  private static boolean isExpired(Response response) {
    return !response.isSuccess() && Objects.equals(response.error().code(), SessionManager.EXPIRED_CODE);
  }
}
