package io.github.mxmembers.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static JsonObject outcome(String outcome) {
    JsonObject entry = new JsonObject();
    entry.addProperty("outcome", outcome);
    return entry;
  }

  @Test
  void remembersWhatAnEarlierRunFinished() {
    Path path = dir.resolve("run.journal");
    try (Journal journal = Journal.open(path)) {
      journal.record(1, 11, outcome("done"));
      journal.record(3, 33, outcome("failed"));
    }
    try (Journal again = Journal.open(path)) {
      assertThat(again.finished(1, 11)).isTrue();
      assertThat(again.finished(2, 22)).isFalse();
      assertThat(again.finished(3, 33)).isTrue();
      assertThat(again.failedBefore(1)).isFalse();
      assertThat(again.failedBefore(3)).isTrue();
    }
  }

  @Test
  void aLineTornByACrashWasNotRecorded() throws Exception {
    Path path = dir.resolve("run.journal");
    try (Journal journal = Journal.open(path)) {
      journal.record(1, 11, outcome("done"));
    }
    Files.write(path, "{\"key\":2,\"fp\":22,\"outc".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

    try (Journal again = Journal.open(path)) {
      assertThat(again.finished(1, 11)).isTrue();
      assertThat(again.finished(2, 22)).isFalse();
      again.record(2, 22, outcome("done"));
    }
    assertThat(Files.readAllLines(path)).hasSize(3).allMatch(line -> line.startsWith("{") && line.endsWith("}"));
  }

  @Test
  void refusesAJournalOfOtherContentAndAFileThatIsNone() throws Exception {
    Path path = dir.resolve("run.journal");
    try (Journal journal = Journal.open(path)) {
      journal.record(1, 11, outcome("done"));
    }
    try (Journal again = Journal.open(path)) {
      assertThatThrownBy(() -> again.finished(1, 12))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is it the journal of another input?");
    }
    Path other = dir.resolve("notes.txt");
    Files.writeString(other, "hello\n");
    assertThatThrownBy(() -> Journal.open(other)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an mx-members journal");
  }
}
