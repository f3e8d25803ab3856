package io.github.mxmembers.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The starter's jar carries what an IDE and Spring Boot read: the auto-configuration's registration,
 * and configuration metadata describing every {@code mx.members.*} property.
 */
class StarterJarTest {
  @Test
  void theJarHoldsTheAutoConfigurationAndTheConfigurationMetadata() throws Exception {
    Path jar = ParentBuild.root().resolve("src/spring-boot-starter/target/mx-members-spring-boot-starter-0.1.0-SNAPSHOT.jar");
    assertThat(jar).exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      String imports = new String(
          file.getInputStream(file.getEntry("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(imports.trim()).isEqualTo("io.github.mxmembers.spring.MxMembersAutoConfiguration");
      JsonObject metadata;
      try (InputStreamReader in = new InputStreamReader(file.getInputStream(file.getEntry("META-INF/spring-configuration-metadata.json")), StandardCharsets.UTF_8)) {
        metadata = JsonParser.parseReader(in).getAsJsonObject();
      }
      Map<String, String> described = new HashMap<>();
      for (JsonElement property : metadata.getAsJsonArray("properties")) {
        JsonObject each = property.getAsJsonObject();
        described.put(each.get("name").getAsString(), each.has("description") ? each.get("description").getAsString() : "");
      }
      assertThat(described).containsKeys(
          "mx.members.platform.client-id", "mx.members.platform.api-key", "mx.members.platform.environment",
          "mx.members.platform.base-url", "mx.members.platform.call-timeout", "mx.members.platform.max-attempts",
          "mx.members.platform.app-id", "mx.members.platform.max-connections", "mx.members.nexus.user-id",
          "mx.members.nexus.sso-base-url", "mx.members.nexus.sessions-skip-aggregation", "mx.members.webhooks.enabled",
          "mx.members.webhooks.path", "mx.members.webhooks.username", "mx.members.webhooks.password", "mx.members.sandbox.enabled");
      assertThat(described.values()).allMatch(description -> !description.isBlank());
    }
    assertThat(Files.size(jar)).isPositive();
  }
}
