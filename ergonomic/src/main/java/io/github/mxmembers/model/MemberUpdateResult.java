package io.github.mxmembers.model;

import io.github.mxmembers.MxApi;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update returned: the member as MX now has it, the HTTP status, how many attempts it took
 * and MX's request id. Immutable; {@link #builder()} makes one, as the SDK does from MX's answer and
 * as a unit test does to stub the SDK.
 */
public final class MemberUpdateResult {
  private final MxApi api;
  private final int status;
  private final Member member;
  private final int attempts;
  private final String requestId;

  private MemberUpdateResult(Builder builder) {
    this.api = builder.api;
    this.status = builder.status;
    this.member = builder.member;
    this.attempts = builder.attempts;
    this.requestId = builder.requestId;
  }

  /** {@return a new builder: status 200, one attempt, no member, no request id} */
  public static Builder builder() {
    return new Builder();
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

  /** Builds a {@link MemberUpdateResult}; {@link #build()} names anything missing. */
  public static final class Builder {
    private MxApi api;
    private int status = 200;
    private Member member;
    private int attempts = 1;
    private String requestId;

    private Builder() {}

    /**
     * Sets the API the update was sent to; required.
     *
     * @param api the API
     * @return this builder
     */
    public Builder api(MxApi api) {
      this.api = Objects.requireNonNull(api, "api == null");
      return this;
    }

    /**
     * Sets MX's HTTP status; 200 by default.
     *
     * @param status a success status: 200 to 299
     * @return this builder
     * @throws IllegalArgumentException if it is not a success
     */
    public Builder status(int status) {
      if (status < 200 || status > 299) {
        throw new IllegalArgumentException("status must be a success, 200 to 299: " + status);
      }
      this.status = status;
      return this;
    }

    /**
     * Sets the member as MX now has it; none by default (MX answered without a body).
     *
     * @param member the member, or null
     * @return this builder
     */
    public Builder member(Member member) {
      this.member = member;
      return this;
    }

    /**
     * Sets how many attempts the update took; 1 by default.
     *
     * @param attempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if under 1
     */
    public Builder attempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
      }
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets MX's request id; none by default.
     *
     * @param requestId the request id, or null
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Builds the result.
     *
     * @return the result
     * @throws IllegalStateException if the API is not set
     */
    public MemberUpdateResult build() {
      if (api == null) {
        throw new IllegalStateException("api is required");
      }
      return new MemberUpdateResult(this);
    }
  }
}
