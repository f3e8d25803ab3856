package io.github.mxmembers.micrometer;

/**
 * The operation of a request line, a low-cardinality name: from its method and the shape of its
 * path, never its ids.
 */
final class Operations {
  private Operations() {}

  static String of(String request) {
    int space = request.indexOf(' ');
    String method = space < 0 ? "" : request.substring(0, space);
    String path = space < 0 ? request : request.substring(space + 1);
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.endsWith("/credentials")) {
      return "list_credentials";
    }
    if (path.endsWith("/challenges")) {
      return "list_challenges";
    }
    if (path.endsWith("/resume")) {
      return "resume";
    }
    if (path.endsWith("/status")) {
      return "read_status";
    }
    if (path.endsWith("/api_token.json")) {
      return "api_token";
    }
    if (path.equals("/sessions")) {
      return "open_session";
    }
    if (isMember(path)) {
      return method.equals("PUT") ? "update_member" : method.equals("GET") ? "read_status" : "other";
    }
    return "other";
  }

  /** {@code /members/X} or {@code /users/X/members/Y}, by hand: no regular expression on every call. */
  private static boolean isMember(String path) {
    String rest = path;
    if (rest.startsWith("/users/")) {
      int slash = rest.indexOf('/', "/users/".length());
      if (slash < 0) {
        return false;
      }
      rest = rest.substring(slash);
    }
    return rest.startsWith("/members/") && rest.length() > "/members/".length() && rest.indexOf('/', "/members/".length()) < 0;
  }
}
