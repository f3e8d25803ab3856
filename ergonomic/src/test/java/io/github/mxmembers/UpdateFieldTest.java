package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.UpdateField;
import io.github.mxmembers.model.UseCase;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one table of update fields: it agrees with the specs, and its text forms set what they say. */
class UpdateFieldTest {

  @Test
  void everyBodyFieldIsInItsApisGeneratedModelUnderTheSameName() throws Exception {
    Map<MxApi, Class<?>> models =
        Map.of(
            MxApi.PLATFORM, io.github.mxmembers.generated.platform.model.MemberUpdateRequest.class,
            MxApi.NEXUS, io.github.mxmembers.generated.nexus.model.MemberUpdateRequest.class);
    int checked = 0;
    for (UpdateField field : UpdateField.values()) {
      for (MxApi api : MxApi.values()) {
        if (field.place() == UpdateField.Place.BODY && field.acceptedBy(api)) {
          String constant = "SERIALIZED_NAME_" + field.wireName().toUpperCase(Locale.ROOT);
          assertThat(models.get(api).getField(constant).get(null)).as(api + " " + field).isEqualTo(field.wireName());
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(8);
  }

  @Test
  void namesAreUniqueAndFoundAgain() {
    assertThat(Arrays.stream(UpdateField.values()).map(UpdateField::wireName)).doesNotHaveDuplicates();
    for (UpdateField field : UpdateField.values()) {
      assertThat(UpdateField.fromWireName(field.wireName())).isSameAs(field);
    }
    assertThat(UpdateField.fromWireName("skipWebhook")).isNull();
    assertThat(UpdateField.BACKGROUND_AGGREGATION_DISABLED.optionName()).isEqualTo("--background-aggregation-disabled");
    assertThat(UpdateField.USE_CASES.optionName()).isEqualTo("--use-cases");
  }

  @Test
  void eachTextFormSetsItsFieldThroughTheBuildersOwnChecks() {
    MemberUpdate.Builder builder = MemberUpdate.builder();
    UpdateField.USER.setText(builder, "USR-1");
    UpdateField.MEMBER.setText(builder, "MBR-1");
    UpdateField.ID.setText(builder, "partner-1");
    UpdateField.METADATA.setText(builder, "note");
    UpdateField.BACKGROUND_AGGREGATION_DISABLED.setText(builder, "true");
    UpdateField.USE_CASES.setText(builder, "pfm; money_movement");
    UpdateField.CALLBACK_PAYLOAD.setText(builder, "hi");
    UpdateField.SKIP_AGGREGATION.setText(builder, "false");
    UpdateField.SKIP_WEBHOOK.setText(builder, "true");
    MemberUpdate update = builder.build();

    assertThat(update.user()).contains("USR-1");
    assertThat(update.id()).contains("partner-1");
    assertThat(update.backgroundAggregationDisabled()).contains(true);
    assertThat(update.useCases()).contains(java.util.List.of(UseCase.PFM, UseCase.MONEY_MOVEMENT));
    assertThat(update.callbackPayload()).isPresent();
    assertThat(update.skipAggregation()).contains(false);
    assertThat(update.skipWebhook()).contains(true);
    for (UpdateField field : UpdateField.values()) {
      assertThat(update.has(field)).as(field.toString()).isEqualTo(field != UpdateField.CREDENTIALS);
    }
  }

  @Test
  void aBadTextFormNamesTheFieldAndNeverTheValue() {
    MemberUpdate.Builder builder = MemberUpdate.builder();
    assertThatThrownBy(() -> UpdateField.SKIP_WEBHOOK.setText(builder, "s3cr3t"))
        .hasMessage("skip_webhook: expected true or false");
    assertThatThrownBy(() -> UpdateField.USE_CASES.setText(builder, "PFM;s3cr3t"))
        .hasMessage("use_cases: expected MONEY_MOVEMENT, PFM");
    assertThatThrownBy(() -> UpdateField.CREDENTIALS.setText(builder, "CRD-1=s3cr3t"))
        .hasMessageStartingWith("credentials: has no text form")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void anUpdateIsCheckedAgainstTheApiByTheTable() {
    MemberUpdate onlyQualified = MemberUpdate.builder().member("MBR-1").skipWebhook(true).build();
    MemberUpdate withId = MemberUpdate.builder().member("MBR-1").id("p-1").build();

    assertThatThrownBy(() -> UpdateField.check(onlyQualified, MxApi.PLATFORM))
        .hasMessage("skipWebhook: not a Platform API field (MX-Skip-Webhook is a Nexus API header)");
    assertThatThrownBy(() -> UpdateField.check(onlyQualified, MxApi.NEXUS))
        .hasMessageStartingWith("nothing to update on the Nexus API: set at least one of credentials, metadata");
    assertThatThrownBy(() -> UpdateField.check(withId, MxApi.NEXUS))
        .hasMessage("id: not a Nexus API field (Nexus members have no partner-defined id)");
    assertThatThrownBy(() -> UpdateField.check(withId, MxApi.PLATFORM))
        .hasMessage("user is required for the Platform API: MemberUpdate.builder().user(...)");
  }
}
