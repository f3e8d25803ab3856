package io.github.mxmembers.spring;

import io.github.mxmembers.CallListener;
import io.github.mxmembers.MxAsyncClient;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.MxClientBuilder;
import io.github.mxmembers.MxEnvironment;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.micrometer.MxObservations;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookEvent;
import io.github.mxmembers.webhook.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The MX clients as beans, from {@code mx.members.*} ({@link MxMembersProperties}): a sync and an async
 * client for each API whose {@code client-id} is set, closed with the context; MX's webhooks received at
 * {@code mx.members.webhooks.path} and published as application events (listen with {@code
 * @EventListener void on(ConnectionStatusChanged event)}, or any {@link WebhookEvent}), waking the
 * clients' waits; the Micrometer instrumentation on every client when an {@link ObservationRegistry}
 * is present; and with {@code mx.members.sandbox.enabled=true} the embedded sandbox, which the clients
 * call and which posts its webhooks to the mounted endpoint. A property that is missing or wrong
 * stops the start with a message naming it, never its value.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@EnableConfigurationProperties(MxMembersProperties.class)
public class MxMembersAutoConfiguration {
  /** The sandbox's webhooks, which it posts to the mounted endpoint. */
  private static final Set<WebhookEvent.Kind> SANDBOX_KINDS =
      Set.of(WebhookEvent.Kind.CONNECTION_STATUS, WebhookEvent.Kind.MEMBER, WebhookEvent.Kind.MEMBER_DATA_UPDATED);

  /** Made by Spring. */
  public MxMembersAutoConfiguration() {}

  /**
   * The Micrometer instrumentation, when Micrometer's observation registry is a bean: looked up when
   * the clients are made (after every bean is defined, the application's own included), and nothing
   * at all without one.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MxObservations.class, ObservationRegistry.class, MeterRegistry.class})
  static class Instrumentation {
    @Bean
    CallListener mxObservations(ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
      ObservationRegistry registry = observations.getIfUnique();
      if (registry == null) {
        return CallListener.NONE;
      }
      MxObservations.Builder builder = MxObservations.builder(registry);
      MeterRegistry meterRegistry = meters.getIfUnique();
      if (meterRegistry != null) {
        builder.meterRegistry(meterRegistry);
      }
      return builder.build();
    }
  }

  /** The embedded sandbox, for tests. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MxSandbox.class)
  @ConditionalOnProperty(prefix = "mx.members.sandbox", name = "enabled", havingValue = "true")
  static class SandboxConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MxSandbox mxSandbox() {
      return MxSandbox.start();
    }

    /** Where the clients go instead of MX: a type of this module, so that nothing else names the sandbox's. */
    @Bean
    SandboxTarget mxSandboxTarget(MxSandbox sandbox) {
      return new SandboxTarget(sandbox.baseUrl(), MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID);
    }

