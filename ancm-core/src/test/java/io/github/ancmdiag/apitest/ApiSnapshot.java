package io.github.ancmdiag.apitest;

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

/**
 * Keeps a module's {@code api.txt}, the list of every public type and member of its exported
 * packages, in step with the code, so every API change shows in review. Shared with the other
 * library modules through ancm-core's test jar.
 */
public final class ApiSnapshot {
  private ApiSnapshot() {}

  /**
   * Checks the module's public API against {@code api.txt} in the module's folder, first
   * rewriting the file when the system property {@code api.update} is true.
   *
   * @param anchor a class of the module
   * @param module the module's folder name, for the refresh command in the failure message
   * @throws IOException if the snapshot cannot be read or written
   */
  public static void assertUnchanged(Class<?> anchor, String module) throws IOException {
    Path snapshot = Path.of("api.txt");
    String actual = String.join("\n", describe(anchor)) + "\n";
    if (Boolean.getBoolean("api.update")) {
      Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
    }
    String refresh = "mvn -pl ancm-core," + module + " test -Dtest=ApiSnapshotTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true";
    assertThat(Files.exists(snapshot)).as("api.txt exists; create it with " + refresh).isTrue();
    assertThat(actual).as("the public API changed; review it, then refresh api.txt with " + refresh)
        .isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
  }

  /**
   * Lists every public type and member of the exported packages of the module compiled to
   * {@code target/classes}, one per line, in a stable order.
   *
   * @param anchor a class of that module, to learn its module and class loader
   * @return the lines
   * @throws IOException if the classes cannot be listed
   */
  public static List<String> describe(Class<?> anchor) throws IOException {
    Module module = anchor.getModule();
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
        c = Class.forName(name, false, anchor.getClassLoader());
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
