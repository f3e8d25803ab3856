package io.github.mxmembers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Failures;
import io.github.mxmembers.internal.pipeline.Response;
import io.github.mxmembers.internal.pipeline.Responses;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What an update returned: the member as MX now has it, the HTTP status, how many attempts it took
 * and MX's request id.
 */
public final class MemberUpdateResult {
  private final MxApi api;
  private final int status;
  private final Member member;
  private final int attempts;
  private final String requestId;

  private MemberUpdateResult(MxApi api, int status, Member member, int attempts, String requestId) {
    this.api = api;
    this.status = status;
    this.member = member;
    this.attempts = attempts;
    this.requestId = requestId;
  }

  /**
   * Reads the call's last response: the member from its JSON, or the exception it amounts to.
   *
   * @param parser the generated reader of the operation's success bodies
   * @param toMember the API's mapping from the body to a {@link Member}
   */
  static MemberUpdateResult read(
      Call call,
      PreparedRequest request,
      Response response,
      BiFunction<Integer, byte[], JsonObject> parser,
      Function<JsonObject, Member> toMember) {
    JsonObject body = Responses.body(call, request, response, parser);
    Member member;
    try {
      member = body == null ? null : toMember.apply(body);
    } catch (JsonParseException e) {
      throw Failures.unreadable(call, request, response, "a member unlike the spec's (" + e.getMessage() + ")", e);
    }
    return new MemberUpdateResult(call.api(), response.status(), member, call.attempts(), response.requestId());
  }

  /** {@return the API the update was sent to} */
  public MxApi api() {
    return api;
  }

  /** {@return 200, or 202 when a job of the same type is already running, or 204 with no body} */
  public int status() {
    return status;
  }

  /** {@return true for 202: MX accepted the update but a job of that type was already running} */
  public boolean jobAlreadyRunning() {
    return status == 202;
  }

  /** {@return the member as MX now has it; empty when MX answered without a body} */
  public Optional<Member> member() {
    return Optional.ofNullable(member);
  }

  /** {@return the attempts made at the update, 1 when the first one succeeded} */
  public int attempts() {
    return attempts;
  }

  /**
   * {@return MX's request id for the response, to quote to MX's support; empty when MX sent none}
   * It is read from {@code X-Request-Id}: MX's reference pages do not name the header.
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "MemberUpdateResult{api="
        + api
        + ", status="
        + status
        + ", attempts="
        + attempts
        + ", requestId="
        + requestId
        + ", member="
        + member
        + '}';
  }
}
