package io.github.mxmembers.micrometer;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer instrumentation of every MX call, hung on the SDK's {@link CallListener}: one {@code
 * Observation} per call and per attempt (so one registration gives timers, and spans where Micrometer
 * Tracing is present), counters of retries, session renewals and 429s, and a gauge of calls in flight.
 * A client without it pays nothing.
 *
 * <pre>{@code
 * MxPlatformClient mx = MxPlatformClient.builder()
 *     .credentials(clientId, apiKey)
 *     .callListener(MxObservations.builder(observationRegistry).meterRegistry(meterRegistry).build())
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters besides the observations' timers ({@link DefaultMxObservationConvention})</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code mx.members.retries}</td><td>counter</td><td>{@code mx.api}, {@code mx.operation}, {@code reason} (the status retried, such as {@code 503}, or the failure, such as {@code ConnectException})</td></tr>
 *   <tr><td>{@code mx.members.throttled}</td><td>counter</td><td>{@code mx.api}, {@code mx.operation}: responses 429</td></tr>
 *   <tr><td>{@code mx.members.session.renewals}</td><td>counter</td><td>{@code mx.api}, {@code reason} ({@code about_to_lapse}, {@code expired})</td></tr>
 *   <tr><td>{@code mx.members.calls.in.flight}</td><td>gauge</td><td>{@code mx.api}</td></tr>
 * </table>
 *
 * <p>No tag or key holds a secret: the listener's events hold no credential, key, token or answer.
 * The member's and user's ids are in the request line, a high-cardinality key (spans, never metrics).
 * Thread-safe; one instance may serve several clients.
 */
public final class MxObservations implements CallListener {
  private final ObservationRegistry registry;
  private final MeterRegistry meters;
  private final MxObservationConvention convention;
  private final MxObservationConvention attemptConvention;
  private final Map<Long, Running> calls = new ConcurrentHashMap<>();
  private final Map<MxApi, AtomicInteger> inFlight = new EnumMap<>(MxApi.class);

  private MxObservations(Builder builder) {
    this.registry = builder.registry;
    this.meters = builder.meters;
    this.convention = builder.convention;
    this.attemptConvention = builder.attemptConvention;
    for (MxApi api : MxApi.values()) {
      AtomicInteger count = new AtomicInteger();
      inFlight.put(api, count);
      if (meters != null) {
        Gauge.builder("mx.members.calls.in.flight", count, AtomicInteger::get)
            .description("MX calls under way")
            .tag("mx.api", api.name().toLowerCase(Locale.ROOT))
            .register(meters);
      }
    }
  }

  /**
   * A builder.
   *
   * @param registry where the observations go
   * @return the builder
   */
  public static Builder builder(ObservationRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry == null"));
  }

  /** One call under way: its observation, and its attempt's. */
  private static final class Running {
    final MxCallContext context;
    final Observation observation;
    volatile MxCallContext attemptContext;
    volatile Observation attempt;

    Running(MxCallContext context, Observation observation) {
      this.context = context;
      this.observation = observation;
    }
  }

  @Override
  public void callStarted(CallStarted event) {
    MxCallContext context = new MxCallContext(MxCallContext.Kind.CALL, event.api(), Operations.of(event.request()), event.request(), 0);
    Observation observation =
        Observation.createNotStarted(convention, DEFAULT_CALLS, () -> context, registry).start();
    calls.put(event.callId(), new Running(context, observation));
    inFlight.get(event.api()).incrementAndGet();
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    Running call = calls.get(event.callId());
    if (call == null) {
      return;
    }
    MxCallContext context =
        new MxCallContext(MxCallContext.Kind.ATTEMPT, event.api(), Operations.of(event.request()), event.request(), event.attempt());
    call.attemptContext = context;
    call.attempt =
        Observation.createNotStarted(attemptConvention, DEFAULT_ATTEMPTS, () -> context, registry)
            .parentObservation(call.observation)
            .start();
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    Running call = calls.get(event.callId());
    if (event.status() == 429 && meters != null) {
      counter("mx.members.throttled", "MX responses 429 (too many requests)", event.api(), Operations.of(event.request())).increment();
    }
    if (call == null || call.attempt == null) {
      return;
    }
    call.attemptContext.ended(event.status(), 0, event.requestId(), event.failure());
    call.attempt.stop();
    call.attempt = null;
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    if (meters != null) {
      Counter.builder("mx.members.retries")
          .description("MX requests sent again")
          .tag("mx.api", api(event.api()))
          .tag("mx.operation", Operations.of(event.request()))
          .tag("reason", event.reason())
          .register(meters)
          .increment();
    }
  }

  @Override
  public void sessionOpened(SessionOpened event) {
    if (event.renewal() && meters != null) {
      Counter.builder("mx.members.session.renewals")
          .description("Nexus sessions opened again")
          .tag("mx.api", api(event.api()))
          .tag("reason", event.reason().startsWith("expired") ? "expired" : "about_to_lapse")
          .register(meters)
          .increment();
    }
  }

  @Override
  public void callFinished(CallFinished event) {
    Running call = calls.remove(event.callId());
    if (call == null) {
      return;
    }
    inFlight.get(event.api()).decrementAndGet();
    if (call.attempt != null) {
      call.attempt.stop(); // the call ended while an attempt was under way (cancelled, closed)
    }
    call.context.ended(
        event.status(), event.attempts(), event.requestId(), event.failure() == null ? null : event.failure().getClass().getSimpleName());
    if (event.failure() != null) {
      call.observation.error(event.failure());
    }
    call.observation.stop();
  }

  private Counter counter(String name, String description, MxApi api, String operation) {
    return Counter.builder(name).description(description).tag("mx.api", api(api)).tag("mx.operation", operation).register(meters);
  }

  private static String api(MxApi api) {
    return api.name().toLowerCase(Locale.ROOT);
  }

  private static final MxObservationConvention DEFAULT_CALLS = new DefaultMxObservationConvention();
  private static final MxObservationConvention DEFAULT_ATTEMPTS = DefaultMxObservationConvention.forAttempts();

  /** Builds the instrumentation. */
  public static final class Builder {
    private final ObservationRegistry registry;
    private MeterRegistry meters;
    private MxObservationConvention convention;
    private MxObservationConvention attemptConvention;

    private Builder(ObservationRegistry registry) {
      this.registry = registry;
    }

    /**
     * Where the counters and the gauge go; without it, only the observations (whose timers the
     * registry's handlers make).
     *
     * @param meters the meter registry
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry meters) {
      this.meters = Objects.requireNonNull(meters, "meters == null");
      return this;
    }

    /**
     * A convention of your own for the calls' observations ({@link DefaultMxObservationConvention} by default).
     *
     * @param convention the convention
     * @return this builder
     */
    public Builder convention(MxObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention == null");
      return this;
    }

    /**
     * A convention of your own for the attempts' observations ({@link
     * DefaultMxObservationConvention#forAttempts()} by default).
     *
     * @param convention the convention
     * @return this builder
     */
    public Builder attemptConvention(MxObservationConvention convention) {
      this.attemptConvention = Objects.requireNonNull(convention, "convention == null");
      return this;
    }

    /** {@return the instrumentation, a {@link CallListener} to give the client builders} */
    public MxObservations build() {
      return new MxObservations(this);
    }
  }
}
