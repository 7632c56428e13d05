package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code ancm-core/api.txt}, the list of every public type and member of the exported
 * packages, in step with the code, so every API change shows in review. Refresh it with
 * {@code mvn -pl ancm-core test -Dtest=ApiSnapshotTest -Dapi.update=true}.
 */
class ApiSnapshotTest {
  private static final Path SNAPSHOT = Path.of("api.txt");

  @Test
  void should_match_the_committed_api_snapshot() throws IOException {
    // given
    String actual = String.join("\n", describeExportedApi()) + "\n";
    if (Boolean.getBoolean("api.update")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }

    // then
    assertThat(Files.exists(SNAPSHOT)).as("api.txt exists; create it with -Dapi.update=true")
        .isTrue();
    assertThat(actual).as("the public API changed; review it, then refresh api.txt with "
        + "mvn -pl ancm-core test -Dtest=ApiSnapshotTest -Dapi.update=true")
        .isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
  }

  static List<String> describeExportedApi() throws IOException {
    Module module = Diagnoser.class.getModule();
    List<String> lines = new ArrayList<>();
    Path classes = Path.of("target", "classes");
    List<Path> files;
    try (Stream<Path> s = Files.walk(classes)) {
      files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path f : files) {
      String name = classes.relativize(f).toString().replace('/', '.').replace('\\', '.');
      name = name.substring(0, name.length() - ".class".length());
      if (name.endsWith("module-info") || name.endsWith("package-info")) {
        continue;
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, ApiSnapshotTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      String pkg = c.getPackageName();
      boolean exported = module.isNamed() ? module.isExported(pkg) : !pkg.contains(".internal");
      if (!exported || !isVisible(c)) {
        continue;
      }
      lines.add(c.toGenericString());
      TreeSet<String> members = new TreeSet<>();
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers())) {
          members.add("  " + k.toGenericString());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          members.add("  " + m.toGenericString());
        }
      }
      for (Field fl : c.getDeclaredFields()) {
        if (Modifier.isPublic(fl.getModifiers()) && !fl.isSynthetic()) {
          members.add("  " + fl.toGenericString());
        }
      }
      lines.addAll(members);
    }
    return lines;
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isSynthetic();
  }
}
