package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.internal.transport.PreparedRequest;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module boundary, as a module-path user meets it (these tests run inside the named module): the
 * SDK exports its three public packages and nothing else, and the generated clients and the HTTP seam
 * are exported to the SDK alone.
 */
class ModuleBoundaryTest {

  @Test
  void theSdkExportsItsPublicPackagesAndNoInternalOne() {
    Module sdk = MxPlatformClient.class.getModule();
    assertThat(sdk.isNamed()).as("the tests run on the module path").isTrue();
    assertThat(sdk.getName()).isEqualTo("io.github.mxmembers");

    assertThat(exports(sdk.getDescriptor()))
        .containsExactly(
            "io.github.mxmembers",
            "io.github.mxmembers.bulk",
            "io.github.mxmembers.exception",
            "io.github.mxmembers.model",
            "io.github.mxmembers.retry",
            "io.github.mxmembers.waiter",
            "io.github.mxmembers.webhook");
    for (String hidden : sdk.getPackages()) {
      if (hidden.contains(".internal")) {
        assertThat(sdk.isExported(hidden)).as(hidden).isFalse();
      }
    }
  }

  @Test
  void theGeneratedClientsAreExportedToTheSdkAlone() {
    Module generated = PreparedRequest.class.getModule();
    assertThat(generated.getName()).isEqualTo("io.github.mxmembers.generated");

    assertThat(exports(generated.getDescriptor())).containsExactly("io.github.mxmembers.annotations");
    for (ModuleDescriptor.Exports export : generated.getDescriptor().exports()) {
      if (export.isQualified()) {
        assertThat(export.targets()).as(export.source()).containsExactly("io.github.mxmembers");
      }
    }
    assertThat(generated.isExported("io.github.mxmembers.internal.transport", MxPlatformClient.class.getModule())).isTrue();
    assertThat(generated.isExported("io.github.mxmembers.internal.transport")).isFalse();
    assertThat(generated.isExported("io.github.mxmembers.generated.platform.api")).isFalse();
  }

  /** The packages a module exports to every module. */
  private static Set<String> exports(ModuleDescriptor descriptor) {
    Set<String> unqualified = new TreeSet<>();
    for (ModuleDescriptor.Exports export : descriptor.exports()) {
      if (!export.isQualified()) {
        unqualified.add(export.source());
      }
    }
    return unqualified;
  }
}
