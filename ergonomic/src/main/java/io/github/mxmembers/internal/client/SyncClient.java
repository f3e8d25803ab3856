package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxClient;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import java.util.List;

/** A sync client of either API: each call is the client's {@link MemberCalls} future, joined. */
@InternalApi
public class SyncClient extends ClientBase implements MxClient {
  /**
   * @param settings the builder's settings, copied
   * @param type the public interface the client is, for {@link #toString()}
   */
  protected SyncClient(ClientSettings settings, Class<?> type) {
    super(settings, type);
  }

  @Override
  public final MemberUpdateResult updateMember(MemberUpdate update) {
    return Calls.join(calls.updateMember(update));
  }

  @Override
  public final List<RequiredCredential> listCredentials(MemberRef member) {
    return Calls.join(calls.listCredentials(member));
  }

  @Override
  public final Member readStatus(MemberRef member) {
    return Calls.join(calls.readStatus(member));
  }

  @Override
  public final List<Challenge> listChallenges(MemberRef member) {
    return Calls.join(calls.listChallenges(member));
  }

  @Override
  public final Member resume(MemberResume resume) {
    return Calls.join(calls.resume(resume));
  }

  @Override
  public final AggregationOutcome waitForAggregation(MemberRef member, AggregationWait wait) {
    return Calls.join(calls.waitForAggregation(member, wait));
  }
}
