package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public bulk entry over a real loopback server: what it takes from the caller's client builder. */
class BulkUpdateTest extends MockMxTest {

  private static Stream<MemberUpdate> updates(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> MemberUpdate.builder().user("USR-1").member("MBR-1").metadata("run " + i).build());
  }

  @Test
  void aRunUsesTheClientSettingsAsTheyWereAtBuildAndNeverWritesToTheCallersBuilder() {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withBody(MockMx.platformMemberJson()));
    RecordingListener theirs = new RecordingListener();
    MxPlatformAsyncClient.Builder client =
        MxPlatformAsyncClient.builder()
            .baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .maxConnections(4)
            .callListener(theirs);
    BulkUpdate bulk = BulkUpdate.builder().platform(client).concurrency(4).build();
    String before = client.toString();

    // changed after build(): the check on concurrency was made against 4, and the server is this one
    RecordingListener later = new RecordingListener();
    client.baseUrl("http://127.0.0.1:1").maxConnections(1).callListener(later);
    BulkSummary summary = bulk.run(updates(6));

    assertThat(summary.done()).as(summary.toString()).isEqualTo(6);
    assertThat(theirs.events).as("the listener set when the run was built hears every call").hasSizeGreaterThanOrEqualTo(6 * 4);
    assertThat(later.events).isEmpty();
    assertThat(client.callListener()).isSameAs(later);
    assertThat(client.toString()).isEqualTo(before);
  }

  @Test
  void copyingABuilderCopiesEverySettingAndSharesNoState() {
    MxNexusAsyncClient.Builder original =
        MxNexusAsyncClient.builder().baseUrl("http://127.0.0.1:8080").sso("client-1", "key-1", "user-1").ssoBaseUrl("http://127.0.0.1:8081");
    MxNexusAsyncClient.Builder copy = original.copy();

    copy.sso("client-2", "key-2", "user-2").maxConnections(3);

    assertThat(original.toString()).contains("client-1/user-1").doesNotContain("client-2");
    assertThat(copy.toString()).contains("client-2/user-2");
    assertThat(original.maxConnections()).isEqualTo(20);
    assertThat(copy.maxConnections()).isEqualTo(3);
    assertThat(copy.resolveBaseUrl(java.util.List.of())).isEqualTo("http://127.0.0.1:8080");
  }
}
