package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users reach the generated clients only through this layer: no public or protected signature of a
 * public class outside {@code internal} names a generated type, so code written against the Javadoc
 * never depends on them.
 */
class PublicApiTest {

  @Test
  void noPublicSignatureNamesAGeneratedType() throws Exception {
    Path classes = Paths.get(MxPlatformClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
        if (name.contains(".internal.") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (!Modifier.isPublic(type.getModifiers())) {
          continue;
        }
        checked++;
        List<String> signatures = new ArrayList<>();
        signatures.add(String.valueOf(type.getGenericSuperclass()));
        for (var implemented : type.getGenericInterfaces()) {
          signatures.add(implemented.getTypeName());
        }
        for (Method method : type.getDeclaredMethods()) {
          if (visible(method.getModifiers()) && !method.isSynthetic()) {
            signatures.add(method.toGenericString());
          }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
          if (visible(constructor.getModifiers())) {
            signatures.add(constructor.toGenericString());
          }
        }
        for (Field field : type.getDeclaredFields()) {
          if (visible(field.getModifiers())) {
            signatures.add(field.toGenericString());
          }
        }
        for (String signature : signatures) {
          if (signature.contains("io.github.mxmembers.generated")) {
            leaks.add(name + ": " + signature);
          }
        }
      }
    }
    assertThat(checked).as("public classes checked").isGreaterThan(20);
    assertThat(leaks).isEmpty();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
