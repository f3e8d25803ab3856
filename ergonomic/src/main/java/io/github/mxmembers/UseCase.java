package io.github.mxmembers;

/** What a member is used for (MX's {@code use_cases}). */
public enum UseCase {
  MONEY_MOVEMENT,
  PFM,
  /** A value this SDK version does not know; MX adds values over time. Never sent. */
  UNKNOWN;

  /** The constant for a wire value; unknown values give {@link #UNKNOWN}. */
  public static UseCase fromValue(String value) {
    for (UseCase useCase : values()) {
      if (useCase != UNKNOWN && useCase.name().equals(value)) {
        return useCase;
      }
    }
    return UNKNOWN;
  }
}
