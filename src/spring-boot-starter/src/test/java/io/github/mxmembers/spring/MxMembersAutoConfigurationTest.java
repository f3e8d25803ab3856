package io.github.mxmembers.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.micrometer.MxObservations;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.webhook.WebhookReceiver;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which beans the properties make, and a start that fails naming the property, never its value. */
class MxMembersAutoConfigurationTest {
  private static final String KEY = "S3CRETapiKEY";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MxMembersAutoConfiguration.class));

  @Test
  void noPropertiesNoClients() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(MxPlatformClient.class).doesNotHaveBean(MxNexusClient.class)
          .doesNotHaveBean(WebhookReceiver.class).doesNotHaveBean(MxSandbox.class);
    });
  }

  @Test
  void aPlatformClientIdMakesBothPlatformClientsOnly() {
    runner.withPropertyValues("mx.members.platform.client-id=client-1", "mx.members.platform.api-key=" + KEY)
        .run(context -> {
          assertThat(context).hasSingleBean(MxPlatformClient.class).hasSingleBean(MxPlatformAsyncClient.class)
              .doesNotHaveBean(MxNexusClient.class).doesNotHaveBean(MxNexusAsyncClient.class);
          assertThat(context.getBean(MxPlatformClient.class).toString()).doesNotContain(KEY);
        });
  }

  @Test
  void aNexusClientIdMakesBothNexusClients() {
    runner.withPropertyValues("mx.members.nexus.client-id=client-1", "mx.members.nexus.api-key=" + KEY, "mx.members.nexus.user-id=u-1")
        .run(context -> assertThat(context).hasSingleBean(MxNexusClient.class).hasSingleBean(MxNexusAsyncClient.class)
            .doesNotHaveBean(MxPlatformClient.class));
  }

  @Test
  void aMissingOrBadPropertyFailsTheStartNamingItNeverItsValue() {
    runner.withPropertyValues("mx.members.platform.client-id=client-1")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("mx.members.platform.api-key is required when mx.members.platform.client-id is set"));
    runner.withPropertyValues("mx.members.nexus.client-id=client-1", "mx.members.nexus.api-key=" + KEY)
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("mx.members.nexus.user-id is required").hasMessageNotContaining(KEY));
    runner.withPropertyValues("mx.members.platform.client-id=client-1", "mx.members.platform.api-key=" + KEY,
            "mx.members.platform.environment=staging")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("mx.members.platform.environment must be integration or production").hasMessageNotContaining(KEY));
    runner.withPropertyValues("mx.members.platform.client-id=client-1", "mx.members.platform.api-key=" + KEY,
            "mx.members.platform.max-connections=0")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("mx.members.platform.max-connections"));
    runner.withPropertyValues("mx.members.webhooks.enabled=true", "mx.members.webhooks.username=mx")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("mx.members.webhooks.password is required when mx.members.webhooks.enabled is true"));
  }

  @Test
  void anObservationRegistryBeanWiresTheInstrumentationAndWithoutMicrometerNothingBreaks() {
    runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
        .withPropertyValues("mx.members.platform.client-id=client-1", "mx.members.platform.api-key=" + KEY)
        .run(context -> assertThat(context).hasSingleBean(MxObservations.class));
    runner.withPropertyValues("mx.members.platform.client-id=client-1", "mx.members.platform.api-key=" + KEY)
        .run(context -> assertThat(context).doesNotHaveBean(MxObservations.class).hasSingleBean(MxPlatformClient.class));
    // a CallListener of the application's own is told every event too, beside the instrumentation
    java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
        .withBean(io.github.mxmembers.CallListener.class, () -> new io.github.mxmembers.CallListener() {
          @Override
          public void callStarted(CallStarted event) {
            heard.add(event.request());
          }
        })
        .withPropertyValues("mx.members.sandbox.enabled=true")
        .run(context -> {
          context.getBean(MxPlatformClient.class).readStatus(MxSandbox.USER_ID, MxSandbox.MEMBER_GUID);
          assertThat(heard).hasSize(1);
        });
    runner.withClassLoader(new FilteredClassLoader(MxObservations.class, MxSandbox.class))
        .withPropertyValues("mx.members.platform.client-id=client-1", "mx.members.platform.api-key=" + KEY)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MxPlatformClient.class));
  }

  @Test
  void theSandboxPropertyStartsTheSandboxAndPointsBothApisAtIt() {
    runner.withPropertyValues("mx.members.sandbox.enabled=true")
        .run(context -> {
          assertThat(context).hasSingleBean(MxSandbox.class).hasSingleBean(MxPlatformClient.class).hasSingleBean(MxNexusClient.class);
          MxSandbox sandbox = context.getBean(MxSandbox.class);
          context.getBean(MxPlatformClient.class).readStatus(MxSandbox.USER_ID, MxSandbox.MEMBER_GUID);
          assertThat(sandbox.received()).hasSize(1);
        });
  }
}
