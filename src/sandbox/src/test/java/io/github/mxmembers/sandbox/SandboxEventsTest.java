package io.github.mxmembers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.SandboxEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sandbox is driven by events: a member's status moves in one place, which publishes each change,
 * and an aggregation ends at its time on the sandbox's clock whether or not anyone reads the member.
 */
class SandboxEventsTest {
  private static final String PASSWORD = "s3cret-PASSWORD";

  private static MxPlatformClient platform(MxSandbox sandbox) {
    return MxPlatformClient.builder().baseUrl(sandbox.baseUrl()).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY).build();
  }

  private static MemberUpdate newPassword(String password) {
    return MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID).credential(MxSandbox.CREDENTIAL_GUID, password).build();
  }

  private static List<String> log(MxSandbox sandbox) {
    return sandbox.events().stream()
        .map(e -> e.type() + " " + e.connectionStatus() + (e.beingAggregated() ? " aggregating" : ""))
        .collect(Collectors.toList());
  }

  @Test
  void anAggregationEndsWhenTheManualClockPassesItsEndWithNoOneReadingTheMember() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    try (MxSandbox sandbox = MxSandbox.start(clock);
        MxPlatformClient mx = platform(sandbox)) {
      mx.updateMember(newPassword(PASSWORD));
      int requests = sandbox.received().size();

      clock.advance(Duration.ofSeconds(5));

      SandboxEvent ended = sandbox.awaitEvent(e -> e.type() == Type.AGGREGATION_ENDED, Duration.ofSeconds(10));
      assertThat(ended.connectionStatus()).isEqualTo("CONNECTED");
      assertThat(ended.at()).isEqualTo(Instant.parse("2026-12-01T10:00:05Z"));
      assertThat(sandbox.received()).as("nobody read the member").hasSize(requests);
      assertThat(log(sandbox))
          .containsExactly(
              "MEMBER_UPDATED CONNECTED",
              "STATUS_CHANGED UPDATED aggregating",
              "AGGREGATION_STARTED UPDATED aggregating",
              "STATUS_CHANGED CONNECTED",
              "AGGREGATION_ENDED CONNECTED");
      assertThat(sandbox.events()).extracting(SandboxEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(sandbox.events().get(2).jobGuid()).isEqualTo(ended.jobGuid()).isPresent();
    }
  }

  @Test
  void onTheSystemClockItEndsByItselfToo() throws Exception {
    try (MxSandbox sandbox = MxSandbox.start();
        MxPlatformClient mx = platform(sandbox)) {
      sandbox.aggregationTime(Duration.ofMillis(200));
      mx.updateMember(newPassword("challenge"));

      SandboxEvent ended = sandbox.awaitEvent(e -> e.type() == Type.AGGREGATION_ENDED, Duration.ofSeconds(10));

      assertThat(ended.connectionStatus()).isEqualTo("CHALLENGED");
      assertThat(sandbox.received()).hasSize(1);
      assertThat(sandbox.platformMember(MxSandbox.MEMBER_GUID).orElseThrow().get("connection_status").getAsString())
          .isEqualTo("CHALLENGED");
    }
  }

  @Test
  void aMemberIsOneMemberOnBothApis() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    try (MxSandbox sandbox = MxSandbox.start(clock);
        MxPlatformClient mx = platform(sandbox);
        MxNexusClient nexus =
            MxNexusClient.builder()
                .baseUrl(sandbox.baseUrl())
                .ssoBaseUrl(sandbox.baseUrl())
                .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID)
                .clock(clock)
                .build()) {
      mx.updateMember(newPassword(PASSWORD));

      assertThat(nexus.readStatus(MxSandbox.MEMBER_GUID).connectionStatusAsString()).contains("UPDATED");
      assertThat(nexus.readStatus(MxSandbox.MEMBER_GUID).isBeingAggregated()).contains(true);
      clock.advance(Duration.ofSeconds(5));
      assertThat(nexus.readStatus(MxSandbox.MEMBER_GUID).connectionStatusAsString()).contains("CONNECTED");
      // each API keeps its own reference page's description of the member
      assertThat(sandbox.platformMember(MxSandbox.MEMBER_GUID).orElseThrow().get("name").getAsString()).isEqualTo("MX Bank");
      assertThat(sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("name").getAsString()).isEqualTo("Chase Bank");
      assertThat(sandbox.events()).filteredOn(e -> e.type() == Type.MEMBER_UPDATED).singleElement()
          .satisfies(e -> assertThat(e.api()).contains(MxApi.PLATFORM));
    }
  }

  @Test
  void eventsNeverHoldACredentialValueOrAnMfaAnswer() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    try (MxSandbox sandbox = MxSandbox.start(clock);
        MxPlatformClient mx = platform(sandbox)) {
      mx.updateMember(newPassword("challenge"));
      clock.advance(Duration.ofSeconds(5));
      mx.resume(
          io.github.mxmembers.model.MemberResume.builder()
              .user(MxSandbox.USER_ID)
              .member(MxSandbox.MEMBER_GUID)
              .answer("CRD-mxbank-text-1", "correct")
              .build());

      assertThat(sandbox.events()).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("challenge", "correct"));
      assertThat(log(sandbox)).contains("STATUS_CHANGED RESUMED aggregating");
    }
  }

  @Test
  void waitingForAnEventThatDoesNotComeSaysWhatCame() throws Exception {
    try (MxSandbox sandbox = MxSandbox.start()) {
      sandbox.addMember("MBR-0001");

      assertThatThrownBy(() -> sandbox.awaitEvent(e -> e.type() == Type.AGGREGATION_ENDED, Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("MEMBER_CREATED MBR-0001");
      sandbox.reset();
      assertThat(sandbox.events()).isEmpty();
    }
  }
}
