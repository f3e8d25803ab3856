package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers say what they are. Users reach the generated clients and the SDK's machinery only through
 * the public packages: no public or protected signature of a public class outside {@code internal}
 * (inherited methods included) names a generated or an internal type; every public type of an {@code
 * internal} package, in this jar and the generated one, is marked {@link InternalApi}; and the only
 * third-party types in public signatures are the documented escape hatches below.
 */
class PublicApiTest {
  /**
   * The third-party types a public signature may name, and why: HttpClient 5 and Gson are the SDK's
   * own runtime, so these cost users nothing, and each is a way out that a wrapper would only narrow.
   */
  private static final Map<String, String> ESCAPE_HATCHES =
      Map.of(
          "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
              "MxSyncClientBuilder.httpClient: your own pool, TLS and proxy settings",
          "org.apache.hc.core5.http.HttpHost", "MxClientBuilder.proxy: the proxy, as HttpClient names one",
          "com.google.gson.JsonObject", "Member.asJson: the member exactly as MX sent it",
          "com.google.gson.JsonElement", "Member.field: one field of the member exactly as MX sent it",
          "com.sun.net.httpserver.HttpServer", "WebhookServer.start: your own JDK server, an HttpsServer for TLS or mutual TLS");

  private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w.])(?:com|org|net|io)\\.[a-z][\\w]*(?:\\.[\\w]+)+");

  @Test
  void noPublicSignatureNamesAGeneratedOrInternalTypeOrAThirdPartyOneOffTheList() throws Exception {
    List<String> leaks = new ArrayList<>();
    Map<String, String> thirdParty = new TreeMap<>();
    int checked = 0;
    for (Class<?> type : classes(MxPlatformClient.class)) {
      if (type.getName().contains(".internal.") || !Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      checked++;
      for (String signature : signatures(type)) {
        if (signature.contains("io.github.mxmembers.generated") || signature.contains("io.github.mxmembers.internal")) {
          leaks.add(type.getName() + ": " + signature);
        }
        Matcher names = TYPE_NAME.matcher(signature);
        while (names.find()) {
          String name = names.group();
          if (!name.startsWith("io.github.mxmembers.")) {
            thirdParty.put(name, type.getSimpleName() + ": " + signature);
          }
        }
      }
    }
    assertThat(checked).as("public classes checked").isGreaterThan(20);
    assertThat(leaks).isEmpty();
    assertThat(ESCAPE_HATCHES.keySet()).containsAll(thirdParty.keySet());
    assertThat(thirdParty.keySet()).as("each escape hatch is still in use").containsAll(ESCAPE_HATCHES.keySet());
  }

  @Test
  void everyPublicTypeOfAnInternalPackageIsMarkedInternal() throws Exception {
    List<String> unmarked = new ArrayList<>();
    TreeSet<String> packages = new TreeSet<>();
    List<Class<?>> types = new ArrayList<>(classes(MxPlatformClient.class));
    types.addAll(classes(PreparedRequest.class));
    for (Class<?> type : types) {
      if (!type.getName().contains(".internal.") || !Modifier.isPublic(type.getModifiers()) || type.getEnclosingClass() != null) {
        continue;
      }
      packages.add(type.getPackageName());
      if (!type.isAnnotationPresent(InternalApi.class)) {
        unmarked.add(type.getName());
      }
    }
    assertThat(packages)
        .contains(
            "io.github.mxmembers.internal.client",
            "io.github.mxmembers.internal.json",
            "io.github.mxmembers.internal.nexus",
            "io.github.mxmembers.internal.pipeline",
            "io.github.mxmembers.internal.platform",
            "io.github.mxmembers.internal.transport",
            "io.github.mxmembers.internal.waiter");
    assertThat(unmarked).isEmpty();
  }

  /**
   * The root package is the clients' face alone: the clients and their builders, the environments,
   * the listener, the token sources and the version, every one public. Values, the waiter's types and
   * bulk updates have packages of their own; machinery is under internal.
   */
  @Test
  void theRootPackageHoldsTheClientsFaceAndNothingElse() throws Exception {
    List<String> root = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (Class<?> type : classes(MxPlatformClient.class)) {
      if (type.getPackageName().equals("io.github.mxmembers") && type.getEnclosingClass() == null && !type.isAnonymousClass()) {
        root.add(type.getSimpleName());
        if (!Modifier.isPublic(type.getModifiers())) {
          hidden.add(type.getSimpleName());
        }
      }
    }
    assertThat(hidden).as("package-private types in the root package").isEmpty();
    assertThat(root).hasSizeLessThanOrEqualTo(20).contains("MxClient", "MxPlatformClient", "MxNexusAsyncClient", "CallListener");
  }

  /** Every public and protected signature of a type, those it inherits included. */
  private static List<String> signatures(Class<?> type) {
    List<String> signatures = new ArrayList<>();
    signatures.add(String.valueOf(type.getGenericSuperclass()));
    for (var implemented : type.getGenericInterfaces()) {
      signatures.add(implemented.getTypeName());
    }
    List<Method> methods = new ArrayList<>(List.of(type.getDeclaredMethods()));
    methods.addAll(List.of(type.getMethods()));
    for (Method method : methods) {
      if (visible(method.getModifiers()) && !method.isSynthetic()) {
        signatures.add(method.toGenericString().replace(method.getDeclaringClass().getName() + ".", ""));
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (visible(constructor.getModifiers())) {
        signatures.add(constructor.toGenericString().replace(type.getName(), ""));
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (visible(field.getModifiers())) {
        signatures.add(field.toGenericString().replace(type.getName() + ".", ""));
      }
    }
    return signatures;
  }

  /** Every class of the jar or directory that holds {@code member}. */
  private static List<Class<?>> classes(Class<?> member) throws Exception {
    Path classes = Paths.get(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          types.add(load(classes.relativize(file).toString().replace(java.io.File.separatorChar, '/')));
        }
      }
    } else {
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classes.toFile())) {
        for (var entry : (Iterable<java.util.jar.JarEntry>) jar.stream()::iterator) {
          if (entry.getName().endsWith(".class")) {
            types.add(load(entry.getName()));
          }
        }
      }
    }
    types.removeIf(type -> type == null);
    return types;
  }

  private static Class<?> load(String path) throws ClassNotFoundException {
    String name = path.replace('/', '.').replaceAll("\\.class$", "");
    if (name.endsWith("package-info") || name.endsWith("module-info")) {
      return null;
    }
    return Class.forName(name, false, PublicApiTest.class.getClassLoader());
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
