package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The specs themselves: every file in openapi/ is valid YAML (the generator's validate goal only
 * logs a syntax error), and the examples in the active specs are the docs' examples, verbatim.
 */
class SpecFilesTest {

  @Test
  void everySpecFileIsValidYaml() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.walk(Fixtures.openapiDir())) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).collect(Collectors.toList());
    }

    assertThat(specs).isNotEmpty();
    for (Path spec : specs) {
      Map<String, Object> document = Fixtures.yaml(spec);
      assertThat(document).as(spec.toString()).containsKeys("openapi", "info", "paths");
    }
  }

  @Test
  void platformSpecExamplesAreTheReferencePageExamples() {
    Map<String, Object> spec = Fixtures.yaml(Fixtures.platformSpec());

    assertThat(Fixtures.node(spec, "components", "schemas", "MemberUpdateRequestBody", "example"))
        .isEqualTo(Fixtures.json("platform-update-member-request.json"));
    assertThat(
            Fixtures.node(
                spec,
                "paths",
                "/users/{user_identifier}/members/{member_identifier}",
                "put",
                "responses",
                "200",
                "content",
                "application/json",
                "example"))
        .isEqualTo(Fixtures.json("platform-update-member-response.json"));
  }

  @Test
  void nexusSpecExampleIsTheReferencePageExample() {
    Map<String, Object> spec = Fixtures.yaml(Fixtures.nexusSpec());

    assertThat(
            Fixtures.node(
                spec,
                "paths",
                "/members/{member_guid}",
                "put",
                "responses",
                "200",
                "content",
                "application/vnd.mx.nexus.v1+json",
                "example"))
        .isEqualTo(Fixtures.json("nexus-update-member-response.json"));
  }
}
