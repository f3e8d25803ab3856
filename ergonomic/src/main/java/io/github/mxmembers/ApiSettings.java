package io.github.mxmembers;

/**
 * The settings one API's builders hold beside the shared ones ({@link PlatformAuth}, {@link
 * NexusAuth}): checked as they are set, copied with the builder, never printed with a secret.
 */
abstract class ApiSettings implements Cloneable {
  /** A copy that changes independently of this one; the values it holds are immutable. */
  ApiSettings copy() {
    try {
      return (ApiSettings) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** Settings only: never a secret. */
  @Override
  public abstract String toString();
}
