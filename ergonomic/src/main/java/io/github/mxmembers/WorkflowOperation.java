package io.github.mxmembers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
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
 * An {@link Operation} of the calls around the update, made of its three parts: how to prepare the
 * request from the generated API, the generated reader of its success bodies (as JSON, so that what
 * MX adds is kept), and how to read the result from that JSON ({@code null} for a 204).
 */
final class WorkflowOperation<I, R> implements Operation<I, R> {
  private final Function<I, PreparedRequest> prepare;
  private final BiFunction<Integer, byte[], JsonObject> parser;
  private final Function<JsonObject, R> reader;
  private final boolean once;

  /**
   * @param once true for a request that must not be repeated once it may have reached MX
   */
  WorkflowOperation(
      Function<I, PreparedRequest> prepare,
      BiFunction<Integer, byte[], JsonObject> parser,
      Function<JsonObject, R> reader,
      boolean once) {
    this.prepare = prepare;
    this.parser = parser;
    this.reader = reader;
    this.once = once;
  }

  @Override
  public PreparedRequest prepare(I input) {
    return prepare.apply(Objects.requireNonNull(input, "input == null"));
  }

  @Override
  public R read(Call call, PreparedRequest request, Response response) {
    JsonObject body = Responses.body(call, request, response, parser);
    try {
      return reader.apply(body);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException e) {
      throw Failures.unreadable(call, request, response, "a body unlike the spec's (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public Outgoing outgoing(PreparedRequest request) {
    return once ? Outgoing.once(request) : Outgoing.idempotent(request);
  }

  /** The member a body holds; a body without one (a 204) is no answer to a call that returns a member. */
  static Member member(JsonObject body, Function<JsonObject, Member> mapping) {
    if (body == null || !body.has("member") || !body.get("member").isJsonObject()) {
      throw new JsonParseException("no member");
    }
    return mapping.apply(body);
  }
}
