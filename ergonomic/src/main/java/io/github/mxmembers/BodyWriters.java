package io.github.mxmembers;

import java.util.EnumMap;
import java.util.List;
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
  /** The fields and their writers, by index: walked for every update, with no iterator or entry made. */
  private final UpdateField[] fields;
  private final List<BiConsumer<M, MemberUpdate>> writers;

  /**
   * @param api the API the writers are for
   * @param writers a writer for every body field the table says the API takes, and no other
   * @throws IllegalStateException naming a field whose writer is missing or not the API's
   */
  BodyWriters(MxApi api, Map<UpdateField, BiConsumer<M, MemberUpdate>> writers) {
    EnumMap<UpdateField, BiConsumer<M, MemberUpdate>> ordered = new EnumMap<>(UpdateField.class);
    ordered.putAll(writers);
    for (UpdateField field : UpdateField.values()) {
      boolean expected = field.place() == UpdateField.Place.BODY && field.acceptedBy(api);
      if (expected != ordered.containsKey(field)) {
        throw new IllegalStateException(
            api + " mapping: " + field.wireName() + (expected ? " has no writer" : " is not a body field of this API"));
      }
    }
    this.fields = ordered.keySet().toArray(new UpdateField[0]);
    this.writers = List.copyOf(ordered.values());
  }

  /** Writes every body field the update sets; the update was checked against the API before. */
  M write(M model, MemberUpdate update) {
    for (int i = 0; i < fields.length; i++) {
      if (update.has(fields[i])) {
        writers.get(i).accept(model, update);
      }
    }
    return model;
  }
}
