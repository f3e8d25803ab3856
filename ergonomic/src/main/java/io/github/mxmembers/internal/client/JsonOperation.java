package io.github.mxmembers.internal.client;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Failures;
import io.github.mxmembers.internal.pipeline.Outgoing;
import io.github.mxmembers.internal.pipeline.Response;
import io.github.mxmembers.internal.pipeline.Responses;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An {@link Operation} made of its three parts: how to prepare the request from the generated API,
 * the generated reader of its success bodies (as JSON, so that what MX adds is kept), and how to read
 * the result from that JSON ({@code null} for a 204). Every MX call of the SDK is one.
 */
@InternalApi
public final class JsonOperation<I, R> implements Operation<I, R> {
  /** Reads the result from the body of the call's last, successful response. */
  @FunctionalInterface
  public interface Reader<R> {
    /**
     * @param body the body, or null for a 204
     * @throws JsonParseException if the body is not the spec's shape (an {@code IllegalStateException},
     *     {@code UnsupportedOperationException} or {@code ClassCastException} of Gson's counts alike)
     */
    R read(JsonObject body, Call call, Response response);
  }

  private final String inputName;
  private final Function<I, PreparedRequest> prepare;
  private final BiFunction<Integer, byte[], JsonObject> parser;
  private final Reader<R> reader;
  private final boolean once;

  private JsonOperation(
      String inputName,
      Function<I, PreparedRequest> prepare,
      BiFunction<Integer, byte[], JsonObject> parser,
      Reader<R> reader,
      boolean once) {
    this.inputName = inputName;
    this.prepare = prepare;
    this.parser = parser;
    this.reader = reader;
    this.once = once;
  }

  /**
   * A call MX may be sent again after a failure (a read, an idempotent {@code PUT}).
   *
   * @param inputName the caller's name for the input, for the message when it is null
   */
  public static <I, R> JsonOperation<I, R> idempotent(
      String inputName,
      Function<I, PreparedRequest> prepare,
      BiFunction<Integer, byte[], JsonObject> parser,
      Reader<R> reader) {
    return new JsonOperation<>(inputName, prepare, parser, reader, false);
  }

  /** A call never repeated once it may have reached MX (resume: a one-time code answered twice fails). */
  public static <I, R> JsonOperation<I, R> once(
      String inputName,
      Function<I, PreparedRequest> prepare,
      BiFunction<Integer, byte[], JsonObject> parser,
      Reader<R> reader) {
    return new JsonOperation<>(inputName, prepare, parser, reader, true);
  }

  @Override
  public PreparedRequest prepare(I input) {
    return prepare.apply(Objects.requireNonNull(input, () -> inputName + " == null"));
  }

  @Override
  public R read(Call call, PreparedRequest request, Response response) {
    JsonObject body = Responses.body(call, request, response, parser);
    try {
      return reader.read(body, call, response);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException e) {
      throw Failures.unreadable(call, request, response, "a body unlike the spec's (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public Outgoing outgoing(PreparedRequest request) {
    return once ? Outgoing.once(request) : Outgoing.idempotent(request);
  }
}
