package io.github.mxmembers.internal;

import io.github.mxmembers.annotations.InternalApi;

/** Facts about this build, filtered in from the pom. Not part of the public API. */
@InternalApi
public final class SdkInfo {
  /** This SDK's version. */
  public static final String VERSION = "${project.version}";

  /** The Platform API version this build was generated from (the root pom's mx.platform.version). */
  public static final String PLATFORM_VERSION = "${mx.platform.version}";

  /** The User-Agent every request carries: the SDK's version and the Platform spec it speaks. */
  public static final String USER_AGENT = "mx-members-java/" + VERSION + " mx-platform/" + PLATFORM_VERSION;

  private SdkInfo() {}
}
