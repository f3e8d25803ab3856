package io.github.mxmembers;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How one API's mapping writes the {@link UpdateField.Place#BODY} fields of an update into its
 * generated request model: one writer per field, checked against the table when the mapping is
 * loaded, so that a field the table gives the API and the mapping forgets (or the reverse) fails at
 * once, in the first test, never as a field silently left out of the request.
 *
 * @param <M> the generated model of the API's {@code member} object
 */
final class BodyWriters<M> {
  private final EnumMap<UpdateField, BiConsumer<M, MemberUpdate>> writers;

  /**
   * @param api the API the writers are for
   * @param writers a writer for every body field the table says the API takes, and no other
   * @throws IllegalStateException naming a field whose writer is missing or not the API's
   */
  BodyWriters(MxApi api, Map<UpdateField, BiConsumer<M, MemberUpdate>> writers) {
    this.writers = new EnumMap<>(UpdateField.class);
    this.writers.putAll(writers);
    for (UpdateField field : UpdateField.values()) {
      boolean expected = field.place() == UpdateField.Place.BODY && field.acceptedBy(api);
      if (expected != this.writers.containsKey(field)) {
        throw new IllegalStateException(
            api + " mapping: " + field.wireName() + (expected ? " has no writer" : " is not a body field of this API"));
      }
    }
  }

  /** Writes every body field the update sets; the update was checked against the API before. */
  M write(M model, MemberUpdate update) {
    for (Map.Entry<UpdateField, BiConsumer<M, MemberUpdate>> writer : writers.entrySet()) {
      if (update.has(writer.getKey())) {
        writer.getValue().accept(model, update);
      }
    }
    return model;
  }
}
