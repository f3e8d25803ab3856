package io.github.mxmembers.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mx.members.*} properties: each API's client, the webhook endpoint and the sandbox. A
 * client is made for each API whose {@code client-id} is set (or for both with the sandbox). Keys,
 * passwords and tokens are never logged or put in a message; Spring Boot's {@code /actuator/env} and
 * {@code /actuator/configprops} mask every value unless told otherwise.
 */
@ConfigurationProperties("mx.members")
public class MxMembersProperties {
  private final Platform platform = new Platform();
  private final Nexus nexus = new Nexus();
  private final Webhooks webhooks = new Webhooks();
  private final Sandbox sandbox = new Sandbox();

  /** {@return the Platform API's client} */
  public Platform getPlatform() {
    return platform;
  }

  /** {@return the Nexus API's client} */
  public Nexus getNexus() {
    return nexus;
  }

  /** {@return the webhook endpoint} */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /** {@return the embedded sandbox, for tests} */
  public Sandbox getSandbox() {
    return sandbox;
  }

  /** What both APIs' clients take. */
  public static class Client {
    /** Your MX client id; setting it makes this API's clients. */
    private String clientId;
    /** Your MX API key. */
    private String apiKey;
    /** MX's environment: integration or production (default integration); ignored with a base URL. */
    private String environment = "integration";
    /** Where to send instead of MX's environment: a proxy or a fake. */
    private String baseUrl;
    /** The deadline of a whole call, retries included. */
    private Duration callTimeout = Duration.ofSeconds(60);
    /** How long to wait for a connection. */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Attempts per call, retries included (1 turns retries off). */
    private int maxAttempts = 4;
    /** The size of the connection pool. */
    private int maxConnections = 20;
    /** Your application's id, sent in the User-Agent. */
    private String appId;

    /** {@return your MX client id} */
    public String getClientId() {
      return clientId;
    }

    /** @param clientId your MX client id */
    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    /** {@return your MX API key} */
    public String getApiKey() {
      return apiKey;
    }

    /** @param apiKey your MX API key */
    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    /** {@return integration or production} */
    public String getEnvironment() {
      return environment;
    }

    /** @param environment integration or production */
    public void setEnvironment(String environment) {
      this.environment = environment;
    }

    /** {@return where to send instead of MX's environment, or null} */
    public String getBaseUrl() {
      return baseUrl;
    }

    /** @param baseUrl where to send instead of MX's environment */
    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** {@return the deadline of a whole call} */
    public Duration getCallTimeout() {
      return callTimeout;
    }

    /** @param callTimeout the deadline of a whole call */
    public void setCallTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
    }

    /** {@return how long to wait for a connection} */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /** @param connectTimeout how long to wait for a connection */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /** {@return attempts per call} */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /** @param maxAttempts attempts per call, retries included */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** {@return the size of the connection pool} */
    public int getMaxConnections() {
      return maxConnections;
    }

    /** @param maxConnections the size of the connection pool */
    public void setMaxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
    }

    /** {@return your application's id, or null} */
    public String getAppId() {
      return appId;
    }

    /** @param appId your application's id, sent in the User-Agent */
    public void setAppId(String appId) {
      this.appId = appId;
    }
  }

  /** The Platform API's client. */
  public static class Platform extends Client {}

  /** The Nexus API's client, over SSO: an API token per session from your client id, key and the user. */
  public static class Nexus extends Client {
    /** The MX user (your id or MX's guid) whose sessions the client opens. */
    private String userId;
    /** Where MX's SSO API is instead of the environment's. */
    private String ssoBaseUrl;
    /** Whether sessions open with skip_aggregation (default true: a session starts no aggregation). */
    private boolean sessionsSkipAggregation = true;

    /** {@return the MX user whose sessions the client opens} */
    public String getUserId() {
      return userId;
    }

    /** @param userId the MX user whose sessions the client opens */
    public void setUserId(String userId) {
      this.userId = userId;
    }

    /** {@return where MX's SSO API is, or null} */
    public String getSsoBaseUrl() {
      return ssoBaseUrl;
    }

    /** @param ssoBaseUrl where MX's SSO API is instead of the environment's */
    public void setSsoBaseUrl(String ssoBaseUrl) {
      this.ssoBaseUrl = ssoBaseUrl;
    }

    /** {@return whether sessions open with skip_aggregation} */
    public boolean isSessionsSkipAggregation() {
      return sessionsSkipAggregation;
    }

    /** @param sessionsSkipAggregation whether sessions open with skip_aggregation */
    public void setSessionsSkipAggregation(boolean sessionsSkipAggregation) {
      this.sessionsSkipAggregation = sessionsSkipAggregation;
    }
  }

  /** The endpoint MX posts its webhooks to. */
  public static class Webhooks {
    /** Whether to mount the endpoint (default false). */
    private boolean enabled;
    /** The path MX posts to. */
    private String path = "/mx/webhooks";
    /** The HTTP Basic username you gave MX. */
    private String username;
    /** The HTTP Basic password you gave MX. */
    private String password;

    /** {@return whether the endpoint is mounted} */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param enabled whether to mount the endpoint */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the path MX posts to} */
    public String getPath() {
      return path;
    }

    /** @param path the path MX posts to */
    public void setPath(String path) {
      this.path = path;
    }

    /** {@return the Basic username} */
    public String getUsername() {
      return username;
    }

    /** @param username the HTTP Basic username you gave MX */
    public void setUsername(String username) {
      this.username = username;
    }

    /** {@return the Basic password} */
    public String getPassword() {
      return password;
    }

    /** @param password the HTTP Basic password you gave MX */
    public void setPassword(String password) {
      this.password = password;
    }
  }

  /** The embedded sandbox, for an application's own tests (mx-members-sandbox on the test classpath). */
  public static class Sandbox {
    /** Whether to start the sandbox and point both APIs' clients (and its webhooks) at it. */
    private boolean enabled;

    /** {@return whether the sandbox is started} */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param enabled whether to start the sandbox */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
