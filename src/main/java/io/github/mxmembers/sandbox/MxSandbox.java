package io.github.mxmembers.sandbox;

import static org.mockserver.model.HttpRequest.request;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;
import org.mockserver.model.Header;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * An embedded fake of both MX APIs, on MockServer, on a free loopback port: the Platform API's update
 * member, the Nexus API's sessions and update member, and the SSO API-token call. It holds one user
 * and its member (MX's reference-page examples), checks auth, versions and media types, applies
 * updates, starts aggregations as MX describes, and can be told to misbehave.
 *
 * <pre>{@code
 * try (MxSandbox sandbox = MxSandbox.start()) {
 *   MxPlatformClient mx = MxPlatformClient.builder()
 *       .baseUrl(sandbox.baseUrl())
 *       .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
 *       .build();
 *   ...
 * }
 * }</pre>
 */
public final class MxSandbox implements AutoCloseable {
  /** The client id the sandbox accepts, for Basic auth and the SSO API. */
  public static final String CLIENT_ID = "sandbox-client-id";
  /** The API key the sandbox accepts (Platform Basic auth, SSO {@code MD-API-KEY}). */
  public static final String API_KEY = "sandbox-api-key";
  /** The seeded user: the reference pages' {@code user_guid}. */
  public static final String USER_GUID = "USR-fa7537f3-48aa-a683-a02a-b18940482f54";
  /** The seeded user's partner-defined id (the Platform page's {@code user_id}). */
  public static final String USER_ID = "u-1234";
  /** The seeded member: the reference pages' {@code guid}, on both APIs. */
  public static final String MEMBER_GUID = "MBR-7c6f361b-e582-15b6-60c0-358f12466b4b";
  /** The seeded Platform member's partner-defined id. */
  public static final String MEMBER_ID = "unique_id";
  /** The credential guid in the Platform page's request example. */
  public static final String CREDENTIAL_GUID = "CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f";

  private static final int FAULT_PRIORITY = 10;

  private final ClientAndServer server;
  private final SandboxState state;
  private final PlatformFake platform;
  private final NexusFake nexus;

  private MxSandbox(Clock clock) {
    ConfigurationProperties.logLevel("WARN");
    ConfigurationProperties.disableSystemOut(true);
    this.state = new SandboxState(clock);
    this.platform = new PlatformFake(state, CLIENT_ID, API_KEY);
    this.nexus = new NexusFake(state, CLIENT_ID, API_KEY);
    this.server = ClientAndServer.startClientAndServer(0);
    installRoutes();
  }

  /** Starts a sandbox on the system clock. */
  public static MxSandbox start() {
    return new MxSandbox(Clock.systemUTC());
  }

  /** Starts a sandbox whose sessions and tokens age by this clock. */
  public static MxSandbox start(Clock clock) {
    return new MxSandbox(Objects.requireNonNull(clock, "clock == null"));
  }

  private void installRoutes() {
    server.when(request().withMethod("PUT").withPath("/users/.+/members/[^/]+")).respond(platform::updateMember);
    server.when(request().withMethod("POST").withPath("/sessions")).respond(nexus::createSession);
    server.when(request().withMethod("PUT").withPath("/members/[^/]+")).respond(nexus::updateMember);
    server.when(request().withMethod("GET").withPath("/[^/]+/users/[^/]+/api_token\\.json")).respond(nexus::readApiToken);
  }

  /** The base URL of both APIs (and of the SSO call): {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public int port() {
    return server.getPort();
  }

  /** The Platform member as the sandbox holds it now (a copy), by guid or partner-defined id. */
  public Optional<JsonObject> platformMember(String identifier) {
    return Optional.ofNullable(state.platformMemberCopy(identifier));
  }

  /** The Nexus member as the sandbox holds it now (a copy), by guid. */
  public Optional<JsonObject> nexusMember(String guid) {
    return Optional.ofNullable(state.nexusMemberCopy(guid));
  }

  /** Finishes the member's running aggregation: CONNECTED, no longer being aggregated. */
  public void completeAggregation(String memberGuid) {
    state.completeAggregation(memberGuid);
  }

  /** Issues a one-time API token for the user, as the SSO API would (valid ten minutes). */
  public String issueApiToken(String userGuid) {
    return state.issueApiToken(userGuid);
  }

  /** The Member webhooks the sandbox would have sent, oldest first. */
  public List<Webhook> webhooks() {
    return state.webhooks();
  }

  /** Every request received, oldest first, misbehaviour included. */
  public List<RecordedRequest> received() {
    List<RecordedRequest> received = new ArrayList<>();
    for (HttpRequest request : server.retrieveRecordedRequests(request())) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header header : request.getHeaderList()) {
        headers.put(header.getName().getValue(), header.getValues().get(0).getValue());
      }
      received.add(
          new RecordedRequest(
              request.getMethod().getValue(),
              request.getPath().getValue(),
              headers,
              request.getBodyAsString()));
    }
    return received;
  }

  /** The next {@code count} member updates (either API) are answered with this status. */
  public void failNext(int count, int status) {
    fault(count).respond(HttpResponse.response().withStatusCode(status).withBody("{\"error\":{\"message\":\"sandbox fault\"}}"));
  }

  /** The next {@code count} member updates get 429 with this {@code Retry-After}. */
  public void rateLimitNext(int count, int retryAfterSeconds) {
    fault(count)
        .respond(
            HttpResponse.response()
                .withStatusCode(429)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withBody("{\"error\":{\"message\":\"too many requests\"}}"));
  }

  /** The next {@code count} member updates have their connection dropped without a response. */
  public void dropNext(int count) {
    fault(count).error(HttpError.error().withDropConnection(true));
  }

  /** The next {@code count} member updates are answered normally, after this delay. */
  public void delayNext(int count, Duration delay) {
    server
        .when(updates(), Times.exactly(count), TimeToLive.unlimited(), FAULT_PRIORITY)
        .respond(
            request ->
                request.getPath().getValue().startsWith("/users/")
                    ? platform.updateMember(request)
                    : nexus.updateMember(request),
            Delay.milliseconds(delay.toMillis()));
  }

  private org.mockserver.client.ForwardChainExpectation fault(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    return server.when(updates(), Times.exactly(count), TimeToLive.unlimited(), FAULT_PRIORITY);
  }

  private static HttpRequest updates() {
    return request().withMethod("PUT");
  }

  /** Back to the seeded state: faults, records, tokens, sessions and webhooks cleared. */
  public void reset() {
    server.reset();
    state.seed();
    installRoutes();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String toString() {
    return "MxSandbox{" + baseUrl() + "}";
  }
}
