package io.github.mxmembers;

import io.github.mxmembers.internal.SdkInfo;

/** This build of mx-members, as AWS SDK v2's {@code VersionInfo} tells its own: for logs and tools. */
public final class VersionInfo {
  /** This SDK's version, such as {@code 0.1.0}. */
  public static final String SDK_VERSION = SdkInfo.VERSION;

  /** The Platform API version this build was generated from, and pins by default. */
  public static final String PLATFORM_API_VERSION = SdkInfo.PLATFORM_VERSION;

  /** The {@code User-Agent} every request carries: the SDK's version and the Platform spec it speaks. */
  public static final String USER_AGENT = SdkInfo.USER_AGENT;

  private VersionInfo() {}
}
