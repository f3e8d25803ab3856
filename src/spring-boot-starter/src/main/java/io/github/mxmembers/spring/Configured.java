package io.github.mxmembers.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether an API's clients are wanted: its {@code client-id} is set, or the sandbox is enabled. */
abstract class Configured extends SpringBootCondition {
  private final String prefix;

  Configured(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String clientId = context.getEnvironment().getProperty(prefix + ".client-id");
    boolean sandbox = "true".equalsIgnoreCase(context.getEnvironment().getProperty("mx.members.sandbox.enabled"));
    if (sandbox) {
      return ConditionOutcome.match("mx.members.sandbox.enabled is true");
    }
    return clientId != null && !clientId.isBlank()
        ? ConditionOutcome.match(prefix + ".client-id is set")
        : ConditionOutcome.noMatch(prefix + ".client-id is not set");
  }

  /** The Platform API's clients. */
  static final class Platform extends Configured {
    Platform() {
      super("mx.members.platform");
    }
  }

  /** The Nexus API's clients. */
  static final class Nexus extends Configured {
    Nexus() {
      super("mx.members.nexus");
    }
  }
}
