package io.github.mxmembers.internal;

/** Facts about this build, filtered in from the pom. Not part of the public API. */
public final class SdkInfo {
  /** This SDK's version. */
  public static final String VERSION = "${project.version}";

  /** The User-Agent every request carries. */
  public static final String USER_AGENT = "mx-members-java/" + VERSION;

  private SdkInfo() {}
}
