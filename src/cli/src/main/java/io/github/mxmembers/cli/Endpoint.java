package io.github.mxmembers.cli;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxAsyncClientBuilder;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.MxClientBuilder;
import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.NexusClientBuilder;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.sandbox.MxSandbox;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where a command sends, and the one place in the CLI that knows both APIs' settings: the embedded
 * sandbox (started when there is no {@code --endpoint}, stopped on {@link #close()}), or MX's
 * integration or production servers or a URL, with MX's keys from the environment: {@code
 * MX_CLIENT_ID} and {@code MX_API_KEY} (Platform Basic auth; for Nexus the SSO API key, with {@code
 * MX_USER_ID} and optionally {@code MX_SSO_URL}), or {@code MX_API_TOKEN} (Nexus, a one-time token).
 * Every command builds its client here and then talks to it as an {@link MxClient}, whichever API.
 */
final class Endpoint implements AutoCloseable {
  /** How long an aggregation takes in the embedded sandbox: --wait ends at its second status read. */
  static final Duration SANDBOX_AGGREGATION = Duration.ofSeconds(2);

  private final SendOptions.Api api;
  private final String endpoint;
  private final Map<String, String> env;
  private final RetryPolicy retryPolicy;
  private final MxSandbox sandbox;

  private Endpoint(SendOptions options, Map<String, String> env, MxSandbox sandbox) {
    this.api = options.api;
    this.endpoint = options.endpoint;
    this.env = env;
    this.retryPolicy = options.retryPolicy();
    this.sandbox = sandbox;
  }

  /**
   * The command's endpoint: the embedded sandbox, started now, when there is no {@code --endpoint}.
   *
   * @throws IllegalArgumentException naming {@code --max-attempts} when it is under 1
   */
  static Endpoint of(SendOptions options, Map<String, String> env) {
    options.retryPolicy(); // a bad --max-attempts is refused before a sandbox starts
    if (options.endpoint != null) {
      return new Endpoint(options, env, null);
    }
    MxSandbox sandbox = MxSandbox.start();
    sandbox.aggregationTime(SANDBOX_AGGREGATION);
    return new Endpoint(options, env, sandbox);
  }

  /** {@return the embedded sandbox, or null when sending to {@code --endpoint}} */
  MxSandbox sandbox() {
    return sandbox;
  }

  /** {@return where requests go, for reports: {@code sandbox} or the endpoint as given} */
  String name() {
    return sandbox != null ? "sandbox" : endpoint;
  }

  /**
   * The member a command names, as its API has members: a user and a member on the Platform API,
   * a member alone on Nexus.
   *
   * @throws IllegalArgumentException naming {@code --user} when the API wants it and it is missing,
   *     or does not take it and it is given
   */
  MemberRef member(String user, String member) {
    if (api == SendOptions.Api.PLATFORM) {
      if (user == null) {
        throw new IllegalArgumentException("--user: required on the Platform API");
      }
      return MemberRef.of(user, member);
    }
    if (user != null) {
      throw new IllegalArgumentException("--user: the Nexus API has none (a session is its user's)");
    }
    return MemberRef.of(member);
  }

  /**
   * A sync client of the command's API, with the command's retries and listener.
   *
   * @param apiVersion the Platform version to pin, or null for the newest
   * @throws IllegalStateException naming the environment variables a real endpoint needs and lacks
   */
  MxClient client(CallListener listener, PlatformApiVersion apiVersion) {
    if (api == SendOptions.Api.PLATFORM) {
      MxPlatformClient.Builder builder = configure(MxPlatformClient.builder(), listener);
      platformCredentials(builder::credentials, false);
      if (apiVersion != null) {
        builder.apiVersion(apiVersion);
      }
      return builder.build();
    }
    if (apiVersion != null) {
      throw new IllegalArgumentException("--api-version: the Nexus API has no Accept-Version");
    }
    MxNexusClient.Builder builder = configure(MxNexusClient.builder(), listener);
    String token = nexusSessions(builder, false);
    if (token != null) {
      builder.apiTokenSource(() -> token);
    }
    return builder.build();
  }

  /**
   * An async client's builder of the command's API, for a bulk run: with {@code dryRun}, keys that
   * are missing are not asked for, since nothing is sent.
   *
   * @throws IllegalStateException naming the environment variables a real endpoint needs and lacks
   */
  MxAsyncClientBuilder<?> asyncClient(CallListener listener, int maxConnections, boolean dryRun) {
    if (api == SendOptions.Api.PLATFORM) {
      MxPlatformAsyncClient.Builder builder = configure(MxPlatformAsyncClient.builder(), listener).maxConnections(maxConnections);
      platformCredentials(builder::credentials, dryRun);
      return builder;
    }
    MxNexusAsyncClient.Builder builder = configure(MxNexusAsyncClient.builder(), listener).maxConnections(maxConnections);
    String token = nexusSessions(builder, dryRun);
    if (token != null) {
      // one token opens one session: enough for a run shorter than a session's 30 idle minutes
      builder.apiTokenSource(() -> CompletableFuture.completedFuture(token));
    } else if (dryRun) {
      builder.apiTokenSource(() -> CompletableFuture.failedFuture(new IllegalStateException("dry run")));
    }
    return builder;
  }

  /** Where to send, the retries and the listener, on either API's builder. */
  private <B extends MxClientBuilder<B>> B configure(B builder, CallListener listener) {
    builder.retryPolicy(retryPolicy).callListener(listener);
    if (sandbox != null) {
      builder.baseUrl(sandbox.baseUrl());
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
    return builder;
  }

  private interface Credentials {
    void set(String clientId, String apiKey);
  }

  private void platformCredentials(Credentials credentials, boolean dryRun) {
    String clientId = sandbox != null ? MxSandbox.CLIENT_ID : env("MX_CLIENT_ID");
    String apiKey = sandbox != null ? MxSandbox.API_KEY : env("MX_API_KEY");
    if (clientId == null || apiKey == null) {
      if (!dryRun) {
        throw new IllegalStateException("set MX_CLIENT_ID and MX_API_KEY for the Platform API");
      }
      clientId = clientId == null ? "dry-run" : clientId;
      apiKey = apiKey == null ? "dry-run" : apiKey;
    }
    credentials.set(clientId, apiKey);
  }

  /**
   * Sets the Nexus builder's SSO source (the sandbox's, or MX's from the environment), or returns the
   * one-time {@code MX_API_TOKEN} for the caller to give in its flavour's form; null when the SSO
   * source was set, or, in a dry run, when there is nothing to set.
   */
  private String nexusSessions(NexusClientBuilder<?> builder, boolean dryRun) {
    if (sandbox != null) {
      builder.ssoBaseUrl(sandbox.baseUrl()).sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID);
      return null;
    }
    String apiToken = env("MX_API_TOKEN");
    if (apiToken != null) {
      return apiToken;
    }
    String clientId = env("MX_CLIENT_ID");
    String apiKey = env("MX_API_KEY");
    String userId = env("MX_USER_ID");
    if (clientId != null && apiKey != null && userId != null) {
      builder.sso(clientId, apiKey, userId);
      if (env("MX_SSO_URL") != null) {
        builder.ssoBaseUrl(env("MX_SSO_URL"));
      }
      return null;
    }
    if (dryRun) {
      return null;
    }
    throw new IllegalStateException("set MX_API_TOKEN, or MX_CLIENT_ID, MX_API_KEY and MX_USER_ID, for the Nexus API");
  }

  /** An environment variable's value, or null when unset or blank. */
  String env(String name) {
    return env(env, name);
  }

  static String env(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** Stops the embedded sandbox, if there is one. */
  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
