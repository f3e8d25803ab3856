package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.UpdateField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * How one API's mapping writes the {@link UpdateField.Place#BODY} fields of an update into its
 * generated request model: one writer per field, checked against the table when the mapping is
 * loaded, so that a field the table gives the API and the mapping forgets (or the reverse) fails at
 * once, in the first test, never as a field silently left out of the request.
 *
 * @param <M> the generated model of the API's {@code member} object
 */
@InternalApi
public final class BodyWriters<M> {
  /** The fields and their writers, by index: walked for every update, with no iterator or entry made. */
  private final UpdateField[] fields;
  private final List<BiConsumer<M, MemberUpdate>> writers;

  /**
   * @param api the API the writers are for
   * @param writers a writer for every body field the table says the API takes, and no other
   * @throws IllegalStateException naming a field whose writer is missing or not the API's
   */
  public BodyWriters(MxApi api, Map<UpdateField, BiConsumer<M, MemberUpdate>> writers) {
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
  public M write(M model, MemberUpdate update) {
    for (int i = 0; i < fields.length; i++) {
      if (update.has(fields[i])) {
        writers.get(i).accept(model, update);
      }
    }
    return model;
  }

  /**
   * Credentials (an update's, or a resume's answers) as the API's generated model has them: the one
   * mapping of both APIs, each giving its own model's constructor.
   *
   * @param make the API's {@code CredentialRequest} of a guid and a value
   */
  public static <T> List<T> credentials(List<Credential> credentials, BiFunction<String, String, T> make) {
    List<T> wire = new ArrayList<>(credentials.size());
    for (Credential credential : credentials) {
      wire.add(make.apply(credential.guid(), credential.value()));
    }
    return wire;
  }
}
