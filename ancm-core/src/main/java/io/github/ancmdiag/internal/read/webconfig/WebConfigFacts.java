package io.github.ancmdiag.internal.read.webconfig;

import io.github.ancmdiag.internal.read.webconfig.WebConfigXml.Element;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jetbrains.annotations.Nullable;

/**
 * Turns a parsed web.config (and its parent's, when known) into neutral facts: what its
 * {@code <aspNetCore>} element and ANCM handler say and which of the files they name exist in
 * the app folder. It judges nothing: which fact points at which cause is written in the catalog's
 * {@code WEB_CONFIG} signatures. The fact format is API, documented in {@code
 * docs/catalog-format.md} ("web.config facts"): a fact is only ever added, and a field only ever
 * appended, so that signatures quoting a fact keep matching it.
 *
 * <p>Every fact is {@code web.config: <fact> <field>=<value> ...}. A value is a token from a
 * fixed set ({@code dotnet}, {@code none}, {@code yes}, ...) or a quoted value from the file,
 * between single quotes, in which a quote, {@code <}, {@code >} or {@code |} becomes {@code ?}
 * (so a typed {@code PATH} capture always ends at the closing quote). File facts are given only
 * when the app folder is known, and only for relative paths without environment variables; names
 * are compared case-insensitively, as on Windows.
 */
public final class WebConfigFacts {
  /** What every fact starts with. */
  public static final String PREFIX = "web.config: ";

  private WebConfigFacts() {}

  /**
   * One fact and the line of the element it is about.
   *
   * @param text the fact, starting with {@link #PREFIX}
   * @param line the 1-based line of the element, or 0 when unknown
   */
  public record Fact(String text, int line) {}

  /** A system.webServer section and whether child applications inherit it. */
  private record Section(Element element, boolean inherited, boolean wrappedNoInherit) {}

  /**
   * Lists the facts of a web.config.
   *
   * @param root the web.config's {@code <configuration>} element
   * @param parent the parent application's {@code <configuration>}, or null when unknown
   * @param parentLabel the parent's file or source name, named in facts about it
   * @param appFolder the app folder, or null when the web.config is a copy read as text
   * @return the facts, in document order of their subjects
   */
  public static List<Fact> of(Element root, @Nullable Element parent, String parentLabel,
      @Nullable Path appFolder) {
    List<Fact> out = new ArrayList<>();
    List<Section> sections = sections(root);
    for (Section s : sections) {
      if (s.wrappedNoInherit()) {
        out.add(new Fact(PREFIX + "location path='.' inheritInChildApplications='false'",
            s.element().line));
        break;
      }
    }
    Element aspNetCore = first(sections, "aspNetCore");
    if (aspNetCore != null) {
      aspNetCore(aspNetCore, appFolder, out);
    }
    Element handler = ancmHandler(sections);
    if (handler != null) {
      String module = handler.attribute("modules");
      if (module != null && !module.isBlank()) {
        String hostingModel = aspNetCore == null ? null : aspNetCore.attribute("hostingModel");
        out.add(new Fact(PREFIX + "ancmHandler modules=" + value(module.strip())
            + " hostingModel=" + valueOrNone(hostingModel), handler.line));
      }
    }
    if (parent != null) {
      inheritedHandlers(sections, sections(parent), parentLabel, out);
    }
    return out;
  }

