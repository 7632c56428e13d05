package io.github.ancmdiag.input;

import io.github.ancmdiag.input.WebConfigXml.Element;
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
 * The web.config checks: turns a parsed web.config (and its parent's, when known) into finding
 * and fact sentences. Called by {@link WebConfigReader}, which makes them {@code WEB_CONFIG}
 * records; the catalog's {@code WEB_CONFIG} signatures quote these sentences, so their wording is
 * API (listed in the README's "web.config checks" section): change a sentence only together with
 * the signatures that quote it.
 *
 * <p>Values are put between single quotes; a quote, {@code <}, {@code >} or {@code |} inside a
 * value becomes {@code ?}, so a typed {@code PATH} capture always ends at the closing quote.
 * File checks (an .exe or .dll that is not there, a missing stdout log folder) run only when the
 * app folder is known, and only for relative paths without environment variables; names are
 * compared case-insensitively, as on Windows.
 */
final class WebConfigChecks {
  static final String PREFIX = "web.config: ";

  private WebConfigChecks() {}

  /** One sentence and the line of the element it is about; facts are not findings. */
  record Found(String text, int line, boolean finding) {}

  /** A system.webServer section and whether child applications inherit it. */
  private record Section(Element element, boolean inherited, boolean wrappedNoInherit) {}

  static List<Found> check(Element root, @Nullable Element parent, String parentLabel,
      @Nullable Path appFolder) {
    List<Found> out = new ArrayList<>();
    List<Section> sections = sections(root);
    for (Section s : sections) {
      if (s.wrappedNoInherit()) {
        out.add(new Found(PREFIX + "system.webServer is inside <location path=\".\""
            + " inheritInChildApplications=\"false\">, so child applications do not inherit it",
            s.element().line, false));
        break;
      }
    }
    Element aspNetCore = first(sections, "aspNetCore");
    Element handler = aspNetCoreHandler(sections);
    String hostingModel = aspNetCore == null ? null : aspNetCore.attribute("hostingModel");
    if (aspNetCore != null) {
      checkAspNetCore(aspNetCore, appFolder, out);
    }
    if (handler != null) {
      String module = handler.attribute("modules");
      if (module != null && !module.isBlank()) {
        String m = module.strip();
        String era = m.equalsIgnoreCase("AspNetCoreModuleV2") ? " (ANCM V2)"
            : m.equalsIgnoreCase("AspNetCoreModule") ? " (ANCM V1)" : "";
        out.add(new Found(PREFIX + "the aspNetCore handler asks for module " + value(m) + era,
            handler.line, false));
        if (m.equalsIgnoreCase("AspNetCoreModule") && hostingModel != null
            && hostingModel.strip().equalsIgnoreCase("inprocess")) {
          out.add(new Found(PREFIX + "hostingModel is inprocess but the aspNetCore handler uses"
              + " AspNetCoreModule (V1), which hosts only out of process", handler.line, true));
        }
      }
    }
    if (parent != null) {
      checkInheritedHandlers(sections, sections(parent), parentLabel, out);
    }
    return out;
  }

  private static void checkAspNetCore(Element e, @Nullable Path appFolder, List<Found> out) {
    String processPath = e.attribute("processPath");
    String arguments = e.attribute("arguments");
    boolean launcher = contains(processPath, "%LAUNCHER_PATH%");
    if (processPath != null && !launcher) {
      String p = processPath.strip();
      if (isDotnet(p)) {
        if (arguments == null || arguments.isBlank()) {
          out.add(new Found(PREFIX + "processPath is dotnet but arguments is empty or missing,"
              + " so no app DLL is named", e.line, true));
        } else if (!contains(arguments, "%LAUNCHER_ARGS%")) {
          String dll = firstDll(arguments);
          if (dll == null) {
            out.add(new Found(PREFIX + "processPath is dotnet but arguments " + value(arguments)
                + " name no .dll", e.line, true));
          } else if (appFolder != null && isCheckable(dll) && find(appFolder, dll) == null) {
            out.add(new Found(PREFIX + "arguments name " + value(dll)
                + ", which is not in the app folder " + value(appFolder.toString()), e.line,
                true));
          }
        }
      } else if (!p.toLowerCase(Locale.ROOT).endsWith(".exe")) {
        out.add(new Found(PREFIX + "processPath " + value(p)
            + " is neither dotnet nor a path to an .exe", e.line, true));
      } else if (appFolder != null && isCheckable(p) && find(appFolder, p) == null) {
        out.add(new Found(PREFIX + "processPath " + value(p)
            + " names an .exe that is not in the app folder " + value(appFolder.toString()),
            e.line, true));
      }
    }
    String hostingModel = e.attribute("hostingModel");
    if (hostingModel != null && !hostingModel.isBlank()) {
      String h = hostingModel.strip();
      if (!h.equalsIgnoreCase("inprocess") && !h.equalsIgnoreCase("outofprocess")) {
        out.add(new Found(PREFIX + "hostingModel " + value(h)
            + " is neither inprocess nor outofprocess", e.line, true));
      }
    }
    String enabled = e.attribute("stdoutLogEnabled");
    String logFile = e.attribute("stdoutLogFile");
    if (appFolder != null && enabled != null && enabled.strip().equalsIgnoreCase("true")) {
      String f = logFile == null || logFile.isBlank() ? ".\\aspnetcore-stdout" : logFile.strip();
      String folder = folderOf(f);
      if (isCheckable(f) && !folder.isEmpty() && !isDirectory(appFolder, folder)) {
        out.add(new Found(PREFIX + "stdoutLogFile " + value(f)
            + " is in a folder that does not exist: " + value(folder), e.line, true));
      }
    }
  }

  /**
   * Finds handlers the app adds that its parent already adds and lets child applications
   * inherit: IIS refuses such a sub-app with 500.19 "Cannot add duplicate collection entry".
   * The app's own {@code <remove name>} or {@code <clear/>} before the add clears the inherited
   * one.
   */
  private static void checkInheritedHandlers(List<Section> app, List<Section> parent,
      String parentLabel, List<Found> out) {
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
   * When {@code added} is given, an add whose name is still inherited is reported.
   */
  private static void apply(Element handlers, Set<String> inEffect, @Nullable Set<String> added,
      @Nullable String parentLabel, List<Found> out) {
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
          if (added != null && inEffect.contains(key) && added.add(key) && isAspNetCore(c)) {
            out.add(new Found(PREFIX + "this app adds handler " + value(name.strip())
                + " that its parent web.config " + value(parentLabel)
                + " already adds for its child applications", c.line, true));
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

  private static @Nullable Element aspNetCoreHandler(List<Section> sections) {
    for (Section s : sections) {
      for (Element handlers : s.element().children("handlers")) {
        for (Element add : handlers.children("add")) {
          if (isAspNetCore(add)) {
            return add;
          }
        }
      }
    }
    return null;
  }

  private static boolean isAspNetCore(Element add) {
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

  /** Quotes a value for a sentence, replacing characters a PATH capture cannot hold. */
  static String value(String v) {
    StringBuilder sb = new StringBuilder(v.length() + 2).append('\'');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      sb.append(c == '\'' || c == '"' || c == '<' || c == '>' || c == '|' ? '?' : c);
    }
    return sb.append('\'').toString();
  }
}
