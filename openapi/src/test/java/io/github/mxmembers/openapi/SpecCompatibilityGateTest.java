package io.github.mxmembers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate itself, on the test-fixture specs in openapi/test-fixtures (never MX releases). */
class SpecCompatibilityGateTest {
  private static final Path OPENAPI = Paths.get(System.getProperty("mx.openapi.dir", "."));
  private static final Path CURRENT = OPENAPI.resolve("mx-platform-v20250224.yaml");
  private static final Path FIXTURES = OPENAPI.resolve("test-fixtures");

  /** A copy of a fixture under the file name the switch would look for. */
  private static Path asVersion(Path dir, String fixture, String version) throws IOException {
    Path spec = dir.resolve("mx-platform-" + version + ".yaml");
    Files.copy(FIXTURES.resolve(fixture), spec);
    return spec;
  }

  @Test
  void failsOnATrimmedResponseAndSaysWhatWentAndHowToAcknowledge(@TempDir Path dir) throws IOException {
    Path trimmed = asVersion(dir, "mx-platform-fixture20260430-trimmed.yaml", "fixture20260430");

    SpecCompatibilityGate.Verdict verdict =
        SpecCompatibilityGate.check(CURRENT, trimmed, dir.resolve(SpecCompatibilityGate.ACKNOWLEDGEMENTS));

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.summary())
        .contains("Platform spec fixture20260430 against v20250224: INCOMPATIBLE")
        .contains("fixture20260430 replaces v20250224: <why it is acceptable>")
        .contains("user_id")
        .contains("oauth_window_uri")
        .contains("PUT")
        .contains("/users/{user_identifier}/members/{member_identifier}");
  }

  @Test
  void passesABreakingChangeOnceAcknowledged(@TempDir Path dir) throws IOException {
    Path trimmed = asVersion(dir, "mx-platform-fixture20260430-trimmed.yaml", "fixture20260430");
    Path acknowledgements = dir.resolve(SpecCompatibilityGate.ACKNOWLEDGEMENTS);
    Files.writeString(
        acknowledgements,
        "# reviewed\nfixture20260430 replaces v20250224: the SDK no longer reads user_id\n");

    SpecCompatibilityGate.Verdict verdict = SpecCompatibilityGate.check(CURRENT, trimmed, acknowledgements);

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.summary()).contains("INCOMPATIBLE, acknowledged");
  }

  @Test
  void anAcknowledgementWithoutAReasonDoesNotCount(@TempDir Path dir) throws IOException {
    Path trimmed = asVersion(dir, "mx-platform-fixture20260430-trimmed.yaml", "fixture20260430");
    Path acknowledgements = dir.resolve(SpecCompatibilityGate.ACKNOWLEDGEMENTS);
    Files.writeString(acknowledgements, "fixture20260430 replaces v20250224:\n# fixture20260430 replaces v20250224: commented\n");

    assertThat(SpecCompatibilityGate.check(CURRENT, trimmed, acknowledgements).passes()).isFalse();
  }

  @Test
  void passesAndReportsAnAddedField(@TempDir Path dir) throws IOException {
    Path additive = asVersion(dir, "mx-platform-fixture20260501-additive.yaml", "fixture20260501");

    SpecCompatibilityGate.Verdict verdict =
        SpecCompatibilityGate.check(CURRENT, additive, dir.resolve(SpecCompatibilityGate.ACKNOWLEDGEMENTS));

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.incompatible).isFalse();
    assertThat(verdict.summary()).contains("compatible").contains("linked_at");
  }

  @Test
  void thePredecessorIsTheNewestEarlierSpec(@TempDir Path dir) throws IOException {
    Files.copy(CURRENT, dir.resolve("mx-platform-v20250224.yaml"));
    asVersion(dir, "mx-platform-fixture20260430-trimmed.yaml", "fixture20260430");
    asVersion(dir, "mx-platform-fixture20260501-additive.yaml", "fixture20260501");
    Files.writeString(dir.resolve("mx-nexus-v1.yaml"), "openapi: 3.0.3\n");

    assertThat(SpecCompatibilityGate.predecessor(dir, "fixture20260501"))
        .contains(dir.resolve("mx-platform-fixture20260430.yaml"));
    assertThat(SpecCompatibilityGate.predecessor(dir, "fixture20260430"))
        .contains(dir.resolve("mx-platform-v20250224.yaml"));
    assertThat(SpecCompatibilityGate.predecessor(dir, "v20250224")).isEmpty();
  }
}
