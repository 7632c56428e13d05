package io.github.ancmdiag.input;

import io.github.ancmdiag.internal.read.webconfig.WebConfigFacts;
import io.github.ancmdiag.internal.read.webconfig.WebConfigXml;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * Reads an ASP.NET Core app's {@code web.config} into neutral facts, {@link Channel#WEB_CONFIG}
 * records to add to an incident's evidence next to its logs: what {@code <aspNetCore>} and the
 * ANCM handler say ({@code processPath}, {@code arguments}, {@code hostingModel}, the stdout log
 * settings, the module), which of the files they name exist in the app folder, and the handlers
 * the app adds again although its parent application's web.config already adds them for its
 * child applications. The reader judges nothing: which fact points at which cause (a {@code
 * processPath} that is neither {@code dotnet} nor an .exe, {@code arguments} that name no .dll, a
 * .dll that is not in the app folder, ...) is written in the catalog's {@code WEB_CONFIG}
 * signatures, which quote the facts, so a fact counts for the same catalog entry, in the same
 * report, as the log messages the same mistake produces.
 *
 * <pre>{@code
 * WebConfigReader.Result read = WebConfigReader.read(Path.of("C:/inetpub/app/web.config"));
 * read.problems().forEach(p -> System.err.println(p));
 * Evidence.Builder evidence = Evidence.builder().browser(page);
 * read.records().forEach(evidence::record);
 * }</pre>
 *
 * <p>Each fact is one record whose text is {@code web.config: <fact> <field>=<value> ...}; the
 * facts and their fields are listed in {@code docs/catalog-format.md} ("web.config facts") and
 * only ever added to, never reworded, so the signatures that quote them keep matching.
 *
 * <p>Facts about files next to the web.config (the .exe, the .dll, the stdout log folder) are
 * given only when the file is read from disk with {@link #read(Path)} or {@link #read(Path,
 * Path)}, since the app folder is then known; {@link #parse(CharSequence, String)} reads the text
 * alone, as for a web.config copied into an incident folder.
 *
 * <p>Reading is XXE-safe: a DOCTYPE is refused (a web.config never has one), so no entity is
 * expanded and no external file or URL is opened. A file that cannot be read or parsed gives a
 * result with no records and a {@link Problem} saying why; no method here throws for bad input.
 * Stateless and thread-safe.
 */
public final class WebConfigReader {
  private WebConfigReader() {}

  /**
   * Reads a web.config from disk. The app folder is the file's folder; when the folder above it
   * holds a {@code web.config}, that file is taken as the parent application's (the usual layout
   * of an IIS sub-application), so a handler it adds again is stated.
   *
   * @param webConfig the web.config file
   * @return the facts found and any problem; never throws for unreadable or malformed files
   * @throws NullPointerException if {@code webConfig} is null
   */
  @CheckReturnValue
  public static @NotNull Result read(@NotNull Path webConfig) {
    Objects.requireNonNull(webConfig, "webConfig");
    Path folder = webConfig.toAbsolutePath().getParent();
    Path above = folder == null ? null : folder.getParent();
    Path parent = above == null ? null : above.resolve("web.config");
    return read(webConfig, parent != null && Files.isRegularFile(parent) ? parent : null);
  }

  /**
   * Reads a web.config from disk with its parent application's web.config given explicitly.
   *
   * @param webConfig the web.config file
   * @param parentWebConfig the parent application's web.config, or null when there is none
   * @return the facts found and any problem; never throws for unreadable or malformed files
   * @throws NullPointerException if {@code webConfig} is null
   */
  @CheckReturnValue
  public static @NotNull Result read(@NotNull Path webConfig, @Nullable Path parentWebConfig) {
    Objects.requireNonNull(webConfig, "webConfig");
    String source = webConfig.toString();
    List<Problem> problems = new ArrayList<>();
    WebConfigXml.Parsed parsed = load(webConfig, problems);
    if (parsed == null || parsed.root() == null) {
      return new Result(List.of(), problems);
    }
    WebConfigXml.Element parent = null;
    if (parentWebConfig != null) {
      WebConfigXml.Parsed p = load(parentWebConfig, problems);
      parent = p == null ? null : p.root();
    }
    Path folder = webConfig.toAbsolutePath().getParent();
    return result(parsed.root(), parent,
        parentWebConfig == null ? "" : parentWebConfig.toString(), folder, source, problems);
  }

  /**
   * Reads a web.config's text. No file next to it is looked at.
   *
   * @param xml the web.config's content
   * @param source where it came from, such as a file name, for the records' {@code source()}
   * @return the facts found and any problem; never throws for malformed text
   * @throws NullPointerException if an argument is null
   */
  @Contract(pure = true)
  @CheckReturnValue
  public static @NotNull Result parse(@NotNull CharSequence xml, @NotNull String source) {
    return parse(xml, source, null, "");
  }

  /**
   * Reads a web.config's text together with its parent application's web.config text. No file
   * next to them is looked at.
   *
   * @param xml the web.config's content
   * @param source where it came from, for the records' {@code source()}
   * @param parentXml the parent application's web.config content, or null when there is none
   * @param parentSource where the parent came from, named in facts about it
   * @return the facts found and any problem; never throws for malformed text
   * @throws NullPointerException if {@code xml}, {@code source} or {@code parentSource} is null
   */
  @Contract(pure = true)
  @CheckReturnValue
  public static @NotNull Result parse(@NotNull CharSequence xml, @NotNull String source,
      @Nullable CharSequence parentXml, @NotNull String parentSource) {
    Objects.requireNonNull(xml, "xml");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parentSource, "parentSource");
    List<Problem> problems = new ArrayList<>();
    WebConfigXml.Parsed parsed = WebConfigXml.parse(xml);
    if (parsed.root() == null) {
      problems.add(problem(source, parsed.invalid()));
      return new Result(List.of(), problems);
    }
    WebConfigXml.Element parent = null;
    if (parentXml != null) {
      WebConfigXml.Parsed p = WebConfigXml.parse(parentXml);
      if (p.root() == null) {
        problems.add(problem(parentSource, p.invalid()));
      }
      parent = p.root();
    }
    return result(parsed.root(), parent, parentSource, null, source, problems);
  }

  private static @Nullable WebConfigXml.Parsed load(Path file, List<Problem> problems) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > WebConfigXml.MAX_BYTES) {
        problems.add(new Problem(file.toString(), 0, "is " + size
            + " bytes, more than the limit of " + WebConfigXml.MAX_BYTES
            + " bytes this reader accepts"));
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(file.toString(), 0, "cannot be read: no such file"));
      return null;
    } catch (IOException | SecurityException e) {
      problems.add(new Problem(file.toString(), 0, "cannot be read: " + e));
      return null;
    }
    WebConfigXml.Parsed parsed = WebConfigXml.parse(bytes);
    if (parsed.root() == null) {
      problems.add(problem(file.toString(), parsed.invalid()));
    }
    return parsed;
  }

  private static Problem problem(String source, WebConfigXml.@Nullable Invalid invalid) {
    return invalid == null ? new Problem(source, 0, "cannot be parsed")
        : new Problem(source, invalid.line(), invalid.message());
  }

  private static Result result(WebConfigXml.Element root, WebConfigXml.@Nullable Element parent,
      String parentLabel, @Nullable Path folder, String source, List<Problem> problems) {
    List<LogRecord> records = new ArrayList<>();
    for (WebConfigFacts.Fact f : WebConfigFacts.of(root, parent, parentLabel, folder)) {
      LogRecord.Builder b = LogRecord.builder(Channel.WEB_CONFIG, f.text()).source(source);
      if (f.line() > 0) {
        b.line(f.line());
      }
      records.add(b.build());
    }
    return new Result(records, problems);
  }

  /**
   * What reading a web.config gave: its facts, in the order found, and the problems that kept a
   * file from being read. Immutable.
   *
   * @param records the {@link Channel#WEB_CONFIG} facts
   * @param problems why a file could not be read or parsed; empty when all went well
   */
  public record Result(@NotNull @Unmodifiable List<LogRecord> records,
      @NotNull @Unmodifiable List<Problem> problems) {
    /**
     * Copies the lists.
     *
     * @param records the facts
     * @param problems why a file could not be read or parsed
     * @throws NullPointerException if a list or an element is null
     */
    public Result {
      records = List.copyOf(records);
      problems = List.copyOf(problems);
    }

    /**
     * Tells whether a file could not be read or parsed.
     *
     * @return true when {@link #problems()} is not empty
     */
    public boolean hasProblems() {
      return !problems.isEmpty();
    }
  }

  /**
   * Why a web.config could not be read or parsed.
   *
   * @param source the file or source name
   * @param line the 1-based line the parser stopped at, or 0 when unknown
   * @param message what went wrong, a sentence fragment that follows the source
   */
  public record Problem(@NotNull String source, long line, @NotNull String message) {
    /**
     * Checks the parts.
     *
     * @param source the file or source name
     * @param line the 1-based line, or 0 when unknown
     * @param message what went wrong
     * @throws NullPointerException if {@code source} or {@code message} is null
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public Problem {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(message, "message");
      if (line < 0) {
        throw new IllegalArgumentException("line must be 0 or more but was " + line);
      }
    }

    /** Returns {@code source[:line]: message}, such as {@code web.config:3: is not ...}. */
    @Override
    public String toString() {
      return source + (line > 0 ? ":" + line : "") + ": " + message;
    }
  }
}
