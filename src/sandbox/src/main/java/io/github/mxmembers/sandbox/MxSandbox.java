package io.github.mxmembers.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookEvent;
import io.github.mxmembers.webhook.WebhookReceiver;
import io.github.mxmembers.webhook.WebhookServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An embedded fake of both MX APIs on the JDK's own HTTP server, listening on 127.0.0.1 only, on a
 * free port: the Platform API's update member, the Nexus API's sessions and update member, both
 * APIs' calls around the update (required credentials, status or the member, challenges, resume),
 * and the SSO API-token call. It holds one user and its member (MX's reference-page examples: one
 * member, which both APIs show, each with its own page's description of it), checks auth, versions,
 * media types and {@code Accept} as MX does, applies updates, and starts aggregations as MX
 * describes, which end at their time on the sandbox's clock ({@link #aggregationTime}), whether or
 * not anyone reads the member, as MX Bank's do: by the member's password, any value not listed
 * connects; {@code challenge}, {@code options} and {@code image} challenge it (a text, an options and
 * an image challenge), answered {@code correct} to connect (or {@code challenge}, for a second round)
 * and anything else to be {@code REJECTED}; {@code BAD_REQUEST} fails. {@link #connectionStatus} puts
 * a member in any status. What happens is published as {@link SandboxEvent}s ({@link #events()},
 * {@link #awaitEvent}): a test waits for one rather than sleeping. It sends MX's webhooks for what
 * happens, to the URLs set up ({@link #webhookUrl}, {@link #receiveWebhooks}), retrying as MX does.
 * It can be told to misbehave. Every
 * response carries an {@code X-Request-Id}. It needs nothing beyond the SDK and changes nothing of
 * the caller's logging.
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
 *
 * <p>Thread-safe: tests may call it while requests are being served.
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
  /**
   * The seeded member's one credential (the Platform page's request example), on both APIs. An update
   * naming another credential guid is refused with 422, as MX refuses a credential of another member.
   */
  public static final String CREDENTIAL_GUID = "CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f";
  /** The username the sandbox sends its webhooks with (HTTP Basic), until {@link #webhookCredentials} changes it. */
  public static final String WEBHOOK_USERNAME = "sandbox-webhooks";
  /** The password the sandbox sends its webhooks with (HTTP Basic), until {@link #webhookCredentials} changes it. */
  public static final String WEBHOOK_PASSWORD = "sandbox-webhook-password";
  /** The kinds of webhook the sandbox sends. */
  private static final Set<WebhookEvent.Kind> SENT =
      EnumSet.of(WebhookEvent.Kind.CONNECTION_STATUS, WebhookEvent.Kind.MEMBER, WebhookEvent.Kind.MEMBER_DATA_UPDATED);

  private static final AtomicInteger SANDBOXES = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final SandboxState state;
  private final PlatformFake platform;
  private final NexusFake nexus;
  private final SandboxTimer timer;
  private final WebhookSender sender;
  /** The servers {@link #receiveWebhooks} started, stopped at {@link #reset()}. */
  private final List<WebhookServer> webhookServers = new ArrayList<>();
  private final List<RecordedRequest> received = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Clock clock;
  /** Null when there is no rate limit. */
  private volatile RateLimit rateLimit;
  private volatile Duration latency = Duration.ZERO;
  /** Numbers the responses' {@code X-Request-Id}, as MX gives each response an id. */
  private final AtomicInteger requestIds = new AtomicInteger();

  private MxSandbox(Clock clock) {
    this.clock = clock;
    int number = SANDBOXES.incrementAndGet();
    SandboxTimer[] timer = {null};
    Runnable scheduled = () -> timer[0].poke();
    this.state = new SandboxState(clock, scheduled);
    this.sender = new WebhookSender(clock, scheduled, "mx-sandbox-" + number + "-webhooks", WEBHOOK_USERNAME, WEBHOOK_PASSWORD);
    this.timer = timer[0] = new SandboxTimer(clock, "mx-sandbox-" + number + "-timer", List.of(state::catchUp, sender::dispatchDue));
    this.platform = new PlatformFake(state, CLIENT_ID, API_KEY);
    this.nexus = new NexusFake(state, CLIENT_ID, API_KEY);
    state.subscribe(sender::onEvent);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "mx-sandbox-" + number + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      sender.close();
      throw new UncheckedIOException("the sandbox could not listen on the loopback interface", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    this.timer.start();
  }

  /** {@return a sandbox on the system clock, listening} */
  public static MxSandbox start() {
    return new MxSandbox(Clock.systemUTC());
  }

  /**
   * Starts a sandbox whose sessions, tokens and timestamps follow this clock.
   *
   * @param clock the clock; tests pass a controllable one to expire sessions
   * @return the sandbox, listening
   */
  public static MxSandbox start(Clock clock) {
    return new MxSandbox(Objects.requireNonNull(clock, "clock == null"));
  }

  /** {@return the base URL of both APIs (and of the SSO call): {@code http://127.0.0.1:<port>}} */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** {@return the loopback port the sandbox listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The Platform member as the sandbox holds it now.
   *
   * @param identifier the member's guid or partner-defined id
   * @return a copy of the member; empty if there is none
   */
  public Optional<JsonObject> platformMember(String identifier) {
    return Optional.ofNullable(state.view(MxApi.PLATFORM, identifier));
  }

  /**
   * The Nexus member as the sandbox holds it now.
   *
   * @param guid the member's guid
   * @return a copy of the member; empty if there is none
   */
  public Optional<JsonObject> nexusMember(String guid) {
    return Optional.ofNullable(state.view(MxApi.NEXUS, guid));
  }

  /**
   * Adds a member to the sandbox's user on both APIs, until {@link #reset()}: a copy of the seeded
   * member under this guid (its partner-defined id is the guid in lower case), with the same one
   * credential, {@link #CREDENTIAL_GUID}. For tests that update many members.
   *
   * @param guid the new member's guid, such as {@code MBR-0001}
   * @throws IllegalArgumentException if a member has that guid already
   */
  public void addMember(String guid) {
    Objects.requireNonNull(guid, "guid == null");
    state.addMember(guid);
  }

  /**
   * Puts the member (on both APIs) in a connection status, as a test needs it: any of MX's, or one
   * MX may add; {@code CHALLENGED} comes with a text challenge. An aggregation under way is dropped.
   *
   * @param memberGuid the member's guid
   * @param status the connection status, such as {@code LOCKED}
   * @param beingAggregated what {@code is_being_aggregated} says
   * @throws IllegalArgumentException if the sandbox has no such member
   */
  public void connectionStatus(String memberGuid, String status, boolean beingAggregated) {
    Objects.requireNonNull(memberGuid, "memberGuid == null");
    Objects.requireNonNull(status, "status == null");
    state.connectionStatus(memberGuid, status, beingAggregated);
  }

  /**
   * How long an aggregation takes on the sandbox's clock, until {@link #reset()}: 5 seconds by
   * default. Aggregations end as MX Bank ends them (see the class description).
   *
   * @param time at least zero
   * @throws IllegalArgumentException if negative
   */
  public void aggregationTime(Duration time) {
    Objects.requireNonNull(time, "time == null");
    if (time.isNegative()) {
      throw new IllegalArgumentException("time must not be negative: " + time);
    }
    state.aggregationTime(time);
  }

  /**
   * Finishes the member's running aggregation: CONNECTED, no longer being aggregated.
   *
   * @param memberGuid the member's guid
   */
  public void completeAggregation(String memberGuid) {
    state.completeAggregation(memberGuid);
  }

  /**
   * Issues a one-time API token for the user, as the SSO API would (valid ten minutes).
   *
   * @param userGuid the user's guid
   * @return the token, for {@code POST /sessions}
   */
  public String issueApiToken(String userGuid) {
    return state.issueApiToken(userGuid);
  }

  /**
   * Where the sandbox posts one kind of webhook, until {@link #reset()}: MX sets up "a different URL
   * ... for each event" (MX's Webhooks page), out of band. The sandbox sends {@code CONNECTION_STATUS}
   * when a member enters one of the eight statuses MX lists, {@code MEMBER} ({@code updated}) for each
   * update (not for a Nexus update that skips webhooks), and {@code MEMBER_DATA_UPDATED} ({@code
   * AGGREGATION}) when an aggregation ends CONNECTED; the last two with the update's {@code
   * X-CALLBACK-PAYLOAD}. Each is a POST of JSON with {@link #webhookCredentials} as HTTP Basic; one not
   * answered 2xx within 10 seconds is sent again up to 12 times over about 24 hours of the sandbox's
   * clock (advance a {@link ManualClock} to see them). Every attempt is in {@link #webhooks()}.
   *
   * @param kind {@code CONNECTION_STATUS}, {@code MEMBER} or {@code MEMBER_DATA_UPDATED}
   * @param url where to post it, http or https; null to stop sending that kind
   * @throws IllegalArgumentException if the sandbox does not send that kind, or the URL is not http(s)
   */
  public void webhookUrl(WebhookEvent.Kind kind, URI url) {
    Objects.requireNonNull(kind, "kind == null");
    if (!SENT.contains(kind)) {
      throw new IllegalArgumentException("the sandbox sends " + SENT + " webhooks, not " + kind);
    }
    if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException("url must be http or https: " + url.getScheme());
    }
    sender.url(kind, url);
  }

  /**
   * The HTTP Basic credentials the sandbox sends its webhooks with, as you would give them to MX,
   * until {@link #reset()}: {@link #WEBHOOK_USERNAME} and {@link #WEBHOOK_PASSWORD} by default.
   *
   * @param username the username; not blank, no {@code :}
   * @param password the password; not empty
   * @throws IllegalArgumentException naming the parameter, never its value
   */
  public void webhookCredentials(String username, String password) {
    WebhookAuth.basic(username, password); // the same checks as the receiver's
    sender.credentials(username, password);
  }

  /**
   * Sends every webhook the sandbox sends to this receiver until {@link #reset()}: serves it on the
   * loopback interface ({@link WebhookServer}, path {@code /mx/webhooks}) and sets that URL for each
   * kind. Build the receiver with {@code WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME,
   * MxSandbox.WEBHOOK_PASSWORD)}.
   *
   * @param receiver the receiver; you close it
   * @return the URL it is served at
   */
  public URI receiveWebhooks(WebhookReceiver receiver) {
    Objects.requireNonNull(receiver, "receiver == null");
    WebhookServer server =
        WebhookServer.start(receiver, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/mx/webhooks");
    synchronized (webhookServers) {
      webhookServers.add(server);
    }
    for (WebhookEvent.Kind kind : SENT) {
      sender.url(kind, server.url());
    }
    return server.url();
  }

  /**
   * {@return every attempt to deliver a webhook since the sandbox started or was reset, oldest first:
   * what was sent, where, and what the receiver answered}
   */
  public List<WebhookDelivery> webhooks() {
    return sender.log();
  }

  /**
   * The first delivery attempt, in the log so far or still to come, that matches.
   *
   * @param matching which attempt
   * @param timeout how long to wait for it, in real time
   * @return the attempt
   * @throws IllegalStateException if none came in time; the message lists the attempts that did
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public WebhookDelivery awaitWebhook(Predicate<WebhookDelivery> matching, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(matching, "matching == null");
    Objects.requireNonNull(timeout, "timeout == null");
    WebhookDelivery delivery = sender.await(matching, timeout);
    if (delivery == null) {
      throw new IllegalStateException("no such webhook in " + timeout + "; the sandbox's deliveries: " + sender.log());
    }
    return delivery;
  }

  /**
   * {@return everything that happened to the sandbox's members since it started or was reset, oldest
   * first: updates, aggregations started and ended, each change of a connection status}
   */
  public List<SandboxEvent> events() {
    state.catchUp();
    return state.events();
  }

  /**
   * The first event, in the log so far or still to come, that matches: what a test waits for instead
   * of sleeping (an aggregation that ends, say). Aggregations end on the sandbox's clock; on a {@link
   * ManualClock}, advance it past their end first.
   *
   * @param matching which event
   * @param timeout how long to wait for it, in real time
   * @return the event
   * @throws IllegalStateException if none came in time; the message lists the events that did
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public SandboxEvent awaitEvent(Predicate<SandboxEvent> matching, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(matching, "matching == null");
    Objects.requireNonNull(timeout, "timeout == null");
    state.catchUp();
    SandboxEvent event = state.awaitEvent(matching, timeout);
    if (event == null) {
      throw new IllegalStateException("no such event in " + timeout + "; the sandbox's events: " + state.events());
    }
    return event;
  }

  /** {@return every request received, oldest first, misbehaviour included; they hold auth headers as sent} */
  public List<RecordedRequest> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * The next member updates (a PUT on either API) are answered with this status.
   *
   * @param count how many updates, at least 1
   * @param status the HTTP status, such as 503
   * @throws IllegalArgumentException if count is under 1 or status is not 100 to 599
   */
  public void failNext(int count, int status) {
    addFault(Fault.status(count, status));
  }

  /**
   * The next member updates get 429 with a {@code Retry-After}.
   *
   * @param count how many updates, at least 1
   * @param retryAfterSeconds the {@code Retry-After} value, zero or more
   * @throws IllegalArgumentException if count is under 1 or the seconds are negative
   */
  public void rateLimitNext(int count, int retryAfterSeconds) {
    addFault(Fault.rateLimit(count, retryAfterSeconds));
  }

  /**
   * The next member updates have their connection closed without a response.
   *
   * @param count how many updates, at least 1
   * @throws IllegalArgumentException if count is under 1
   */
  public void dropNext(int count) {
    addFault(Fault.drop(count));
  }

  /**
   * The next member updates are answered normally, after a delay in real time.
   *
   * @param count how many updates, at least 1
   * @param delay how long to wait before answering
   * @throws IllegalArgumentException if count is under 1 or the delay is negative
   */
  public void delayNext(int count, Duration delay) {
    addFault(Fault.delay(count, delay));
  }

  /**
   * From now until {@link #reset()}, at most this many requests (to either API, sessions and SSO
   * included) are answered in each second of the sandbox's clock; the others get 429 with {@code
   * Retry-After: 1}, as MX answers a burst. Faults asked for with the {@code ...Next} methods come
   * first.
   *
   * @param requestsPerSecond at least 1
   * @throws IllegalArgumentException if under 1
   */
  public void rateLimit(int requestsPerSecond) {
    this.rateLimit = new RateLimit(requestsPerSecond, clock);
  }

  /** {@return how many requests the rate limit refused with 429 since it was set} */
  public long rateLimited() {
    RateLimit limit = rateLimit;
    return limit == null ? 0 : limit.refused();
  }

  /**
   * From now until {@link #reset()}, every response is sent after this delay (in real time), to
   * test and benchmark against MX's own latency.
   *
   * @param latency zero or more
   * @throws IllegalArgumentException if negative
   */
  public void latency(Duration latency) {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or more");
    }
    this.latency = latency;
  }

  private void addFault(Fault fault) {
    synchronized (faults) {
      faults.addLast(fault);
    }
  }

  /**
   * Back to the seeded state: faults, rate limit, latency, records, tokens, sessions, events, webhook
   * URLs, credentials and deliveries cleared (the servers of {@link #receiveWebhooks} stopped), and the responses' {@code X-Request-Id} numbered from 1 again.
   */
  public void reset() {
    rateLimit = null;
    latency = Duration.ZERO;
    requestIds.set(0);
    synchronized (faults) {
      faults.clear();
    }
    synchronized (received) {
      received.clear();
    }
    stopWebhookServers();
    sender.reset(WEBHOOK_USERNAME, WEBHOOK_PASSWORD);
    state.seed();
  }

  private void stopWebhookServers() {
    synchronized (webhookServers) {
      webhookServers.forEach(WebhookServer::close);
      webhookServers.clear();
    }
  }

  /** Stops listening and ends the sandbox's threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    timer.close();
    sender.close();
    stopWebhookServers();
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "MxSandbox{" + baseUrl() + "}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      RecordedRequest request = record(exchange);
      Fault fault = "PUT".equals(request.method()) ? takeFault() : null;
      if (fault != null && fault.kind == Fault.Kind.DROP) {
        return; // closed below without a response: the client sees the connection end
      }
      if (fault != null && fault.kind == Fault.Kind.DELAY) {
        Thread.sleep(fault.delay.toMillis());
      }
      RateLimit limit = rateLimit;
      Reply refused = fault == null && limit != null ? limit.admit() : null;
      Reply reply =
          fault != null && fault.kind == Fault.Kind.REPLY ? fault.reply : refused != null ? refused : route(request);
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      send(exchange, reply);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException bug) {
      send(exchange, Replies.platformError(500, "sandbox error: " + bug.getClass().getSimpleName()));
    } finally {
      exchange.close();
    }
  }

  private Reply route(RecordedRequest request) {
    state.catchUp(); // an aggregation past its end has ended, whatever the timer thread is doing
    if (PlatformFake.handles(request.method(), request.path())) {
      return platform.handle(request);
    }
    if (NexusFake.handles(request.method(), request.path())) {
      return nexus.handle(request);
    }
    return Replies.platformError(404, "Not found");
  }

  private Fault takeFault() {
    synchronized (faults) {
      Fault fault = faults.peekFirst();
      if (fault != null && --fault.remaining == 0) {
        faults.removeFirst();
      }
      return fault;
    }
  }

  private RecordedRequest record(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    RecordedRequest request =
        new RecordedRequest(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            body,
            clock.instant());
    synchronized (received) {
      received.add(request);
    }
    return request;
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType);
    exchange.getResponseHeaders().set("X-Request-Id", "sandbox-" + requestIds.incrementAndGet());
    reply.headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body);
    }
  }
}
