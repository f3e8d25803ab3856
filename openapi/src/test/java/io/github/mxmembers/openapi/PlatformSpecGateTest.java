package io.github.mxmembers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gate on the real build: the spec the clients were generated from (mx.platform.version)
 * against the one it replaces. Its report is printed and kept in target/spec-gate/.
 */
class PlatformSpecGateTest {

  @Test
  void activeSpecIsCompatibleWithTheVersionItReplacesOrAcknowledged() throws IOException {
    Path openapi = Paths.get(System.getProperty("mx.openapi.dir", "."));
    String active = System.getProperty("mx.platform.version", "v20250224");
    Path activeSpec = openapi.resolve("mx-platform-" + active + ".yaml");
    Optional<Path> previous = SpecCompatibilityGate.predecessor(openapi, active);
    if (previous.isEmpty()) {
      // the first version this SDK was built from replaces nothing: there is nothing to compare
      System.out.println("Platform spec " + active + ": no earlier spec in openapi/ to compare with");
      return;
    }

    SpecCompatibilityGate.Verdict verdict =
        SpecCompatibilityGate.check(
            previous.get(), activeSpec, openapi.resolve(SpecCompatibilityGate.ACKNOWLEDGEMENTS));
    Path reports = Paths.get("target", "spec-gate");
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("platform-" + active + ".txt"), verdict.summary());
    System.out.println(verdict.summary());

    assertThat(verdict.passes()).as(verdict.summary()).isTrue();
  }
}
