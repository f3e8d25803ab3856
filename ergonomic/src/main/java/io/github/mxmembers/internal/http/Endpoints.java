package io.github.mxmembers.internal.http;

import io.github.mxmembers.annotations.InternalApi;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** Checks base URLs: credentials only travel over HTTPS, except to a loopback address. */
@InternalApi
public final class Endpoints {
  private Endpoints() {}

  /**
   * Returns the base URL without a trailing slash.
   *
   * @throws IllegalArgumentException if it is not an absolute http(s) URL, has a port outside 1 to
   *     65535, or is plain http to a host that is not loopback
   */
  public static String checkBaseUrl(String baseUrl, String parameter) {
    // messages name the scheme and host only: a URL may carry user info
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(parameter + " is not a URL", null);
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null || scheme == null) {
      throw new IllegalArgumentException(parameter + " must be an absolute URL with a host");
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
      throw new IllegalArgumentException(parameter + " has port " + uri.getPort() + "; ports are 1 to 65535");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          parameter + " must not carry user info, a query or a fragment");
    }
    if (!scheme.equalsIgnoreCase("https")) {
      if (!scheme.equalsIgnoreCase("http") || !isLoopback(uri.getHost())) {
        throw new IllegalArgumentException(
            parameter
                + " must use https (credentials only travel over HTTPS, except to a loopback"
                + " address): "
                + scheme
                + "://"
                + uri.getHost());
      }
    }
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name other than localhost: do not resolve it just to decide
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
