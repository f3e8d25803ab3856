package io.github.mxmembers.internal.client;

import io.github.mxmembers.annotations.InternalApi;
import java.util.Map;

/** Reads the environment variables a builder was asked to take its credentials from; never prints a value. */
@InternalApi
public final class Environment {
  private Environment() {}

  /** {@return the variable's value} @throws IllegalStateException naming it, if it is unset or blank */
  public static String required(Map<String, String> environment, String name) {
    String value = optional(environment, name);
    if (value == null) {
      throw new IllegalStateException("the environment variable " + name + " is not set");
    }
    return value;
  }

  /** {@return the variable's value, or null when it is unset or blank} */
  public static String optional(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
