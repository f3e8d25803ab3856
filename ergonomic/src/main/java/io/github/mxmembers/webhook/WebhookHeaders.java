package io.github.mxmembers.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The headers of a webhook request, by name in any case, as HTTP has them. Immutable. Its {@link
 * #toString()} names the headers and never gives a value: {@code Authorization} is among them.
 */
public final class WebhookHeaders {
  private static final WebhookHeaders NONE = new WebhookHeaders(new TreeMap<>());

  private final TreeMap<String, List<String>> byName;

  private WebhookHeaders(TreeMap<String, List<String>> byName) {
    this.byName = byName;
  }

  /**
   * The headers as a server gives them: the JDK's {@code Headers}, Spring's {@code HttpHeaders} and
   * most others are such a map. Names are matched in any case; null names and values are skipped.
   *
   * @param headers name to values (copied)
   * @return the headers
   */
  public static WebhookHeaders of(Map<String, ? extends List<String>> headers) {
    Objects.requireNonNull(headers, "headers == null");
    TreeMap<String, List<String>> byName = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            List<String> all = byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
            for (String value : values) {
              if (value != null) {
                all.add(value);
              }
            }
          }
        });
    byName.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return new WebhookHeaders(byName);
  }

  /**
   * Headers from name and value pairs, for tests and single-valued maps.
   *
   * @param namesAndValues name, value, name, value...
   * @return the headers
   * @throws IllegalArgumentException if the count is odd
   */
  public static WebhookHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("namesAndValues must come in pairs: " + namesAndValues.length + " given");
    }
    TreeMap<String, List<String>> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Objects.requireNonNull(namesAndValues[i], "namesAndValues[" + i + "] == null");
      map.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return of(map);
  }

  /** {@return no headers} */
  public static WebhookHeaders none() {
    return NONE;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return its first value; empty if it is absent
   */
  public Optional<String> first(String name) {
    List<String> values = byName.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Every value of a header.
   *
   * @param name the header's name, in any case
   * @return its values in the order received; empty if it is absent
   */
  public List<String> all(String name) {
    return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** {@return the names of the headers, in lower case, and never their values} */
  @Override
  public String toString() {
    return "WebhookHeaders" + byName.keySet();
  }
}
