package io.github.mxmembers.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one sandbox per test class, reset before each test, injected as a parameter.
 *
 * <pre>{@code
 * @ExtendWith(MxSandboxExtension.class)
 * class MyTest {
 *   @Test void updates(MxSandbox sandbox) { ... }
 * }
 * }</pre>
 */
public final class MxSandboxExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MxSandboxExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(MxSandbox.class, MxSandbox.start());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox(context).reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MxSandbox sandbox = context.getStore(NAMESPACE).remove(MxSandbox.class, MxSandbox.class);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MxSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sandbox(context);
  }

  private static MxSandbox sandbox(ExtensionContext context) {
    // a test method's store falls back to its class's, where beforeAll put the sandbox
    return context.getStore(NAMESPACE).get(MxSandbox.class, MxSandbox.class);
  }
}
