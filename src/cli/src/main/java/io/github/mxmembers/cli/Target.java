package io.github.mxmembers.cli;

import io.github.mxmembers.MxClientBuilder;
import io.github.mxmembers.MxEnvironment;
import java.util.Map;

/**
 * Where a command sends: the embedded sandbox, or {@code --endpoint} (MX's integration or
 * production servers, or a URL), with MX's keys from the environment. Shared by every command.
 */
final class Target {
  private Target() {}

  /**
   * Points the builder at the sandbox when {@code sandboxUrl} is set, else at {@code endpoint}.
   *
   * @throws IllegalArgumentException naming {@code --endpoint}, never repeating it
   */
  static void apply(MxClientBuilder<?> builder, String endpoint, String sandboxUrl) {
    if (sandboxUrl != null) {
      builder.baseUrl(sandboxUrl);
    } else if (endpoint.equalsIgnoreCase("integration")) {
      builder.environment(MxEnvironment.INTEGRATION);
    } else if (endpoint.equalsIgnoreCase("production")) {
      builder.environment(MxEnvironment.PRODUCTION);
    } else {
      try {
        builder.baseUrl(endpoint);
      } catch (IllegalArgumentException e) {
        // the SDK's message names the host: not repeated, the argument may be misplaced
        throw new IllegalArgumentException(
            "--endpoint: expected integration, production, or an https URL without user info, query or"
                + " fragment (http only to a loopback address)");
      }
    }
  }

  /** An environment variable's value, or null when unset or blank. */
  static String env(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
