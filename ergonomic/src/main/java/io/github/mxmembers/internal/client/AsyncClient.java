package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxAsyncClient;
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
import java.util.concurrent.CompletableFuture;

/** An async client of either API: each call is the client's {@link MemberCalls} future, as it is. */
@InternalApi
public class AsyncClient extends ClientBase implements MxAsyncClient {
  /**
   * @param settings the builder's settings, copied
   * @param type the public interface the client is, for {@link #toString()}
   */
  protected AsyncClient(ClientSettings settings, Class<?> type) {
    super(settings, type);
  }

  /** {@return an async client of whichever API the settings are for, built from a copy of them} */
  public static MxAsyncClient of(ClientSettings settings) {
    return new AsyncClient(settings, MxAsyncClient.class);
  }

  @Override
  public final CompletableFuture<MemberUpdateResult> updateMember(MemberUpdate update) {
    return calls.updateMember(update);
  }

  @Override
  public final CompletableFuture<List<RequiredCredential>> listCredentials(MemberRef member) {
    return calls.listCredentials(member);
  }

  @Override
  public final CompletableFuture<Member> readStatus(MemberRef member) {
    return calls.readStatus(member);
  }

  @Override
  public final CompletableFuture<List<Challenge>> listChallenges(MemberRef member) {
    return calls.listChallenges(member);
  }

  @Override
  public final CompletableFuture<Member> resume(MemberResume resume) {
    return calls.resume(resume);
  }

  @Override
  public final CompletableFuture<AggregationOutcome> waitForAggregation(MemberRef member, AggregationWait wait) {
    return calls.waitForAggregation(member, wait);
  }
}
