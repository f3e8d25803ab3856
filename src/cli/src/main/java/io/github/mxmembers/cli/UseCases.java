package io.github.mxmembers.cli;

import io.github.mxmembers.model.UseCase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** The use cases {@code --use-case} offers and takes: the ones MX knows, never {@code UNKNOWN}. */
final class UseCases implements Iterable<String>, CommandLine.ITypeConverter<UseCase> {
  static List<String> sendable() {
    List<String> names = new ArrayList<>();
    for (UseCase useCase : UseCase.values()) {
      if (useCase != UseCase.UNKNOWN) {
        names.add(useCase.value());
      }
    }
    return names;
  }

  @Override
  public Iterator<String> iterator() {
    return sendable().iterator();
  }

  /** Never repeats the value: a mistyped option may have put a secret here. */
  @Override
  public UseCase convert(String value) {
    UseCase useCase = UseCase.fromValue(value.toUpperCase(Locale.ROOT));
    if (useCase == UseCase.UNKNOWN) {
      throw new CommandLine.TypeConversionException("expected one of " + String.join(", ", sendable()));
    }
    return useCase;
  }
}
