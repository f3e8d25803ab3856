package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The test resources under mx-docs/ are verbatim copies of the examples on MX's reference pages.
 * Where the pages themselves are at hand (shared/mx-docs beside the checkout, as in CI), this checks
 * that the copies still match them.
 */
class DocsFixturesTest {
  private static final Path DOCS = Paths.get(System.getProperty("mx.docs.dir", "../../shared/mx-docs"));

  @Test
  void platformExamplesMatchTheReferencePage() throws IOException {
    String page = page("platform-api-v20250224-update-member.txt");

    assertThat(page).contains(Fixtures.resource("platform-update-member-request.json").strip());
    assertThat(page).contains(Fixtures.resource("platform-update-member-response.json").strip());
  }

  @Test
  void nexusExampleMatchesTheReferencePage() throws IOException {
    String page = page("nexus-api-update-member.txt");

    assertThat(page).contains(Fixtures.resource("nexus-update-member-response.json").strip());
  }

  @Test
  void fixturesAreJson() {
    for (String name :
        new String[] {
          "platform-update-member-request.json",
          "platform-update-member-response.json",
          "nexus-update-member-response.json"
        }) {
      assertThat(JsonParser.parseString(Fixtures.resource(name)).isJsonObject()).isTrue();
    }
  }

  private static String page(String name) throws IOException {
    Path page = DOCS.resolve(name);
    assumeTrue(Files.isRegularFile(page), "MX's pages are not beside this checkout: " + page);
    return Files.readString(page);
  }
}
