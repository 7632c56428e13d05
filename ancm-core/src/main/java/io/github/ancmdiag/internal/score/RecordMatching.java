package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.event.AncmEventFormats;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.model.AncmModule;
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
    return findAll(record, scratch).matches();
  }

  /**
   * What one record holds: the catalog signatures it matches and the ANCM events it names.
   *
   * @param matches the signatures, in order of position
   * @param events the ANCM events, in order of position
   */
  public record Found(List<Match> matches, List<EventMatch> events) {
    /** Nothing found: shared, so a record that holds nothing allocates nothing. */
    static final Found NOTHING = new Found(List.of(), List.of());

    /**
     * Tells whether nothing was found.
     *
     * @return true when the record matches no signature and names no event
     */
    public boolean isEmpty() {
      return matches.isEmpty() && events.isEmpty();
    }
  }

  /**
   * Finds the signatures and the ANCM events of one record in the same one pass of the compiled
   * matcher (the event formats are templates of that matcher); the status scan only when the
   * record may hold a status that counts. An event log record of ANCM's provider whose id has no
   * text of its own ({@code %1}) is named by its id, without a look at its text.
   *
   * @param record the record
   * @param scratch working state
   * @return what was found; a shared empty result, allocating nothing, when there is nothing
   */
  public Found findAll(LogRecord record, CompiledMatcher.Scratch scratch) {
    String text = record.text();
    int scan = compiled.matcher.scan(text, scratch);
    if ((scan & CompiledMatcher.MAY_MATCH) != 0) {
      List<CompiledMatcher.Hit> hits = compiled.matcher.matchAll(text, scratch);
      List<Match> matches = new ArrayList<>(2);
      collect(record, statuses(record), hits, matches, null);
      List<EventMatch> events = events(record, hits);
      if (events.isEmpty()) {
        events = idOnlyEvents(record);
      }
      return new Found(matches.isEmpty() ? List.of() : matches, events);
    }
    List<EventMatch> events = idOnlyEvents(record);
    if (!mayCountStatus(record, scan)) {
      return events.isEmpty() ? Found.NOTHING : new Found(List.of(), events);
    }
    List<HttpStatus> statuses = statuses(record);
    if (statuses.isEmpty()) {
      return events.isEmpty() ? Found.NOTHING : new Found(List.of(), events);
    }
    List<Match> matches = new ArrayList<>(2);
    collect(record, statuses, List.of(), matches, null);
    return new Found(matches, events);
  }

  /**
   * The events of a record's hits. A template several formats share (one text in two modules or
   * under two ids) names them all, unless the record's provider or id tells which; an event
   * inside a longer whole one, or cut off where a whole one overlaps it, is left out.
   */
  private List<EventMatch> events(LogRecord record, List<CompiledMatcher.Hit> hits) {
    List<EventMatch> events = null;
    List<CompiledMatcher.Hit> eventHits = null;
    for (CompiledMatcher.Hit hit : hits) {
      int[] formats = compiled.templateEvents[hit.template()];
      if (formats.length == 0) {
        continue;
      }
      if (events == null) {
        events = new ArrayList<>(2);
        eventHits = new ArrayList<>(2);
      }
      List<Parameter> params = parameters(compiled.templates.get(hit.template()), hit);
      int[] span = hit.originalSpan();
      for (int f : narrow(record, formats)) {
        AncmEventFormats.Format format = compiled.eventFormats.get(f);
        events.add(new EventMatch(format.eventId(), format.name(), format.module(),
            format.versions(), format.kind(), params, span[0], span[1], hit.completeness()));
        eventHits.add(hit);
      }
    }
    if (events == null) {
      return List.of();
    }
    List<EventMatch> kept = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      EventMatch e = events.get(i);
      boolean covered = false;
      for (int j = 0; j < events.size() && !covered; j++) {
        EventMatch o = events.get(j);
        if (eventHits.get(j).template() == eventHits.get(i).template() || !o.isComplete()) {
          continue;
        }
        boolean inside = o.start() <= e.start() && e.end() <= o.end()
            && (o.end() - o.start()) > (e.end() - e.start());
        boolean overlapsCut = !e.isComplete() && e.start() < o.end() && o.start() < e.end();
        covered = inside || overlapsCut;
      }
      if (!covered) {
        kept.add(e);
      }
    }
    kept.sort(java.util.Comparator.comparingInt(EventMatch::start));
    return kept;
  }

  /** The formats of a template the record's provider and id allow; all of them if none does. */
  private int[] narrow(LogRecord record, int[] formats) {
    if (formats.length == 1) {
      return formats;
    }
    AncmModule module = AncmEventFormats.moduleOf(record.provider());
    int id = module != null || record.provider().isEmpty() ? record.eventId() : 0;
    int[] kept = new int[formats.length];
    int n = 0;
    for (int f : formats) {
      AncmEventFormats.Format format = compiled.eventFormats.get(f);
      if ((module == null || format.module() == module) && (id == 0 || format.eventId() == id)) {
        kept[n++] = f;
      }
    }
    return n == 0 ? formats : java.util.Arrays.copyOf(kept, n);
  }

  /**
   * The events an ANCM event log record names by its id alone, for the ids whose text is any text
   * ({@code %1}): nothing unless the record has an id and ANCM's provider.
   */
  private List<EventMatch> idOnlyEvents(LogRecord record) {
    int id = record.eventId();
    if (id == 0 || compiled.idOnlyFormats.isEmpty()) {
      return List.of();
    }
    AncmModule module = AncmEventFormats.moduleOf(record.provider());
    if (module == null) {
      return List.of();
    }
    List<EventMatch> events = null;
    for (AncmEventFormats.Format format : compiled.idOnlyFormats) {
      if (format.eventId() == id && format.module() == module) {
        if (events == null) {
          events = new ArrayList<>(1);
        }
        String text = record.text();
        events.add(new EventMatch(id, format.name(), module, format.versions(), format.kind(),
            List.of(new Parameter("message", CaptureType.TEXT, text)), 0, text.length(), 1.0));
      }
    }
    return events == null ? List.of() : events;
  }

  private static List<Parameter> parameters(Template tpl, CompiledMatcher.Hit hit) {
    List<Parameter> params = new ArrayList<>();
    for (int c = 0; c < tpl.captures().size(); c++) {
      Template.Capture cap = tpl.captures().get(c);
      if (cap.name().equals("_")) {
        continue;
      }
      hit.capture(c).ifPresent(v -> params.add(new Parameter(cap.name(), cap.type(), v)));
    }
    return params;
  }

  /**
   * Tells, without allocating, whether {@link #find} may find anything in a record of this
   * channel and text that has no typed status: false when the scan rules out every template and
   * no status can count. A false answer is final whatever else the record holds; true means
   * {@link #find} must decide.
   *
   * @param channel the record's channel
   * @param text the record's text, read during the call only
   * @param scratch working state
   * @return false when such a record matches nothing
   */
  public boolean mayFind(Channel channel, CharSequence text, CompiledMatcher.Scratch scratch) {
    int scan = compiled.matcher.scan(text, scratch);
    if ((scan & CompiledMatcher.MAY_MATCH) != 0) {
      return true;
    }
    return !compiled.statusRefs.isEmpty()
        && ((scan & CompiledMatcher.KEYWORD) != 0 || channel == Channel.BROWSER)
        && mayHoldStatus(text);
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
      List<CompiledCatalog.SigRef> refs = compiled.templateRefs.get(hit.template());
      if (refs.isEmpty()) {
        continue; // an ANCM event format that no signature uses
      }
      Template tpl = compiled.templates.get(hit.template());
      List<Parameter> params = parameters(tpl, hit);
      int[] span = hit.originalSpan();
      for (CompiledCatalog.SigRef ref : refs) {
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
  public static boolean mayHoldStatus(CharSequence text) {
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
