package io.github.mxmembers.cli;

import io.github.mxmembers.MemberUpdate;
import io.github.mxmembers.MemberUpdateResult;
import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.RequestPreview;
import io.github.mxmembers.UseCase;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.sandbox.MxSandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mx-members update-member}: one member update, printed as sent and as MX answered. */
@Command(
    name = "update-member",
    mixinStandardHelpOptions = true,
    description = {
      "Update a member on the MX Platform API or the Nexus API.",
      "Without --endpoint it runs against an embedded sandbox: no MX account needed.",
      "",
      "Credentials for MX come from the environment: MX_CLIENT_ID and MX_API_KEY (Platform Basic",
      "auth; for Nexus the SSO API key, with MX_USER_ID), or MX_API_TOKEN (Nexus, a one-time token)."
    })
final class UpdateMemberCommand implements Callable<Integer> {
  enum Api {
    PLATFORM,
    NEXUS
  }

  @Option(names = "--api", defaultValue = "platform", description = "platform or nexus (default: ${DEFAULT-VALUE}).")
  Api api;

  @Option(names = "--user", description = "Platform: the user's id or guid (USR-...).")
  String user;

  @Option(names = "--member", required = true, description = "The member's id or guid (MBR-...); Nexus: its guid.")
  String member;

  @Option(names = "--credential", paramLabel = "GUID=VALUE", description = "A credential to send; repeatable. Prefer --credentials-stdin: values here stay in shell history.")
  List<String> credentials = new ArrayList<>();

  @Option(names = "--credentials-stdin", description = "Read GUID=VALUE lines from standard input.")
  boolean credentialsFromStdin;

  @Option(names = "--id", description = "Platform: a new partner-defined id for the member.")
  String id;

  @Option(names = "--metadata", description = "New metadata.")
  String metadata;

  @Option(names = "--background-aggregation-disabled", arity = "1", paramLabel = "true|false", description = "Platform.")
  Boolean backgroundAggregationDisabled;

  @Option(names = "--use-case", paramLabel = "USE_CASE", description = "Platform; repeatable: ${COMPLETION-CANDIDATES}.")
  List<UseCase> useCases = new ArrayList<>();

  @Option(names = "--callback-payload", paramLabel = "TEXT", description = "Platform: text MX echoes back in webhooks (sent base64-encoded).")
  String callbackPayload;

  @Option(names = "--skip-aggregation", description = "Nexus: start no aggregation.")
  boolean skipAggregation;

  @Option(names = "--skip-webhook", description = "Nexus: send no webhook.")
  boolean skipWebhook;

  @Option(names = "--api-version", paramLabel = "VERSION", description = "Platform Accept-Version (default: the newest this build supports).")
  String apiVersion;

  @Option(names = "--endpoint", paramLabel = "integration|production|URL", description = "Where to send; default: the embedded sandbox.")
  String endpoint;

  @Option(names = "--max-attempts", defaultValue = "4", paramLabel = "N", description = "Attempts in all, retries included (default: ${DEFAULT-VALUE}; 1 turns retries off).")
  int maxAttempts;

