package io.github.mxmembers.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.mxmembers.generated.platform.JSON;
import io.github.mxmembers.generated.platform.model.CredentialRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequest;
import io.github.mxmembers.generated.platform.model.MemberUpdateRequestBody;
import io.github.mxmembers.generated.platform.model.UseCase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON the generated code writes and reads with no Gson instance: a model writes itself exactly as
 * its Gson adapter writes it, and a response tree keeps every value as written and is as strict as
 * Gson's legacy-strict reader.
 */
class JsonTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aModelWritesItselfExactlyAsItsGsonAdapterDoes() {
    MemberUpdateRequest member =
        new MemberUpdateRequest()
            .credentials(List.of(new CredentialRequest().guid("CRD-1").value("p\u00e4ss \"<&>\"")))
            .metadata("m")
            .backgroundAggregationIsDisabled(true)
            .useCases(List.of(UseCase.PFM, UseCase.MONEY_MOVEMENT));
    member.putAdditionalProperty("kept", JsonParser.parseString("{\"n\":1.50,\"x\":null,\"a\":[true,\"s\"]}"));
    MemberUpdateRequestBody body = new MemberUpdateRequestBody().member(member);

    String direct = new String(JSON.toBytes(body), StandardCharsets.UTF_8);

    assertThat(direct).isEqualTo(JSON.gson().toJson(body));
    assertThat(direct)
        .isEqualTo(
            "{\"member\":{\"background_aggregation_is_disabled\":true,\"credentials\":[{\"guid\":\"CRD-1\",\"value\":\"p\u00e4ss \\\"<&>\\\"\"}],"
                + "\"metadata\":\"m\",\"use_cases\":[\"PFM\",\"MONEY_MOVEMENT\"],\"kept\":{\"n\":1.50,\"a\":[true,\"s\"]}}}");
  }

  @Test
  void aTreeKeepsEveryValueAsWritten() {
    String text = "{\"a\":1.50,\"b\":1e3,\"c\":-0,\"d\":12345678901234567890,\"e\":[{\"f\":null},[]],\"g\":\"x\\u0041\",\"h\":false}";

    JsonObject tree = JSON.objectFromBytes(utf8(text));

    assertThat(tree.toString()).isEqualTo(text.replace("\\u0041", "A"));
    assertThat(tree.get("a").getAsString()).isEqualTo("1.50");
    assertThat(tree.get("b").getAsInt()).isEqualTo(1000);
    assertThat(tree.get("d").getAsBigInteger()).hasToString("12345678901234567890");
    assertThat(tree).isEqualTo(JsonParser.parseString(text));
    assertThat(tree.get("a")).isEqualTo(new JsonPrimitive(1.5));
  }

  @Test
  void itIsAsStrictAsGsonsLegacyStrictReader() {
    // what legacy-strict Gson reads: a control character in a string
    assertThat(JSON.objectFromBytes(utf8("{\"a\":\"x\ny\"}")).get("a").getAsString()).isEqualTo("x\ny");
    for (String bad : new String[] {"{\"a\":NaN}", "{a:1}", "{\"a\":1,}", "{\"a\":1} {}", "[1]", "{\"a\":'b'}", "{\"a\":1"}) {
      assertThatThrownBy(() -> JSON.objectFromBytes(utf8(bad))).as(bad).isInstanceOf(JsonParseException.class);
    }
    assertThat(JSON.objectFromBytes(new byte[0])).isNull();
  }

  @Test
  void nestingIsReadToGsonsLimitAndRefusedBeyondIt() {
    String deep = "{\"a\":" + "[".repeat(250) + "]".repeat(250) + "}";
    assertThat(JSON.objectFromBytes(utf8(deep)).get("a").getAsJsonArray()).hasSize(1);

    String deeper = "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}";
    assertThatThrownBy(() -> JSON.objectFromBytes(utf8(deeper))).isInstanceOf(JsonParseException.class).hasMessageContaining("Nesting limit");
  }
}
