package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.score.RecordMatching;
import io.github.ancmdiag.model.AncmEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * that names no application (a stdout line, a page) has no recovery.
 */
final class Recoveries {
  private record Seen(LogRecord record, AncmEvent event, int order) {}

  /**
   * What the events tell.
   *
   * @param recoveries each start after a failure, in the order of the starts
   * @param failing whether some application's last event is a failure
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
        for (AncmEvent e : matching.findAll(r, scratch).events()) {
          boolean failure = e.isFailure();
          if ((failure || e.kind() == AncmEventKind.STARTED) && !e.applications().isEmpty()) {
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
    Map<String, Seen> pending = new HashMap<>();
    List<Recovery> found = new ArrayList<>();
    for (Seen s : seen) {
      Set<String> keys = keys(s.event());
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
        Set<String> cleared = keys(failure.event());
        cleared.addAll(keys);
        pending.values().removeIf(p -> !java.util.Collections.disjoint(keys(p.event()), cleared));
        found.add(new Recovery(failure.event().applications().get(0), failure.event(),
            failure.record(), s.event(), s.record()));
      }
    }
    return new Result(List.copyOf(found), !pending.isEmpty());
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
