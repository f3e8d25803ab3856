package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.bulk.BulkJournalException;
import io.github.mxmembers.bulk.BulkOutcome;
import io.github.mxmembers.bulk.BulkSummary;
import io.github.mxmembers.bulk.BulkUpdate;
import io.github.mxmembers.bulk.JournalKey;
import io.github.mxmembers.model.MemberUpdate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public bulk entry over a real loopback server: what it takes from the caller's client builder. */
class BulkUpdateTest extends MockMxTest {

  private static Stream<MemberUpdate> updates(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> MemberUpdate.builder().user("USR-1").member("MBR-" + i).metadata("run " + i).build());
  }

  @Test
  void aRunUsesTheClientSettingsAsTheyWereAtBuildAndNeverWritesToTheCallersBuilder() {
    server.when(request().withPath("/users/USR-1/members/MBR-[0-9]+")).respond(response().withBody(MockMx.platformMemberJson()));
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
    assertThat(Internals.settings(client).callListener()).isSameAs(later);
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
    assertThat(Internals.settings(original).maxConnections()).isEqualTo(20);
    assertThat(Internals.settings(copy).maxConnections()).isEqualTo(3);
    assertThat(Internals.settings(copy).baseUrl(java.util.List.of())).isEqualTo("http://127.0.0.1:8080");
  }

  private BulkUpdate.Builder bulk(java.nio.file.Path journal, JournalKey key) {
    return BulkUpdate.builder()
        .platform(MxPlatformAsyncClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY))
        .concurrency(2)
        .journal(journal)
        .journalKey(key);
  }

  private static Stream<MemberUpdate> passwords(String tag) {
    return IntStream.rangeClosed(1, 3)
        .mapToObj(i -> MemberUpdate.builder().user("USR-1").member("MBR-" + i).credential("CRD-1", tag + "-" + i).build());
  }

  @Test
  void aRerunRefusesAnItemWhoseCredentialValueChangedEvenWithoutAnInputDigest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    server.when(request().withPath("/users/USR-1/members/MBR-[0-9]+")).respond(response().withBody(MockMx.platformMemberJson()));
    JournalKey key = JournalKey.of(new byte[32]);
    java.nio.file.Path journal = dir.resolve("run.journal");
    assertThat(bulk(journal, key).build().run(passwords("old")).done()).isEqualTo(3);
    server.clear(request());
    server.when(request().withPath("/users/USR-1/members/MBR-[0-9]+")).respond(response().withBody(MockMx.platformMemberJson()));

    // the same passwords are skipped; a changed one is refused
    assertThat(bulk(journal, key).build().run(passwords("old")).skipped()).isEqualTo(3);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk(journal, key).build().run(passwords("new")))
        .isInstanceOf(BulkJournalException.class)
        .hasMessageContaining("recorded item 1 with other content")
        .hasMessageNotContaining("new-1");
    // and another key cannot continue the journal
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk(journal, JournalKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})).build().run(passwords("old")))
        .isInstanceOf(BulkJournalException.class)
        .hasMessageContaining("another journal key");
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void withAnInputDigestAnotherInputIsRefusedBeforeAnythingIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    server.when(request().withPath("/users/USR-1/members/MBR-[0-9]+")).respond(response().withBody(MockMx.platformMemberJson()));
    JournalKey key = JournalKey.fromFile(dir.resolve("keys").resolve("journal.key"));
    java.nio.file.Path journal = dir.resolve("run.journal");
    assertThat(bulk(journal, key).inputDigest(new byte[] {1}).build().run(updates(2)).done()).isEqualTo(2);
    server.clear(request());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk(journal, key).inputDigest(new byte[] {2}).build().run(updates(3)))
        .isInstanceOf(BulkJournalException.class)
        .hasMessageContaining("written for another input");
    assertThat(MockMx.received(server)).isEmpty();
    assertThat(bulk(journal, key).inputDigest(new byte[] {2}).restart(true).build().run(updates(3)).done()).isZero();
    assertThat(MockMx.received(server)).hasSize(3);
  }

  @Test
  void aNullInTheStreamEndsTheRunNamingItsPositionAfterWhatCameBeforeIt() {
    server.when(request().withPath("/users/USR-1/members/MBR-[0-9]+")).respond(response().withBody(MockMx.platformMemberJson()));
    java.util.List<BulkOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    BulkUpdate bulk =
        BulkUpdate.builder()
            .platform(MxPlatformAsyncClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY))
            .onOutcome(outcomes::add)
            .build();
    MemberUpdate first = updates(1).findFirst().orElseThrow();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk.run(Stream.of(first, null, first)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("item 2 of the input is null");
    assertThat(outcomes).singleElement().extracting(BulkOutcome::kind).isEqualTo(BulkOutcome.Kind.DONE);
    assertThat(MockMx.received(server)).hasSize(1);
  }

  @Test
  void aJournalKeyIsMadeOnceOwnerOnlyAndNeverShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("k").resolve("journal.key");
    JournalKey made = JournalKey.fromFile(file);
    JournalKey read = JournalKey.fromFile(file);

    assertThat(read).isEqualTo(made);
    assertThat(java.nio.file.Files.readString(file).strip()).hasSize(64);
    assertThat(made.toString()).doesNotContain(java.nio.file.Files.readString(file).strip().substring(0, 16));
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    java.nio.file.Files.writeString(file, "not a key");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JournalKey.fromFile(file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no key");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JournalKey.of(new byte[15])).isInstanceOf(IllegalArgumentException.class);
  }
}