    /** Once the application listens, the sandbox posts its webhooks to the mounted endpoint. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> mxSandboxWebhooks(MxSandbox sandbox, MxMembersProperties properties, Environment environment) {
      return ready -> {
        MxMembersProperties.Webhooks webhooks = properties.getWebhooks();
        String port = environment.getProperty("local.server.port");
        if (!webhooks.isEnabled() || port == null) {
          return;
        }
        sandbox.webhookCredentials(webhooks.getUsername(), webhooks.getPassword());
        for (WebhookEvent.Kind kind : SANDBOX_KINDS) {
          sandbox.webhookUrl(kind, URI.create("http://127.0.0.1:" + port + webhooks.getPath()));
        }
      };
    }
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(MxPlatformClient.class)
  @Conditional(Configured.Platform.class)
  MxPlatformClient mxPlatformClient(
      MxMembersProperties properties, ObjectProvider<SandboxTarget> sandbox, ObjectProvider<CallListener> observations) {
    return platform(MxPlatformClient.builder(), properties, sandbox, observations).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(MxPlatformAsyncClient.class)
  @Conditional(Configured.Platform.class)
  MxPlatformAsyncClient mxPlatformAsyncClient(
      MxMembersProperties properties, ObjectProvider<SandboxTarget> sandbox, ObjectProvider<CallListener> observations) {
    return platform(MxPlatformAsyncClient.builder(), properties, sandbox, observations).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(MxNexusClient.class)
  @Conditional(Configured.Nexus.class)
  MxNexusClient mxNexusClient(
      MxMembersProperties properties, ObjectProvider<SandboxTarget> sandbox, ObjectProvider<CallListener> observations) {
    return nexus(MxNexusClient.builder(), properties, sandbox, observations).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(MxNexusAsyncClient.class)
  @Conditional(Configured.Nexus.class)
  MxNexusAsyncClient mxNexusAsyncClient(
      MxMembersProperties properties, ObjectProvider<SandboxTarget> sandbox, ObjectProvider<CallListener> observations) {
    return nexus(MxNexusAsyncClient.builder(), properties, sandbox, observations).build();
  }

  /**
   * The webhook receiver: checks MX's Basic credentials, publishes each event once as an application
   * event (on the receiver's own thread, after MX was answered 204), and wakes every client's waits.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "mx.members.webhooks", name = "enabled", havingValue = "true")
  WebhookReceiver mxWebhookReceiver(
      MxMembersProperties properties,
      ApplicationEventPublisher events,
      ObjectProvider<MxClient> clients,
      ObjectProvider<MxAsyncClient> asyncClients) {
    MxMembersProperties.Webhooks webhooks = properties.getWebhooks();
    required(webhooks.getUsername(), "mx.members.webhooks.username", "mx.members.webhooks.enabled is true");
    required(webhooks.getPassword(), "mx.members.webhooks.password", "mx.members.webhooks.enabled is true");
    if (webhooks.getPath() == null || !webhooks.getPath().startsWith("/")) {
      throw new IllegalStateException("mx.members.webhooks.path must start with '/'");
    }
    WebhookAuth auth;
    try {
      auth = WebhookAuth.basic(webhooks.getUsername(), webhooks.getPassword());
    } catch (IllegalArgumentException bad) {
      throw new IllegalStateException("mx.members.webhooks." + bad.getMessage());
    }
    WebhookReceiver.Builder receiver = WebhookReceiver.builder().auth(auth).listener(events::publishEvent);
    clients.orderedStream().forEach(receiver::wakeWaits);
    asyncClients.orderedStream().forEach(receiver::wakeWaits);
    return receiver.build();
  }

  /** The endpoint, on Spring MVC: every method at the path goes to the receiver, which answers 405 to all but POST. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RouterFunction.class)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnProperty(prefix = "mx.members.webhooks", name = "enabled", havingValue = "true")
  static class WebhookEndpoint {
    @Bean
    RouterFunction<ServerResponse> mxWebhookRoute(WebhookReceiver receiver, MxMembersProperties properties) {
      return new WebhookRoute(receiver, properties.getWebhooks().getPath()).route();
    }
  }

  private static <B extends MxClientBuilder<B>> B common(
      B builder, MxMembersProperties.Client client, String prefix, ObjectProvider<CallListener> observations) {
    if (client.getBaseUrl() != null) {
      builder.baseUrl(client.getBaseUrl());
    } else {
      builder.environment(environment(client.getEnvironment(), prefix));
    }
    set(prefix + ".call-timeout", () -> builder.callTimeout(client.getCallTimeout()));
    set(prefix + ".connect-timeout", () -> builder.connectTimeout(client.getConnectTimeout()));
    set(prefix + ".max-connections", () -> builder.maxConnections(client.getMaxConnections()));
    set(prefix + ".max-attempts", () -> builder.retryPolicy(RetryPolicy.builder().maxAttempts(client.getMaxAttempts()).build()));
    if (client.getAppId() != null) {
      set(prefix + ".app-id", () -> builder.appId(client.getAppId()));
    }
    java.util.List<CallListener> listeners =
        observations.orderedStream().filter(listener -> listener != CallListener.NONE).collect(java.util.stream.Collectors.toList());
    if (listeners.size() == 1) {
      builder.callListener(listeners.get(0));
    } else if (listeners.size() > 1) {
      builder.callListener(new CompositeCallListener(listeners));
    }
    return builder;
  }

  private static <B extends io.github.mxmembers.PlatformClientBuilder<B>> B platform(
      B builder, MxMembersProperties properties, ObjectProvider<SandboxTarget> sandbox, ObjectProvider<CallListener> observations) {
    MxMembersProperties.Platform platform = properties.getPlatform();
    SandboxTarget fake = sandbox.getIfAvailable();
    common(builder, platform, "mx.members.platform", observations);
    if (fake != null) {
      return builder.baseUrl(fake.baseUrl).credentials(fake.clientId, fake.apiKey);
    }
    required(platform.getApiKey(), "mx.members.platform.api-key", "mx.members.platform.client-id is set");
    try {
      return builder.credentials(platform.getClientId(), platform.getApiKey());
    } catch (IllegalArgumentException bad) {
      throw new IllegalStateException("mx.members.platform: " + bad.getMessage());
    }
  }

  private static <B extends io.github.mxmembers.NexusClientBuilder<B>> B nexus(
      B builder, MxMembersProperties properties, ObjectProvider<SandboxTarget> sandbox, ObjectProvider<CallListener> observations) {
    MxMembersProperties.Nexus nexus = properties.getNexus();
    SandboxTarget fake = sandbox.getIfAvailable();
    common(builder, nexus, "mx.members.nexus", observations);
    builder.sessionsSkipAggregation(nexus.isSessionsSkipAggregation());
    if (fake != null) {
      return builder.baseUrl(fake.baseUrl).ssoBaseUrl(fake.baseUrl).sso(fake.clientId, fake.apiKey, fake.userGuid);
    }
    required(nexus.getApiKey(), "mx.members.nexus.api-key", "mx.members.nexus.client-id is set");
    required(nexus.getUserId(), "mx.members.nexus.user-id", "mx.members.nexus.client-id is set");
    if (nexus.getSsoBaseUrl() != null) {
      builder.ssoBaseUrl(nexus.getSsoBaseUrl());
    }
    try {
      return builder.sso(nexus.getClientId(), nexus.getApiKey(), nexus.getUserId());
    } catch (IllegalArgumentException bad) {
      throw new IllegalStateException("mx.members.nexus: " + bad.getMessage());
    }
  }

  /** The sandbox the clients call instead of MX. */
  static final class SandboxTarget {
    final String baseUrl;
    final String clientId;
    final String apiKey;
    final String userGuid;

    SandboxTarget(String baseUrl, String clientId, String apiKey, String userGuid) {
      this.baseUrl = baseUrl;
      this.clientId = clientId;
      this.apiKey = apiKey;
      this.userGuid = userGuid;
    }
  }

  private static MxEnvironment environment(String value, String prefix) {
    try {
      return MxEnvironment.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException bad) {
      throw new IllegalStateException(prefix + ".environment must be integration or production");
    }
  }

  /** Applies one property; the SDK's refusal (which never holds the value) becomes a start failure naming the property. */
  private static void set(String property, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException | NullPointerException bad) {
      throw new IllegalStateException(property + ": " + bad.getMessage());
    }
  }

  private static void required(String value, String property, String when) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is required when " + when);
    }
  }
}