  @Option(names = "--json", description = "Print one JSON object, for scripts.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final InputStream in;
  private final Map<String, String> env;

  UpdateMemberCommand(InputStream in, Map<String, String> env) {
    this.in = in;
    this.env = env;
  }

  @Override
  public Integer call() {
    MemberUpdate update = update();
    Report report = new Report(api.name(), endpoint == null ? "sandbox" : endpoint);
    if (endpoint == null) {
      try (MxSandbox sandbox = MxSandbox.start()) {
        report.sandbox(sandbox.baseUrl());
        report.before(
            api == Api.PLATFORM
                ? sandbox.platformMember(member).orElse(null)
                : sandbox.nexusMember(member).orElse(null));
        send(update, report, sandbox.baseUrl(), MxSandbox.CLIENT_ID, MxSandbox.API_KEY);
      }
    } else {
      send(update, report, null, env("MX_CLIENT_ID"), env("MX_API_KEY"));
    }
    report.print(spec.commandLine().getOut(), json);
    return ExitCodes.OK;
  }

  /** Sends to the sandbox when {@code sandboxUrl} is set, else to {@code --endpoint}. */
  private void send(
      MemberUpdate update, Report report, String sandboxUrl, String clientId, String apiKey) {
    if (api == Api.PLATFORM) {
      MxPlatformClient.Builder builder = MxPlatformClient.builder();
      where(builder, sandboxUrl);
      if (clientId == null || apiKey == null) {
        throw new IllegalStateException("set MX_CLIENT_ID and MX_API_KEY for the Platform API");
      }
      builder.credentials(clientId, apiKey);
      if (apiVersion != null) {
        builder.apiVersion(PlatformApiVersion.fromValue(apiVersion));
      }
      try (MxPlatformClient client = builder.build()) {
        run(report, client.preview(update), () -> client.updateMember(update));
      }
    } else {
      if (apiVersion != null) {
        throw new IllegalArgumentException("--api-version: the Nexus API has no Accept-Version");
      }
      MxNexusClient.Builder builder = MxNexusClient.builder();
      where(builder, sandboxUrl);
      String apiToken = env("MX_API_TOKEN");
      if (sandboxUrl != null) {
        builder.ssoBaseUrl(sandboxUrl).sso(clientId, apiKey, MxSandbox.USER_GUID);
      } else if (apiToken != null) {
        builder.apiTokenSource(() -> apiToken);
      } else {
        String userId = env("MX_USER_ID");
        if (clientId == null || apiKey == null || userId == null) {
          throw new IllegalStateException(
              "set MX_API_TOKEN, or MX_CLIENT_ID, MX_API_KEY and MX_USER_ID, for the Nexus API");
        }
        builder.sso(clientId, apiKey, userId);
        if (env("MX_SSO_URL") != null) {
          builder.ssoBaseUrl(env("MX_SSO_URL"));
        }
      }
      try (MxNexusClient client = builder.build()) {
        run(report, client.preview(update), () -> client.updateMember(update));
      }
    }
  }

  private static void run(Report report, RequestPreview preview, Supplier<MemberUpdateResult> call) {
    report.request(preview);
    report.result(call.get());
  }

  private void where(io.github.mxmembers.MxClientBuilder<?> builder, String sandboxUrl) {
    builder.retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts).build());
    if (sandboxUrl != null) {
      builder.baseUrl(sandboxUrl);
    } else if (endpoint.equalsIgnoreCase("integration")) {
      builder.environment(MxEnvironment.INTEGRATION);
    } else if (endpoint.equalsIgnoreCase("production")) {
      builder.environment(MxEnvironment.PRODUCTION);
    } else {
      builder.baseUrl(endpoint);
    }
  }

  private MemberUpdate update() {
    MemberUpdate.Builder update = MemberUpdate.builder().member(member);
    if (user != null) {
      update.user(user);
    }
    List<String> pairs = new ArrayList<>(credentials);
    if (credentialsFromStdin) {
      pairs.addAll(stdinLines());
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--credential takes GUID=VALUE");
      }
      update.credential(pair.substring(0, eq), pair.substring(eq + 1));
    }
    if (id != null) {
      update.id(id);
    }
    if (metadata != null) {
      update.metadata(metadata);
    }
    if (backgroundAggregationDisabled != null) {
      update.backgroundAggregationDisabled(backgroundAggregationDisabled);
    }
    if (!useCases.isEmpty()) {
      update.useCases(useCases.toArray(new UseCase[0]));
    }
    if (callbackPayload != null) {
      update.callbackPayload(callbackPayload);
    }
    if (skipAggregation) {
      update.skipAggregation(true);
    }
    if (skipWebhook) {
      update.skipWebhook(true);
    }
    return update.build();
  }

  private List<String> stdinLines() {
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
