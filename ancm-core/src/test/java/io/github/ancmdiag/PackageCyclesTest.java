package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package graph of ancm-core one-way: reads every source file, links each package to the
 * project packages it names (by import or by a fully qualified name in code), and fails on any
 * cycle, naming the types that close it.
 */
class PackageCyclesTest {
  private static final String PROJECT = "io.github.ancmdiag";
  private static final Path SOURCES = Path.of("src", "main", "java");

  /** Cycles still in the tree, each as its packages in cycle order from the smallest name. */
  /** A project package name followed by a type name or by {@code .*}. */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?<![\\w.])" + Pattern.quote(PROJECT) + "(?:\\.[a-z_][A-Za-z0-9_]*)*(?=\\.(?:[A-Z]|\\*))");
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final int MAX_CYCLES = 1_000;

  @Test
  void should_have_no_package_cycle() {
    // given
    Map<String, Map<String, SortedSet<String>>> graph = packageGraph(readSources(SOURCES));

    // when
    Set<List<String>> cycles = cycles(graph);

    // then
    assertThat(graph).as("the sources under %s were read", SOURCES.toAbsolutePath())
        .containsKey(PROJECT);
    List<String> problems = new ArrayList<>();
    for (List<String> cycle : cycles) {
      problems.add("package cycle " + describe(cycle, graph));
    }
    assertThat(problems).as("package cycles in ancm-core").isEmpty();
  }

  @Test
  void should_find_a_cycle_closed_by_a_fully_qualified_name_in_code() {
    // given
    Map<String, String> sources = Map.of(
        "a/A.java", "package io.github.ancmdiag.a;\nimport io.github.ancmdiag.b.B;\nclass A {}\n",
        "b/B.java", "package io.github.ancmdiag.b;\nclass B { io.github.ancmdiag.a.A a; }\n");

    // when
    Set<List<String>> cycles = cycles(packageGraph(sources));

    // then
    assertThat(cycles).containsExactly(List.of("io.github.ancmdiag.a", "io.github.ancmdiag.b"));
  }

  @Test
  void should_not_count_names_in_comments_strings_or_the_same_package() {
    // given
    Map<String, String> sources = Map.of(
        "a/A.java", "package io.github.ancmdiag.a;\nimport io.github.ancmdiag.b.*;\n"
            + "import io.github.ancmdiag.a.Other;\nclass A {}\n",
        "b/B.java", "package io.github.ancmdiag.b;\n/** {@link io.github.ancmdiag.a.A} */\n"
            + "class B {\n  // io.github.ancmdiag.a.A\n  String s = \"io.github.ancmdiag.a.A\";\n"
            + "  char c = '\"'; String t = \"\"\"\n    io.github.ancmdiag.a.A \\\"\"\" \"\"\";\n}\n");

    // when
    Map<String, Map<String, SortedSet<String>>> graph = packageGraph(sources);

    // then
    assertThat(graph.get("io.github.ancmdiag.a")).containsOnlyKeys("io.github.ancmdiag.b");
    assertThat(graph.get("io.github.ancmdiag.b")).isEmpty();
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void should_list_each_cycle_of_a_component_separately() {
    // given: a <-> b, a <-> c and a -> b -> c -> a
    Map<String, String> sources = Map.of(
        "a/A.java", "package io.github.ancmdiag.a;\nimport io.github.ancmdiag.b.B;\n"
            + "import io.github.ancmdiag.c.C;\nclass A {}\n",
        "b/B.java", "package io.github.ancmdiag.b;\nimport io.github.ancmdiag.a.A;\n"
            + "import io.github.ancmdiag.c.C;\nclass B {}\n",
        "c/C.java", "package io.github.ancmdiag.c;\nimport io.github.ancmdiag.a.A;\nclass C {}\n");

    // when
    Set<List<String>> cycles = cycles(packageGraph(sources));

    // then
    assertThat(cycles).containsExactlyInAnyOrder(
        List.of("io.github.ancmdiag.a", "io.github.ancmdiag.b"),
        List.of("io.github.ancmdiag.a", "io.github.ancmdiag.b", "io.github.ancmdiag.c"),
        List.of("io.github.ancmdiag.a", "io.github.ancmdiag.c"));
  }

  /** Every {@code .java} file under {@code root}, by its path relative to it. */
  private static Map<String, String> readSources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Map<String, String> sources = new TreeMap<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.put(root.relativize(f).toString().replace('\\', '/'),
            Files.readString(f, StandardCharsets.UTF_8));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Package to the other project packages its files name, each with the names of those files.
   * Files without a package statement (module-info) are left out.
   */
  static Map<String, Map<String, SortedSet<String>>> packageGraph(Map<String, String> sources) {
    Map<String, String> codeByFile = new TreeMap<>();
    Map<String, String> packageByFile = new TreeMap<>();
    sources.forEach((file, source) -> {
      String code = code(source);
      Matcher p = PACKAGE.matcher(code);
      if (p.find()) {
        codeByFile.put(file, code);
        packageByFile.put(file, p.group(1));
      }
    });
    Map<String, Map<String, SortedSet<String>>> graph = new TreeMap<>();
    packageByFile.values().forEach(pkg -> graph.put(pkg, new TreeMap<>()));
    codeByFile.forEach((file, code) -> {
      String from = packageByFile.get(file);
      String name = file.substring(file.lastIndexOf('/') + 1);
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        String to = m.group();
        if (!to.equals(from) && graph.containsKey(to)) {
          graph.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
        }
      }
    });
    return graph;
  }

  /** The source with comments and string, text block and char literals blanked out. */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int n = source.length();
    int i = 0;
    while (i < n) {
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        i = literalEnd(source, i + 3, "\"\"\"");
        out.append(' ');
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        i = literalEnd(source, i + 1, String.valueOf(source.charAt(i)));
        out.append(' ');
      } else {
        out.append(source.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The index after the {@code close} that ends a literal whose body starts at {@code from}. */
  private static int literalEnd(String source, int from, String close) {
    int i = from;
    while (i < source.length()) {
      if (source.charAt(i) == '\\') {
        i += 2;
      } else if (source.startsWith(close, i)) {
        return i + close.length();
      } else {
        i++;
      }
    }
    return source.length();
  }

  /**
   * Every elementary cycle, each listed from its smallest package in the order of its edges, found
   * within the strongly connected components.
   */
  static Set<List<String>> cycles(Map<String, Map<String, SortedSet<String>>> graph) {
    Set<List<String>> cycles = new LinkedHashSet<>();
    for (SortedSet<String> component : stronglyConnectedComponents(graph)) {
      if (component.size() < 2) {
        continue;
      }
      for (String start : component) {
        Deque<String> path = new ArrayDeque<>(List.of(start));
        walk(graph, component.tailSet(start), start, path, cycles);
      }
    }
    return cycles;
  }

  private static void walk(Map<String, Map<String, SortedSet<String>>> graph,
      SortedSet<String> allowed, String start, Deque<String> path, Set<List<String>> cycles) {
    for (String next : graph.get(path.peekLast()).keySet()) {
      if (next.equals(start)) {
        cycles.add(List.copyOf(path));
        assertThat(cycles.size()).as("more than %d package cycles among %s", MAX_CYCLES, allowed)
            .isLessThanOrEqualTo(MAX_CYCLES);
      } else if (allowed.contains(next) && !path.contains(next)) {
        path.addLast(next);
        walk(graph, allowed, start, path, cycles);
        path.removeLast();
      }
    }
  }

  /** Tarjan's algorithm, recursive (the graph has a few dozen packages at most). */
  private static List<SortedSet<String>> stronglyConnectedComponents(
      Map<String, Map<String, SortedSet<String>>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<SortedSet<String>> components = new ArrayList<>();
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, components);
      }
    }
    return components;
  }

  private static void connect(String v, Map<String, Map<String, SortedSet<String>>> graph,
      Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      List<SortedSet<String>> components) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    for (String w : graph.get(v).keySet()) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, components);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      SortedSet<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      components.add(component);
    }
  }

  /** The cycle with, for each edge, the files that make it. */
  private static String describe(List<String> cycle,
      Map<String, Map<String, SortedSet<String>>> graph) {
    List<String> edges = new ArrayList<>();
    for (int i = 0; i < cycle.size(); i++) {
      String from = cycle.get(i);
      String to = cycle.get((i + 1) % cycle.size());
      edges.add(from + " -> " + to + " (" + String.join(", ", graph.get(from).get(to)) + ")");
    }
    return edges.stream().collect(Collectors.joining("; "));
  }
}
