package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.internal.transport.PathSegments;
import io.github.mxmembers.internal.transport.PreparedRequest;
import org.junit.jupiter.api.Test;

/** The transport sends a request's path as it is, so the request only takes a percent-encoded one. */
class PreparedRequestTest {

  @Test
  void anEncodedPathIsKeptAsItIs() {
    String path = "/users/" + PathSegments.encode("u 1/é") + "/members/MBR-1";

    assertThat(PreparedRequest.builder("PUT", path).query("a b", "c&d").build().pathAndQuery())
        .isEqualTo("/users/u%201%2F%C3%A9/members/MBR-1?a%20b=c%26d");
  }

  @Test
  void aPathWithCharactersAUrlCannotCarryIsRefused() {
    for (String path : new String[] {"/users/u 1", "/users/u?x", "/users/u#x", "/users/é", "/a%2", "/a%zz", "users/u"}) {
      assertThatThrownBy(() -> PreparedRequest.builder("PUT", path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("path is not an absolute, percent-encoded URL path");
    }
  }
}
