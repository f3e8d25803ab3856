package io.github.mxmembers.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The names and keys of the observations of MX calls, following Micrometer's conventions (dotted
 * lower-case names, low-cardinality keys for metrics, high-cardinality ones for spans only):
 *
 * <table>
 *   <caption>Observations</caption>
 *   <tr><th>name</th><th>what</th><th>low cardinality (metrics and spans)</th><th>high cardinality (spans)</th></tr>
 *   <tr><td>{@code mx.members.call}</td><td>a whole call, retries and waits included</td>
 *       <td>{@code mx.api}, {@code mx.operation}, {@code outcome}, {@code http.status}</td>
 *       <td>{@code mx.request}, {@code mx.request_id}, {@code mx.attempts}</td></tr>
 *   <tr><td>{@code mx.members.attempt}</td><td>one request and its response</td>
 *       <td>{@code mx.api}, {@code mx.operation}, {@code outcome}, {@code http.status}</td>
 *       <td>{@code mx.request}, {@code mx.request_id}, {@code mx.attempt}</td></tr>
 * </table>
 *
 * <p>{@code mx.api} is {@code platform} or {@code nexus}; {@code outcome} {@code SUCCESS} (2xx),
 * {@code CLIENT_ERROR} (4xx), {@code SERVER_ERROR} (5xx), {@code REDIRECTION} (3xx) or {@code
 * TRANSPORT_ERROR} (no response); {@code http.status} the status, or {@code NONE}. A member, user or
 * request id is never a low-cardinality value.
 */
public class DefaultMxObservationConvention implements MxObservationConvention {
  /** The name of a call's observation. */
  public static final String CALL = "mx.members.call";
  /** The name of an attempt's observation. */
  public static final String ATTEMPT = "mx.members.attempt";

  private final String name;

  /** The convention of calls ({@value #CALL}), as {@link MxObservations} uses it unless told otherwise. */
  public DefaultMxObservationConvention() {
    this(CALL);
  }

  /**
   * A convention under another name: {@link #ATTEMPT} for attempts, say.
   *
   * @param name the observation's name
   */
  protected DefaultMxObservationConvention(String name) {
    this.name = name;
  }

  /** {@return the convention of attempts ({@value #ATTEMPT})} */
  public static DefaultMxObservationConvention forAttempts() {
    return new DefaultMxObservationConvention(ATTEMPT);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getContextualName(MxCallContext context) {
    return "mx " + api(context) + " " + context.operation() + (context.kind() == MxCallContext.Kind.ATTEMPT ? " attempt" : "");
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(MxCallContext context) {
    // few combinations, made once each: an observation's keys are asked for at its start and its stop
    String key = context.api().ordinal() + context.operation() + '|' + context.status();
    return LOW.computeIfAbsent(
        key,
        k -> KeyValues.of(
            KeyValue.of("mx.api", api(context)),
            KeyValue.of("mx.operation", context.operation()),
            KeyValue.of("outcome", outcome(context.status())),
            KeyValue.of("http.status", context.status() == 0 ? "NONE" : String.valueOf(context.status()))));
  }

  /** The low-cardinality keys by API, operation and status: a few dozen at most. */
  private static final java.util.concurrent.ConcurrentHashMap<String, KeyValues> LOW = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public KeyValues getHighCardinalityKeyValues(MxCallContext context) {
    KeyValues values = KeyValues.of(KeyValue.of("mx.request", context.request()));
    if (context.requestId() != null) {
      values = values.and("mx.request_id", context.requestId());
    }
    return context.kind() == MxCallContext.Kind.ATTEMPT
        ? values.and("mx.attempt", String.valueOf(context.attempt()))
        : values.and("mx.attempts", String.valueOf(context.attempts()));
  }

  static String api(MxCallContext context) {
    return context.api().name().toLowerCase(Locale.ROOT);
  }

  static String outcome(int status) {
    if (status == 0) {
      return "TRANSPORT_ERROR";
    }
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}
