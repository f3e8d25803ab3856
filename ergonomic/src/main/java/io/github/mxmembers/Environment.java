package io.github.mxmembers;

import java.util.Map;

/** Reads the environment variables a builder was asked to take its credentials from; never prints a value. */
final class Environment {
  private Environment() {}

  /** {@return the variable's value} @throws IllegalStateException naming it, if it is unset or blank */
  static String required(Map<String, String> environment, String name) {
    String value = optional(environment, name);
    if (value == null) {
      throw new IllegalStateException("the environment variable " + name + " is not set");
    }
    return value;
  }

  /** {@return the variable's value, or null when it is unset or blank} */
  static String optional(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
