package io.github.mxmembers;

import java.util.Optional;

/** What an update returned: the member as MX now has it, the HTTP status and how many attempts it took. */
public final class MemberUpdateResult {
  private final MxApi api;
  private final int status;
  private final Member member;
  private final int attempts;

  MemberUpdateResult(MxApi api, int status, Member member, int attempts) {
    this.api = api;
    this.status = status;
    this.member = member;
    this.attempts = attempts;
  }

  public MxApi api() {
    return api;
  }

  /** 200, or 202 when a job of the same type is already running, or 204 with no body. */
  public int status() {
    return status;
  }

  /** True for 202: MX accepted the update but a job of that type was already running. */
  public boolean jobAlreadyRunning() {
    return status == 202;
  }

  /** The member; empty when MX answered without a body. */
  public Optional<Member> member() {
    return Optional.ofNullable(member);
  }

  /** Attempts made, 1 when the first one succeeded. */
  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "MemberUpdateResult{api="
        + api
        + ", status="
        + status
        + ", attempts="
        + attempts
        + ", member="
        + member
        + '}';
  }
}
