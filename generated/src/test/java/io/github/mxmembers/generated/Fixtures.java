package io.github.mxmembers.generated;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The docs' examples (copied verbatim into test resources) and the specs in openapi/. */
final class Fixtures {
  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/mx-docs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /mx-docs/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject json(String resourceName) {
    return JsonParser.parseString(resource(resourceName)).getAsJsonObject();
  }

  static Path openapiDir() {
    return Paths.get(System.getProperty("mx.openapi.dir", "../openapi"));
  }

  static Path platformSpec() {
    return openapiDir()
        .resolve("mx-platform-" + System.getProperty("mx.platform.version", "v20250224") + ".yaml");
  }

  static Path nexusSpec() {
    return openapiDir().resolve("mx-nexus-" + System.getProperty("mx.nexus.version", "v1") + ".yaml");
  }

  /** Parses a spec strictly as YAML. */
  static Map<String, Object> yaml(Path spec) {
    try {
      return new Yaml().load(Files.readString(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Follows a path of keys into a parsed YAML document and returns that node as JSON. */
  @SuppressWarnings("unchecked")
  static JsonElement node(Map<String, Object> document, String... keys) {
    Object node = document;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
      if (node == null) {
        throw new AssertionError("spec has no " + String.join(" > ", keys));
      }
    }
    return new GsonBuilder().serializeNulls().create().toJsonTree(node);
  }

  /** A copy without null-valued members, recursively: serialisation leaves nulls out. */
  static JsonElement withoutNulls(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        if (!entry.getValue().isJsonNull()) {
          copy.add(entry.getKey(), withoutNulls(entry.getValue()));
        }
      }
      return copy;
    }
    return element;
  }
}