  private static void aspNetCore(Element e, @Nullable Path appFolder, List<Fact> out) {
    String processPath = e.attribute("processPath");
    String kind = "none";
    if (processPath != null) {
      String p = processPath.strip();
      kind = contains(p, "%LAUNCHER_PATH%") ? "launcher" : isDotnet(p) ? "dotnet"
          : p.toLowerCase(Locale.ROOT).endsWith(".exe") ? "exe" : "other";
      out.add(new Fact(PREFIX + "processPath value=" + value(p) + " kind=" + kind, e.line));
    }
    String arguments = e.attribute("arguments");
    if (arguments == null || arguments.isBlank()) {
      out.add(new Fact(PREFIX + "arguments of=" + kind + " value=none", e.line));
    } else {
      String dll = contains(arguments, "%LAUNCHER_ARGS%") ? null : firstDll(arguments);
      String dllValue = contains(arguments, "%LAUNCHER_ARGS%") ? "variable"
          : dll == null ? "none" : value(dll);
      out.add(new Fact(PREFIX + "arguments of=" + kind + " value=" + value(arguments)
          + " dll=" + dllValue, e.line));
      if (kind.equals("dotnet") && dll != null) {
        appFile(dll, "arguments", appFolder, e.line, out);
      }
    }
    if (kind.equals("exe")) {
      appFile(processPath.strip(), "processPath", appFolder, e.line, out);
    }
    String hostingModel = e.attribute("hostingModel");
    if (hostingModel != null && !hostingModel.isBlank()) {
      String h = hostingModel.strip();
      String hKind = h.equalsIgnoreCase("inprocess") ? "inprocess"
          : h.equalsIgnoreCase("outofprocess") ? "outofprocess" : "other";
      out.add(new Fact(PREFIX + "hostingModel value=" + value(h) + " kind=" + hKind, e.line));
    }
    String enabled = e.attribute("stdoutLogEnabled");
    if (appFolder != null && enabled != null && enabled.strip().equalsIgnoreCase("true")) {
      String logFile = e.attribute("stdoutLogFile");
      String f = logFile == null || logFile.isBlank() ? ".\\aspnetcore-stdout" : logFile.strip();
      String folder = folderOf(f);
      if (isCheckable(f) && !folder.isEmpty()) {
        out.add(new Fact(PREFIX + "stdoutLog enabled=true file=" + value(f) + " folder="
            + value(folder) + " exists=" + (isDirectory(appFolder, folder) ? "yes" : "no"),
            e.line));
      }
    }
  }

  /** States whether a file the element names is in the app folder, when that can be looked at. */
  private static void appFile(String path, String namedBy, @Nullable Path appFolder, int line,
      List<Fact> out) {
    if (appFolder != null && isCheckable(path)) {
      out.add(new Fact(PREFIX + "appFile path=" + value(path) + " namedBy=" + namedBy
          + " folder=" + value(appFolder.toString()) + " exists="
          + (find(appFolder, path) == null ? "no" : "yes"), line));
    }
  }

  /**
   * States the ANCM handlers the app adds while its parent adds them too and lets child
   * applications inherit them. The app's own {@code <remove name>} or {@code <clear/>} before
   * the add takes the inherited one away.
   */
  private static void inheritedHandlers(List<Section> app, List<Section> parent,
      String parentLabel, List<Fact> out) {
    Set<String> inherited = new LinkedHashSet<>();
    for (Section s : parent) {
      if (!s.inherited()) {
        continue;
      }
      for (Element handlers : s.element().children("handlers")) {
        apply(handlers, inherited, null, null, out);
      }
    }
    if (inherited.isEmpty()) {
      return;
    }
    for (Section s : app) {
      for (Element handlers : s.element().children("handlers")) {
        apply(handlers, inherited, new LinkedHashSet<>(), parentLabel, out);
      }
    }
  }

  /**
   * Applies one {@code <handlers>} element to the set of handler names in effect (lower case).
   * When {@code added} is given, an ANCM handler added while its name is still inherited is
   * stated.
   */
  private static void apply(Element handlers, Set<String> inEffect, @Nullable Set<String> added,
      @Nullable String parentLabel, List<Fact> out) {
    for (Element c : handlers.children) {
      String name = c.attribute("name");
      String key = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
      switch (c.name) {
        case "clear" -> inEffect.clear();
        case "remove" -> {
          if (key != null) {
            inEffect.remove(key);
          }
        }
        case "add" -> {
          if (key == null) {
            break;
          }
          if (added != null && inEffect.contains(key) && added.add(key) && isAncm(c)) {
            out.add(new Fact(PREFIX + "inheritedHandler name=" + value(name.strip())
                + " parent=" + value(String.valueOf(parentLabel)), c.line));
          }
          inEffect.add(key);
        }
        default -> {
          // other elements inside <handlers> do not change the collection
        }
      }
    }
  }

  private static List<Section> sections(Element root) {
    List<Section> out = new ArrayList<>();
    for (Element c : root.children) {
      if (c.name.equals("system.webServer")) {
        out.add(new Section(c, true, false));
      } else if (c.name.equals("location")) {
        String path = c.attribute("path");
        if (path != null && !path.isBlank() && !path.strip().equals(".")) {
          continue; // settings for another path, not for this application
        }
        String inherit = c.attribute("inheritInChildApplications");
        boolean noInherit = inherit != null && inherit.strip().equalsIgnoreCase("false");
        for (Element w : c.children("system.webServer")) {
          out.add(new Section(w, !noInherit, noInherit));
        }
      }
    }
    return out;
  }

