package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.mxmembers.MxAsyncClient;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.sandbox.ManualClock;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationOutcome.EndUserAction;
import io.github.mxmembers.waiter.AggregationOutcome.Kind;
import io.github.mxmembers.waiter.AggregationWait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole flow after the update against the sandbox playing MX Bank, on both APIs and both
 * flavours, over loopback HTTP: list what the member needs, update, wait, answer the challenges,
 * wait again. The clients' waits move the sandbox's clock, so aggregations end without sleeping.
 */
class MxBankWorkflowTest {
  private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));

  /** One sandbox on the manual clock for the class, reset before each test: the shipped extension. */
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().clock(CLOCK).build();

  private final ManualClock clock = CLOCK;
  private final MxSandbox sandbox = SANDBOX.sandbox();

  /** One client behind one face: the sync ones as they are, the async ones joined. */
  enum Flavour {
    PLATFORM_SYNC,
    PLATFORM_ASYNC,
    NEXUS_SYNC,
    NEXUS_ASYNC
  }

  /**
   * One client of either API behind one face, written once: a sync client ({@link MxClient}) as it is,
   * an async one ({@link MxAsyncClient}) joined; the member is a {@link MemberRef} of its API.
   */
  private final class Client implements AutoCloseable {
    final Flavour flavour;
    final MemberRef member;
    private final MxClient sync;
    private final MxAsyncClient async;
    int statusReads;

    Client(Flavour flavour) {
      this.flavour = flavour;
      io.github.mxmembers.retry.Sleeper sleeper = clock::advance;
      io.github.mxmembers.retry.Scheduler scheduler =
          delay -> {
            clock.advance(delay);
            return CompletableFuture.completedFuture(null);
          };
      String url = sandbox.baseUrl();
      switch (flavour) {
        case PLATFORM_SYNC:
          sync = MxPlatformClient.builder().baseUrl(url).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY).clock(clock).sleeper(sleeper).build();
          async = null;
          break;
        case PLATFORM_ASYNC:
          sync = null;
          async = MxPlatformAsyncClient.builder().baseUrl(url).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY).clock(clock).scheduler(scheduler).build();
          break;
        case NEXUS_SYNC:
          sync = MxNexusClient.builder().baseUrl(url).ssoBaseUrl(url).sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID).clock(clock).sleeper(sleeper).build();
          async = null;
          break;
        default:
          sync = null;
          async = MxNexusAsyncClient.builder().baseUrl(url).ssoBaseUrl(url).sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID).clock(clock).scheduler(scheduler).build();
      }
      member = isNexus() ? MemberRef.of(MxSandbox.MEMBER_GUID) : MemberRef.of(MxSandbox.USER_ID, MxSandbox.MEMBER_GUID);
    }

    boolean isNexus() {
      return flavour == Flavour.NEXUS_SYNC || flavour == Flavour.NEXUS_ASYNC;
    }

    List<RequiredCredential> credentials() {
      return sync != null ? sync.listCredentials(member) : join(async.listCredentials(member));
    }

    void update(String password) {
      MemberUpdate.Builder update = MemberUpdate.builder().member(member.member());
      member.user().ifPresent(update::user);
      for (RequiredCredential needed : credentials()) {
        update.credential(needed.withValue(password));
      }
      if (sync != null) {
        sync.updateMember(update.build());
      } else {
        join(async.updateMember(update.build()));
      }
    }

    AggregationOutcome await(AggregationWait wait) {
      AggregationOutcome outcome = sync != null ? sync.waitForAggregation(member, wait) : join(async.waitForAggregation(member, wait));
      statusReads += outcome.polls();
      return outcome;
    }

    AggregationOutcome await() {
      return await(AggregationWait.defaults());
    }

    Member resume(List<Challenge> challenges, String answer) {
      MemberResume.Builder resume = MemberResume.builder().member(member.member()).challenges(challenges);
      member.user().ifPresent(resume::user);
      for (Challenge challenge : challenges) {
        resume.answer(challenge.answer(answer));
      }
      return sync != null ? sync.resume(resume.build()) : join(async.resume(resume.build()));
    }

    @Override
    public void close() {
      if (sync != null) {
        sync.close();
      } else {
        async.close();
      }
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void anyOtherPasswordConnectsAfterOneWait(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      assertThat(mx.credentials()).singleElement().satisfies(c -> {
        assertThat(c.guid()).isEqualTo(MxSandbox.CREDENTIAL_GUID);
        assertThat(c.label()).contains("Password");
      });
      mx.update("n3w-password");

      AggregationOutcome outcome = mx.await();

      assertThat(outcome.kind()).isEqualTo(Kind.CONNECTED);
      assertThat(outcome.member().isBeingAggregated()).contains(false);
      assertThat(outcome.polls()).isEqualTo(3); // reads at 0, 3 and 7.5 s; the 5 s aggregation ended between
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void oneAndTwoMfaRoundsThenConnected(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      mx.update("challenge");

      AggregationOutcome first = mx.await();
      assertThat(first.kind()).isEqualTo(Kind.NEEDS_ANSWERS);
      assertThat(first.challenges()).singleElement().extracting(Challenge::type).isEqualTo(Challenge.Type.TEXT);

      // "challenge" is a right answer that brings a follow-up challenge, as MX Bank's Atrium page has it
      assertThat(mx.resume(first.challenges(), "challenge").connectionStatusAsString()).contains("RESUMED");
      AggregationOutcome second = mx.await();
      assertThat(second.kind()).isEqualTo(Kind.NEEDS_ANSWERS);
      assertThat(second.challenges()).singleElement().extracting(Challenge::guid).isNotEqualTo(first.challenges().get(0).guid());

      mx.resume(second.challenges(), "correct");
      assertThat(mx.await().kind()).isEqualTo(Kind.CONNECTED);
    }
    // MX's rhythm across calls: three waits, two resumes, and no two status reads of the member closer
    // than 3 s, read off the sandbox's own log of what it received and when
    List<Instant> reads = new java.util.ArrayList<>();
    for (io.github.mxmembers.sandbox.RecordedRequest request : sandbox.received()) {
      boolean read = request.method().equals("GET")
          && (request.path().endsWith("/status") || request.path().equals("/members/" + MxSandbox.MEMBER_GUID));
      if (read) {
        reads.add(request.at());
      }
    }
    assertThat(reads).hasSizeGreaterThanOrEqualTo(5);
    for (int i = 1; i < reads.size(); i++) {
      assertThat(Duration.between(reads.get(i - 1), reads.get(i))).as("gap before read %d", i + 1).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void aWrongAnswerIsRejectedAndTheEndUserMustAnswerAgain(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      mx.update("options");
      AggregationOutcome challenged = mx.await();
      assertThat(challenged.challenges()).singleElement().satisfies(c -> {
        assertThat(c.type()).isEqualTo(Challenge.Type.OPTIONS);
        assertThat(c.options()).extracting(o -> o.value().orElseThrow()).contains("correct");
      });

      mx.resume(challenged.challenges(), "incorrect");
      AggregationOutcome rejected = mx.await();

      assertThat(rejected.kind()).isEqualTo(Kind.NEEDS_END_USER);
      assertThat(rejected.endUserAction()).contains(EndUserAction.ANSWER_AGAIN);
      assertThat(rejected.connectionStatusAsString()).contains("REJECTED");
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void deniedNeedsNewCredentialsAndBadRequestFails(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      sandbox.connectionStatus(MxSandbox.MEMBER_GUID, "DENIED", false);
      AggregationOutcome denied = mx.await();
      assertThat(denied.kind()).isEqualTo(Kind.NEEDS_END_USER);
      assertThat(denied.endUserAction()).contains(EndUserAction.NEW_CREDENTIALS);
      assertThat(denied.polls()).isEqualTo(1);

      mx.update("BAD_REQUEST");
      AggregationOutcome failed = mx.await();
      assertThat(failed.kind()).isEqualTo(Kind.ENDED);
      assertThat(failed.connectionStatusAsString()).contains("FAILED");
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void theImageChallengeCarriesItsImage(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      mx.update("image");
      AggregationOutcome outcome = mx.await();

      assertThat(outcome.challenges()).singleElement().satisfies(c -> {
        assertThat(c.type()).isEqualTo(Challenge.Type.IMAGE_DATA);
        assertThat(c.imageBytes()).hasValueSatisfying(png -> assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
      });
      mx.resume(outcome.challenges(), "correct");
      assertThat(mx.await().kind()).isEqualTo(Kind.CONNECTED);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void theWaitsDeadlineEndsAWaitOnALongAggregationAndAThirtySecondOneTakesAtMostElevenReads(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      sandbox.aggregationTime(Duration.ofSeconds(30));
      mx.update("n3w-password");

      AggregationOutcome timedOut = mx.await(AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10)));
      assertThat(timedOut.kind()).isEqualTo(Kind.TIMED_OUT);

      sandbox.completeAggregation(MxSandbox.MEMBER_GUID); // the next update starts a new 30 s aggregation
      mx.statusReads = 0;
      mx.update("n3w-password");
      AggregationOutcome connected = mx.await(AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMinutes(2)));
      assertThat(connected.kind()).isEqualTo(Kind.CONNECTED);
      assertThat(mx.statusReads).isLessThanOrEqualTo(11);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void resumingAMemberThatIsNotChallengedIsRefusedByMx(Flavour flavour) {
    try (Client mx = new Client(flavour)) {
      Challenge made = challengeFor(mx);
      Throwable refused = catchThrowable(() -> mx.resume(List.of(made), "correct"));

      assertThat(refused).isInstanceOf(MxApiException.class);
      assertThat(((MxApiException) refused).status()).isEqualTo(405);
    }
  }

  /** A challenge to answer while the member is not challenged: one asked once, then connected. */
  private Challenge challengeFor(Client mx) {
    mx.update("challenge");
    Challenge asked = mx.await().challenges().get(0);
    sandbox.completeAggregation(MxSandbox.MEMBER_GUID);
    return asked;
  }
}
