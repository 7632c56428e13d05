package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.score.RecordMatching;
import io.github.ancmdiag.model.AncmEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the applications that started again after a failure. The ANCM events of the evidence are
 * read in time order when every one of them has a time (event XML does), else in the order of the
 * evidence; a start event of an application clears its pending failure, and that pair is a
 * {@link Recovery}. Two events are of the same application when they share a value that names it
 * (the {@code /LM/W3SVC/...} id or the folder, case and a trailing backslash aside). A failure
 * that is no ANCM event (a stdout line, a page) has no recovery. When the events name one
 * application id and one folder at most, they are taken for one application, with the failure
 * events that name none (1027, 1034): an in-process app's 1010 names its id and its 1031 and
 * 1032 its folder, and nothing in the texts ties those together but that the incident is about
 * one application. The evidence is still
 * failing when a failure event comes after the last recovery's start (an in-process app's 1010
 * names its id and its 1032 its folder, so only the order can tie them).
 */
final class Recoveries {
  private record Seen(LogRecord record, AncmEvent event, int order) {}

  /**
   * What the events tell.
   *
   * @param recoveries each start after a failure, in the order of the starts
   * @param failing whether a failure event comes after the last recovery's start (or there is
   *     no recovery)
   */
  record Result(List<Recovery> recoveries, boolean failing) {
    static final Result NONE = new Result(List.of(), false);
  }

  private Recoveries() {}

  static Result find(List<LogRecord> records, RecordMatching matching) {
    List<Seen> seen = new ArrayList<>();
    boolean anyFailure = false;
    CompiledMatcher.Scratch scratch = matching.borrowScratch();
    try {
      for (LogRecord r : records) {
        for (AncmEvent e : AncmEvent.wrap(matching.findAll(r, scratch).events())) {
          boolean failure = e.isFailure();
          if (failure || e.kind() == AncmEventKind.STARTED && !e.applications().isEmpty()) {
            seen.add(new Seen(r, e, seen.size()));
            anyFailure |= failure;
          }
        }
      }
    } finally {
      matching.release(scratch);
    }
    if (!anyFailure) {
      return Result.NONE;
    }
    if (seen.stream().allMatch(s -> s.record().time().isPresent())) {
      seen.sort(Comparator.comparing((Seen s) -> s.record().time().orElse(Instant.MIN))
          .thenComparingInt(Seen::order));
    }
    boolean oneApp = oneApplication(seen);
    Map<String, Seen> pending = new HashMap<>();
    List<Recovery> found = new ArrayList<>();
    for (Seen s : seen) {
      Set<String> keys = oneApp ? Set.of("") : keys(s.event());
      if (keys.isEmpty()) {
        continue; // a failure that names no application, among several applications
      }
      if (s.event().isFailure()) {
        for (String k : keys) {
          pending.put(k, s);
        }
        continue;
      }
      Seen failure = null;
      for (String k : keys) {
        Seen f = pending.get(k);
        if (f != null && (failure == null || f.order() > failure.order())) {
          failure = f;
        }
      }
      if (failure != null) {
        Set<String> cleared = oneApp ? new LinkedHashSet<>(keys) : keys(failure.event());
        cleared.addAll(keys);
        pending.values().removeIf(p -> oneApp
            || !java.util.Collections.disjoint(keys(p.event()), cleared));
        List<String> named = failure.event().applications();
        found.add(new Recovery(named.isEmpty() ? s.event().applications().get(0) : named.get(0),
            failure.event(), failure.record(), s.event(), s.record()));
      }
    }
    int lastFailure = -1;
    int lastStart = -1;
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).event().isFailure()) {
        lastFailure = i;
      }
    }
    for (Recovery r : found) {
      for (int i = 0; i < seen.size(); i++) {
        if (seen.get(i).event() == r.started()) {
          lastStart = Math.max(lastStart, i);
        }
      }
    }
    return new Result(List.copyOf(found), lastFailure > lastStart);
  }

  /** Whether the events name one application id and one folder at most. */
  private static boolean oneApplication(List<Seen> seen) {
    Set<String> ids = new HashSet<>();
    Set<String> folders = new HashSet<>();
    for (Seen s : seen) {
      for (String k : keys(s.event())) {
        (k.startsWith("/lm/") || k.startsWith("machine/") ? ids : folders).add(k);
      }
    }
    return ids.size() <= 1 && folders.size() <= 1;
  }

  private static Set<String> keys(AncmEvent e) {
    Set<String> keys = new LinkedHashSet<>();
    for (String a : e.applications()) {
      String k = a.trim().toLowerCase(Locale.ROOT);
      while (k.endsWith("\\") || k.endsWith("/")) {
        k = k.substring(0, k.length() - 1);
      }
      if (!k.isEmpty()) {
        keys.add(k);
      }
    }
    return keys;
  }
}