  private static @Nullable Element first(List<Section> sections, String name) {
    for (Section s : sections) {
      List<Element> found = s.element().children(name);
      if (!found.isEmpty()) {
        return found.get(0);
      }
    }
    return null;
  }

  private static @Nullable Element ancmHandler(List<Section> sections) {
    for (Section s : sections) {
      for (Element handlers : s.element().children("handlers")) {
        for (Element add : handlers.children("add")) {
          if (isAncm(add)) {
            return add;
          }
        }
      }
    }
    return null;
  }

  private static boolean isAncm(Element add) {
    String name = add.attribute("name");
    String modules = add.attribute("modules");
    return (name != null && name.strip().equalsIgnoreCase("aspNetCore"))
        || (modules != null && modules.strip().toLowerCase(Locale.ROOT)
            .startsWith("aspnetcoremodule"));
  }

  private static boolean isDotnet(String processPath) {
    String last = lastSegment(processPath).toLowerCase(Locale.ROOT);
    if (last.startsWith("\"") && last.endsWith("\"") && last.length() > 1) {
      last = last.substring(1, last.length() - 1);
    }
    return last.equals("dotnet") || last.equals("dotnet.exe");
  }

  /** Returns the first argument ending in .dll (double quotes group words), or null. */
  static @Nullable String firstDll(String arguments) {
    List<String> tokens = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (sb.length() > 0) {
          tokens.add(sb.toString());
          sb.setLength(0);
        }
      } else {
        sb.append(c);
      }
    }
    if (sb.length() > 0) {
      tokens.add(sb.toString());
    }
    for (String t : tokens) {
      if (t.toLowerCase(Locale.ROOT).endsWith(".dll")) {
        return t;
      }
    }
    return null;
  }

  /** Tells whether a path can be checked here: relative, with no environment variable. */
  private static boolean isCheckable(String path) {
    String p = path.strip();
    if (p.isEmpty() || p.contains("%") || p.startsWith("\\") || p.startsWith("/")) {
      return false;
    }
    return !(p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':');
  }

  private static String folderOf(String file) {
    int cut = Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/'));
    return cut < 0 ? "" : file.substring(0, cut);
  }

  private static String lastSegment(String path) {
    int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    return path.substring(cut + 1);
  }

  private static boolean isDirectory(Path appFolder, String relative) {
    Path p = find(appFolder, relative);
    return p != null && Files.isDirectory(p);
  }

  /**
   * Resolves a relative Windows or Unix path under the app folder, matching each name
   * case-insensitively as Windows does; returns null when something on the way is missing.
   */
  static @Nullable Path find(Path appFolder, String relative) {
    Path current = appFolder;
    for (String segment : relative.strip().split("[\\\\/]+")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        current = current.getParent();
        if (current == null) {
          return null;
        }
        continue;
      }
      Path exact;
      try {
        exact = current.resolve(segment);
      } catch (InvalidPathException e) {
        return null; // a name Windows would refuse too
      }
      if (Files.exists(exact)) {
        current = exact;
        continue;
      }
      if (!Files.isDirectory(current)) {
        return null;
      }
      Path match = null;
      try (Stream<Path> s = Files.list(current)) {
        match = s.filter(c -> c.getFileName().toString().equalsIgnoreCase(segment))
            .findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
      if (match == null) {
        return null;
      }
      current = match;
    }
    return current;
  }

  private static boolean contains(@Nullable String s, String fragment) {
    return s != null && s.toUpperCase(Locale.ROOT).contains(fragment);
  }

  /** Quotes a stripped value, or gives {@code none} when it is absent or blank. */
  private static String valueOrNone(@Nullable String v) {
    return v == null || v.isBlank() ? "none" : value(v.strip());
  }

  /** Quotes a value for a fact, replacing characters a PATH capture cannot hold. */
  static String value(String v) {
    StringBuilder sb = new StringBuilder(v.length() + 2).append('\'');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      sb.append(c == '\'' || c == '"' || c == '<' || c == '>' || c == '|' ? '?' : c);
    }
    return sb.append('\'').toString();
  }
}
