package io.github.mxmembers.sandbox;

import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 (5.13 or later): one sandbox per test class, shared with its {@code @Nested} classes,
 * reset before each test, and closed by JUnit after the class. Test and lifecycle methods can take
 * an {@link MxSandbox}, and a {@link MxPlatformClient} or {@link MxNexusClient} already wired to it
 * (closed after the test). A test wires its own webhook receiver to the sandbox with {@link
 * MxSandbox#receiveWebhooks}; the reset before the next test unhooks it and stops its server.
 *
 * <p>Declaratively, with {@link MxSandboxTest @MxSandboxTest} or {@code
 * @ExtendWith(MxSandboxExtension.class)}:
 *
 * <pre>{@code
 * @MxSandboxTest
 * class MyTest {
 *   @Test void updates(MxPlatformClient mx, MxSandbox sandbox) { ... }
 * }
 * }</pre>
 *
 * <p>Programmatically, to choose the sandbox's clock or the faults every test starts with:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MxSandboxExtension mx = MxSandboxExtension.builder()
 *     .clock(clock)
 *     .beforeEachTest(sandbox -> sandbox.failNext(1, 503))
 *     .build();
 *
 * @Test void retries() { ... mx.sandbox().baseUrl() ... }
 * }</pre>
 */
public final class MxSandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MxSandboxExtension.class);

  private final Clock clock;
  private final Consumer<MxSandbox> beforeEachTest;
  private volatile MxSandbox current;

  /** The extension with the system clock and no faults, as {@code @ExtendWith} creates it. */
  public MxSandboxExtension() {
    this(builder());
  }

  private MxSandboxExtension(Builder builder) {
    this.clock = builder.clock;
    this.beforeEachTest = builder.beforeEachTest;
  }

  /** {@return a builder for {@code @RegisterExtension}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the sandbox of the running test class}
   *
   * @throws IllegalStateException before the test class has started
   */
  public MxSandbox sandbox() {
    MxSandbox sandbox = current;
    if (sandbox == null) {
      throw new IllegalStateException("no sandbox yet: it starts before the test class's first test");
    }
    return sandbox;
  }

  /**
   * Starts the test class's sandbox, or, in a {@code @Nested} class, takes its outer class's. JUnit
   * calls it; the sandbox is stopped when the class's tests have ended.
   *
   * @param context the test class's context
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    // a @Nested class finds its outer class's sandbox in the parent store and shares it
    MxSandbox sandbox = context.getStore(NAMESPACE).get(MxSandbox.class, MxSandbox.class);
    if (sandbox == null) {
      sandbox = MxSandbox.start(clock);
      // an AutoCloseable in the store is closed by JUnit when the class's context ends
      context.getStore(NAMESPACE).put(MxSandbox.class, sandbox);
    }
    current = sandbox;
  }

  /**
   * Resets the sandbox (its members, faults, limits and recorded requests) and runs the builder's
   * {@code beforeEachTest}, so that every test starts from the same sandbox. JUnit calls it.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    MxSandbox sandbox = sandbox(context);
    sandbox.reset();
    beforeEachTest.accept(sandbox);
  }

  /**
   * Whether a test or lifecycle method's parameter is one this extension gives: {@link MxSandbox},
   * or a {@link MxPlatformClient} or {@link MxNexusClient} already pointed at the sandbox. JUnit
   * calls it.
   *
   * @param parameter the parameter
   * @param context the test's context
   * @return true for those three types
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MxSandbox.class || type == MxPlatformClient.class || type == MxNexusClient.class;
  }

  /**
   * The sandbox, or a new client of it with the sandbox's credentials (closed when the test ends).
   * JUnit calls it.
   *
   * @param parameter the parameter, of a type {@link #supportsParameter} takes
   * @param context the test's context
   * @return the sandbox or the client
   * @throws IllegalStateException if the extension was registered on an instance field
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MxSandbox sandbox = sandbox(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == MxSandbox.class) {
      return sandbox;
    }
    AutoCloseable client =
        type == MxPlatformClient.class
            ? MxPlatformClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
                .build()
            : MxNexusClient.builder()
                .baseUrl(sandbox.baseUrl())
                .ssoBaseUrl(sandbox.baseUrl())
                .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID)
                .build();
    // closed by JUnit when the test (or the lifecycle method's context) ends
    context.getStore(NAMESPACE).put(new Object(), client);
    return client;
  }

  private static MxSandbox sandbox(ExtensionContext context) {
    MxSandbox sandbox = context.getStore(NAMESPACE).get(MxSandbox.class, MxSandbox.class);
    if (sandbox == null) {
      throw new IllegalStateException(
          "MxSandboxExtension starts its sandbox per test class: register it on the class (a static"
              + " @RegisterExtension field), not on an instance field");
    }
    return sandbox;
  }

  /** Configures an {@link MxSandboxExtension}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Consumer<MxSandbox> beforeEachTest = sandbox -> {};

    private Builder() {}

    /**
     * The clock the sandbox's sessions, tokens and timestamps follow; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Runs before each test, after the sandbox was reset: for faults or state every test starts with,
     * such as {@code sandbox -> sandbox.rateLimitNext(1, 2)}.
     *
     * @param beforeEachTest what to do to the sandbox
     * @return this builder
     */
    public Builder beforeEachTest(Consumer<MxSandbox> beforeEachTest) {
      this.beforeEachTest = Objects.requireNonNull(beforeEachTest, "beforeEachTest == null");
      return this;
    }

    /** {@return the extension, for a static {@code @RegisterExtension} field} */
    public MxSandboxExtension build() {
      return new MxSandboxExtension(this);
    }
  }
}
