package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mxmembers.internal.nexus.NexusOperations;
import io.github.mxmembers.internal.platform.PlatformOperations;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.UseCase;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public enums are generated from the active Platform spec: every value the spec lists reads as
 * its own constant, on both APIs, never as UNKNOWN. RegenerationTest switches to a spec that adds a
 * status and reads this test's report for it.
 */
class PublicEnumsFollowTheSpecTest {
  static Stream<String> platformStatuses() {
    return Arrays.stream(io.github.mxmembers.generated.platform.model.ConnectionStatus.values())
        .filter(status -> status != io.github.mxmembers.generated.platform.model.ConnectionStatus.UNKNOWN_DEFAULT_OPEN_API)
        .map(io.github.mxmembers.generated.platform.model.ConnectionStatus::getValue);
  }

  static Stream<String> nexusStatuses() {
    return Arrays.stream(io.github.mxmembers.generated.nexus.model.ConnectionStatus.values())
        .filter(status -> status != io.github.mxmembers.generated.nexus.model.ConnectionStatus.UNKNOWN_DEFAULT_OPEN_API)
        .map(io.github.mxmembers.generated.nexus.model.ConnectionStatus::getValue);
  }

  private static JsonObject body(String status, String useCase) {
    JsonObject member = new JsonObject();
    member.addProperty("connection_status", status);
    JsonArray useCases = new JsonArray();
    useCases.add(useCase);
    member.add("use_cases", useCases);
    JsonObject body = new JsonObject();
    body.add("member", member);
    return body;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platformStatuses")
  void everyPlatformSpecStatusReadsAsItsOwnConstant(String status) {
    Member member = PlatformOperations.member(body(status, "PFM"));

    assertThat(member.connectionStatus()).hasValueSatisfying(known -> assertThat(known.value()).isEqualTo(status));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nexusStatuses")
  void everyNexusSpecStatusReadsAsItsOwnConstant(String status) {
    Member member = NexusOperations.member(body(status, "PFM"));

    assertThat(member.connectionStatus()).hasValueSatisfying(known -> assertThat(known.value()).isEqualTo(status));
  }

  @Test
  void everySpecUseCaseReadsAsItsOwnConstant() {
    for (io.github.mxmembers.generated.platform.model.UseCase wire :
        io.github.mxmembers.generated.platform.model.UseCase.values()) {
      if (wire == io.github.mxmembers.generated.platform.model.UseCase.UNKNOWN_DEFAULT_OPEN_API) {
        continue;
      }
      Member member = PlatformOperations.member(body("CONNECTED", wire.getValue()));
      assertThat(member.useCases()).extracting(UseCase::value).containsExactly(wire.getValue());
    }
  }
}
