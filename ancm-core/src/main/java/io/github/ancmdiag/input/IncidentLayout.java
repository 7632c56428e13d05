package io.github.ancmdiag.input;

import io.github.ancmdiag.internal.read.ancm.StdoutLogName;
import io.github.ancmdiag.model.Channel;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * The one rule for what a file of a collected incident is, by its name: {@code
 * Evidence.fromFolder}, the {@code ancm-diagnose} command line and the catalog's case fixtures
 * all use it. Names are compared without case and without a directory part.
 *
 * <table>
 *   <caption>File names and what they are</caption>
 *   <tr><th>Name</th><th>{@link Kind}</th><th>{@link #channelOf channel}</th></tr>
 *   <tr><td>{@code web.config}</td><td>{@link Kind#WEB_CONFIG}</td><td>-</td></tr>
 *   <tr><td>{@code parent.web.config}</td><td>{@link Kind#PARENT_WEB_CONFIG}</td><td>-</td></tr>
 *   <tr><td>{@code observations.txt}</td><td>{@link Kind#OBSERVATIONS}</td><td>-</td></tr>
 *   <tr><td>{@code version.txt}</td><td>{@link Kind#VERSION}</td><td>-</td></tr>
 *   <tr><td>an app's binaries and assets ({@code .dll}, {@code .exe}, {@code .pdb}, images,
 *       fonts, scripts, archives, ...), {@code *.deps.json}, {@code *.runtimeconfig.json},
 *       {@code appsettings*.json}</td><td>{@link Kind#NOT_A_LOG}</td><td>-</td></tr>
 *   <tr><td>{@code browser*}, {@code error-page*}, {@code *.html}, {@code *.htm}</td>
 *       <td>{@link Kind#LOG}</td><td>{@link Channel#BROWSER}</td></tr>
 *   <tr><td>{@code event*}</td><td>{@link Kind#LOG}</td><td>{@link Channel#EVENT_LOG}</td></tr>
 *   <tr><td>{@code stdout*}, or an ANCM stdout log name ({@code <prefix>_<digits>_<digits>.log},
 *       such as {@code myapp_20240501101112_4242.log})</td><td>{@link Kind#LOG}</td>
 *       <td>{@link Channel#STDOUT_LOG}</td></tr>
 *   <tr><td>a name with the word {@code debug} (words are split at any character that is not a
 *       letter or digit: {@code debug.log}, {@code aspnetcore-debug.log}, not {@code
 *       debugging.txt})</td><td>{@link Kind#LOG}</td><td>{@link Channel#DEBUG_LOG}</td></tr>
 *   <tr><td>anything else</td><td>{@link Kind#LOG}</td><td>- (the content decides)</td></tr>
 * </table>
 *
 * <p>The first row that fits wins. A channel from the name is a promise about text whose content
 * shows no known format; a file whose content is an event export, a request log or an error page
 * is read as that whatever its name.
 */
public final class IncidentLayout {
  /** Extensions of files that are never logs: an app's binaries and static assets. */
  private static final Set<String> NOT_LOGS = Set.of("dll", "exe", "pdb", "so", "dylib", "zip",
      "nupkg", "png", "jpg", "jpeg", "gif", "ico", "svg", "woff", "woff2", "ttf", "eot", "css",
      "js", "map", "xsl", "xsd", "cer", "pfx", "mdb");

  /** What a file of an incident is. */
  public enum Kind {
    /** The app's {@code web.config}. */
    WEB_CONFIG,
    /** A copy of the parent application's {@code web.config}, read with the one beside it. */
    PARENT_WEB_CONFIG,
    /** Observation keys, one a line ({@code #} starts a comment). */
    OBSERVATIONS,
    /** The app's ASP.NET Core version. */
    VERSION,
    /** An app's binary, asset or settings file: never read as evidence. */
    NOT_A_LOG,
    /** A log, export or page, read by its content; its name may promise a channel. */
    LOG
  }

  private IncidentLayout() {}

  /**
   * Returns what a file is by its name.
   *
   * @param fileName the file name; a directory part is ignored
   * @return what the file is
   */
  @Contract(pure = true)
  public static @NotNull Kind kindOf(@NotNull String fileName) {
    String name = lower(fileName);
    return switch (name) {
      case "web.config" -> Kind.WEB_CONFIG;
      case "parent.web.config" -> Kind.PARENT_WEB_CONFIG;
      case "observations.txt" -> Kind.OBSERVATIONS;
      case "version.txt" -> Kind.VERSION;
      default -> isNotLog(name) ? Kind.NOT_A_LOG : Kind.LOG;
    };
  }

  /**
   * Returns the channel a log's name promises, for text whose content shows no known format.
   *
   * @param fileName the file name; a directory part is ignored
   * @return the channel, or empty when the name says nothing or the file is no {@link Kind#LOG}
   */
  @Contract(pure = true)
  public static @NotNull Optional<Channel> channelOf(@NotNull String fileName) {
    if (kindOf(fileName) != Kind.LOG) {
      return Optional.empty();
    }
    String name = lower(fileName);
    if (name.startsWith("browser") || name.startsWith("error-page") || name.endsWith(".html")
        || name.endsWith(".htm")) {
      return Optional.of(Channel.BROWSER);
    }
    if (name.startsWith("event")) {
      return Optional.of(Channel.EVENT_LOG);
    }
    if (name.startsWith("stdout") || StdoutLogName.isStdoutLog(name)) {
      return Optional.of(Channel.STDOUT_LOG);
    }
    for (String word : name.split("[^\\p{L}\\p{N}]+")) {
      if (word.equals("debug")) {
        return Optional.of(Channel.DEBUG_LOG);
      }
    }
    return Optional.empty();
  }

  private static boolean isNotLog(String name) {
    if (name.endsWith(".deps.json") || name.endsWith(".runtimeconfig.json")
        || name.startsWith("appsettings") && name.endsWith(".json")) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 && NOT_LOGS.contains(name.substring(dot + 1));
  }

  private static String lower(String fileName) {
    Objects.requireNonNull(fileName, "fileName");
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'),
        fileName.lastIndexOf('\\')) + 1);
    return name.toLowerCase(Locale.ROOT);
  }
}
