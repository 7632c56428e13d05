package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * Finds the catalog signatures in one record: the compiled matcher's hits mapped back to the
 * signatures that use each template, and the statuses the record shows mapped to the status
 * signatures that accept them. Stateless; the working state is the caller's scratch.
 */
public final class RecordMatching {
  /** One match as the scoring needs it: the signature and how constrained its template is. */
  record Claim(CompiledCatalog.SigRef ref, int constraints) {}

  private final CompiledCatalog compiled;

  /**
   * Creates the matching of a compiled catalog.
   *
   * @param compiled the compiled catalog
   */
  public RecordMatching(CompiledCatalog compiled) {
    this.compiled = compiled;
  }

  /**
   * Borrows a scratch from the matcher's pool.
   *
   * @return a scratch to give back with {@link #release}
   */
  public CompiledMatcher.Scratch borrowScratch() {
    return compiled.matcher.borrowScratch();
  }

  /**
   * Gives a borrowed scratch back.
   *
   * @param scratch the scratch
   */
  public void release(CompiledMatcher.Scratch scratch) {
    compiled.matcher.release(scratch);
  }

  /**
   * Returns a new scratch of one's own, for one thread.
   *
   * @return a new scratch
   */
  public CompiledMatcher.Scratch newScratch() {
    return compiled.matcher.newScratch();
  }

  /**
   * Finds the signatures of one record: one pass of the compiled matcher over the raw text; the
   * status scan only when the record may hold a status that counts.
   *
   * @param record the record
   * @param scratch working state
   * @return the matches; an empty immutable list, allocating nothing, when there are none
   */
  public List<Match> find(LogRecord record, CompiledMatcher.Scratch scratch) {
    String text = record.text();
    int scan = compiled.matcher.scan(text, scratch);
    if ((scan & CompiledMatcher.MAY_MATCH) != 0) {
      List<Match> matches = new ArrayList<>(2);
      collect(record, statuses(record), compiled.matcher.matchAll(text, scratch), matches, null);
      return matches;
    }
    if (!mayCountStatus(record, scan)) {
      return List.of();
    }
    List<HttpStatus> statuses = statuses(record);
    if (statuses.isEmpty()) {
      return List.of();
    }
    List<Match> matches = new ArrayList<>(2);
    collect(record, statuses, List.of(), matches, null);
    return matches;
  }

  /**
   * Tells whether {@link #statuses} may find a status that a status signature matches: the
   * catalog has status signatures, and the record is from a browser (every 4xx/5xx number counts)
   * or holds a word that makes a number a status ({@link CompiledCatalog#STATUS_KEYWORDS}), or
   * its format typed its status (W3C, FREB).
   */
  private boolean mayCountStatus(LogRecord record, int scan) {
    return !compiled.statusRefs.isEmpty()
        && ((scan & CompiledMatcher.KEYWORD) != 0 || record.channel() == Channel.BROWSER
            || record.httpStatus().isPresent());
  }

  /**
   * Finds the signatures in a record, given the statuses it shows; {@code claims}, when given,
   * receives each match's signature.
   */
  void collect(LogRecord record, List<HttpStatus> statuses, List<Match> matches,
      @Nullable List<Claim> claims) {
    collect(record, statuses, compiled.matcher.match(record.text()), matches, claims);
  }

  private void collect(LogRecord record, List<HttpStatus> statuses,
      List<CompiledMatcher.Hit> hits, List<Match> matches, @Nullable List<Claim> claims) {
    for (CompiledMatcher.Hit hit : hits) {
      Template tpl = compiled.templates.get(hit.template());
      List<Parameter> params = new ArrayList<>();
      for (int c = 0; c < tpl.captures().size(); c++) {
        Template.Capture cap = tpl.captures().get(c);
        if (cap.name().equals("_")) {
          continue;
        }
        hit.capture(c).ifPresent(v -> params.add(new Parameter(cap.name(), cap.type(), v)));
      }
      int[] span = hit.originalSpan();
      for (CompiledCatalog.SigRef ref : compiled.templateRefs.get(hit.template())) {
        matches.add(new Match(ref.entryRef.id(), ref.sig.id(),
            ref.variantRef.versions(), ref.sig.channel(), record.channel(), params, span[0],
            span[1], hit.matchedText(), hit.completeness()));
        if (claims != null) {
          claims.add(new Claim(ref, tpl.constraintCount()));
        }
      }
    }
    for (HttpStatus seen : statuses) {
      for (CompiledCatalog.SigRef ref : compiled.statusRefs) {
        double best = 0;
        for (HttpStatus expected : ref.sig.statuses()) {
          if (expected.isCompatibleWith(seen)) {
            best = Math.max(best, seen.hasSubstatus() || !expected.hasSubstatus() ? 1.0 : 0.6);
          }
        }
        if (best > 0) {
          matches.add(new Match(ref.entryRef.id(), ref.sig.id(),
              ref.variantRef.versions(), Channel.BROWSER, record.channel(),
              List.of(new Parameter("status", CaptureType.TEXT, seen.toString())), 0, 0,
              "HTTP " + seen, best));
          if (claims != null) {
            claims.add(new Claim(ref, 0));
          }
        }
      }
    }
  }

  /**
   * The statuses a record shows: its typed status when its format gives one (a W3C log line's
   * text holds ports, sizes and times that would read as statuses, so it is not searched), else
   * those found in its text. A typed status below 500 counts for nothing: a request log holds
   * the site's ordinary 200s, 304s and 404s beside the failure, and those say nothing against a
   * start-up failure.
   */
  static List<HttpStatus> statuses(LogRecord record) {
    HttpStatus typed = record.httpStatus().orElse(null);
    if (typed != null) {
      return typed.status() >= 500 ? List.of(typed) : List.of();
    }
    String text = record.text();
    return mayHoldStatus(text)
        ? HttpStatus.findAll(text, record.channel() == Channel.BROWSER) : List.of();
  }

  /**
   * One cheap pass: a status needs a 4 or 5 followed by two digits, not inside a number.
   *
   * @param text a record's text
   * @return false when the text cannot hold a status
   */
  public static boolean mayHoldStatus(String text) {
    int n = text.length();
    for (int i = 0; i + 2 < n; i++) {
      char c = text.charAt(i);
      if ((c == '4' || c == '5') && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
          && (i == 0 || !isDigit(text.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
