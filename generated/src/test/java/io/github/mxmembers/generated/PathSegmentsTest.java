package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.internal.transport.PathSegments;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {

  @Test
  void unreservedCharactersPassThrough() {
    assertThat(PathSegments.encode("MBR-7c6f361b_x.y~z")).isEqualTo("MBR-7c6f361b_x.y~z");
  }

  @Test
  void slashSpacePercentAndQuestionMarkStayInTheSegment() {
    assertThat(PathSegments.encode("u/1 2")).isEqualTo("u%2F1%202");
    assertThat(PathSegments.encode("a%b?c#d")).isEqualTo("a%25b%3Fc%23d");
  }

  @Test
  void nonAsciiIsUtf8Encoded() {
    assertThat(PathSegments.encode("é")).isEqualTo("%C3%A9");
  }
}
