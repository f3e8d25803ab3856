package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A sync client and its async twin offer the same calls and settings: every public method of one has
 * its counterpart in the other, with the same name and parameters, returning {@code T} on the sync
 * client where the async one returns {@code CompletableFuture<T>}. What tells the flavours apart is
 * only what {@link MxSyncClientBuilder} and {@link MxAsyncClientBuilder} declare, and the blocking or
 * non-blocking {@code ApiTokenSource}. A call added to one client and not the other fails here.
 */
class ClientPairsTest {

  @Test
  void eachPlatformCallAndSettingIsOnBothFlavours() {
    assertThat(surface(MxPlatformAsyncClient.class)).isEqualTo(surface(MxPlatformClient.class)).isNotEmpty();
    assertThat(surface(MxPlatformAsyncClient.Builder.class)).isEqualTo(surface(MxPlatformClient.Builder.class));
    assertThat(surface(MxPlatformClient.class)).contains("MemberUpdateResult updateMember(MemberUpdate)");
  }

  @Test
  void eachCallOfEitherApiIsOnBothFlavours() {
    assertThat(surface(MxAsyncClient.class)).isEqualTo(surface(MxClient.class)).contains("Member readStatus(MemberRef)");
  }

  @Test
  void eachNexusCallAndSettingIsOnBothFlavours() {
    assertThat(surface(MxNexusAsyncClient.class)).isEqualTo(surface(MxNexusClient.class)).isNotEmpty();
    assertThat(surface(MxNexusAsyncClient.Builder.class)).isEqualTo(surface(MxNexusClient.Builder.class));
    assertThat(surface(MxNexusClient.Builder.class)).contains("MxNexusClient.Builder apiTokenSource(ApiTokenSource)");
  }

  @Test
  void theFlavoursDifferOnlyInHowTheySendAndWait() {
    assertThat(declared(MxSyncClientBuilder.class)).containsExactly("httpClient", "sleeper");
    assertThat(declared(MxAsyncClientBuilder.class)).containsExactly("ioThreads", "scheduler");
  }

  @Test
  void theSurfaceComparisonSeesAReturnTypeThatDiffers() {
    // the comparison itself can fail: a sync method returning a future, or an async one returning T
    assertThat(normalise("java.util.concurrent.CompletableFuture<io.github.mxmembers.model.MemberUpdateResult>"))
        .isEqualTo("MemberUpdateResult");
    assertThat(normalise("io.github.mxmembers.model.MemberUpdateResult")).isEqualTo("MemberUpdateResult");
    assertThat(surface(MxPlatformAsyncClient.class)).isNotEqualTo(surface(MxNexusClient.class));
  }

  /** The public methods a user can call, flavour-specific settings left out, in sync terms. */
  private static Set<String> surface(Class<?> type) {
    Set<String> flavourOnly = new TreeSet<>(declared(MxSyncClientBuilder.class));
    flavourOnly.addAll(declared(MxAsyncClientBuilder.class));
    Set<String> methods = new TreeSet<>();
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class
          || method.isSynthetic()
          || Modifier.isStatic(method.getModifiers()) && !method.getName().equals("builder")
          || flavourOnly.contains(method.getName())) {
        continue;
      }
      String parameters =
          Arrays.stream(method.getGenericParameterTypes())
              .map(parameter -> normalise(parameter.getTypeName()))
              .collect(Collectors.joining(", "));
      methods.add(normalise(method.getGenericReturnType().getTypeName()) + " " + method.getName() + "(" + parameters + ")");
    }
    return methods;
  }

  private static Set<String> declared(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A type as the sync twin names it. */
  private static String normalise(String typeName) {
    String name = typeName.replace("$", ".");
    if (name.startsWith("java.util.concurrent.CompletableFuture<") && name.endsWith(">")) {
      name = name.substring("java.util.concurrent.CompletableFuture<".length(), name.length() - 1);
    }
    return name.replaceAll("io\\.github\\.mxmembers\\.(?:[a-z]+\\.)?", "")
        .replace("MxPlatformAsyncClient", "MxPlatformClient")
        .replace("MxNexusAsyncClient", "MxNexusClient")
        .replace("AsyncApiTokenSource", "ApiTokenSource")
        .replace("MxAsyncClient", "MxClient");
  }
}
