package io.github.ancmdiag.cli;

import io.github.ancmdiag.Classification;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet report of {@code ancm-diagnose scan --html FILE}: one self-contained HTML page (inline
 * CSS and SVG, no script, no URL of any kind) with a timeline of matched records per catalog
 * entry and per host or file, a table of the entries (records, hosts or files, first and last
 * seen, example records with their {@code file:line}) and one of the hosts and files.
 *
 * <p>A record's time is the first date and time in its line's first {@value #TIME_SCAN}
 * characters (ISO 8601 such as {@code 2026-11-30 16:41:09} or {@code 2026-11-30T16:41:09.12Z},
 * or Event Viewer's {@code 11/30/2026 4:41:09 PM}); a line without one takes the time of the
 * record before it in the same file; times without a zone are shown as written, labelled UTC. Its
 * host is the {@code Computer} an event names ({@code <Computer>WEB01</Computer>}, {@code
 * Computer: WEB01}), else its file. Every text from the input is HTML-escaped, control
 * characters shown as their Unicode control pictures. Memory is bounded: counts per entry and
 * host ({@value #MAX_GROUPS} hosts or files at most, the rest counted as one), {@value #EXAMPLES}
 * example records per entry, and a {@link Timeline} of bounded size. Not thread-safe.
 */
final class HtmlReport {
  /** Example records kept per entry, each from another host or file. */
  static final int EXAMPLES = 3;
  /** The most characters of an example record shown. */
  static final int EXCERPT = 300;
  /** How far into a line a time or host is looked for. */
  static final int TIME_SCAN = 2048;
  /** The most hosts or files with a lane of their own; the others share one. */
  static final int MAX_GROUPS = 100;
  /** The lane of hosts or files past {@link #MAX_GROUPS}. */
  static final String OTHER_GROUP = "(other hosts and files)";

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):"
      + "(\\d{2}):(\\d{2})(?:[.,]\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern US = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})"
      + ",? (\\d{1,2}):(\\d{2}):(\\d{2})(?: ?([AaPp][Mm]))?");
  private static final Pattern HOST = Pattern.compile(
      "<Computer>([^<]{1,100})</Computer>|\\bComputer:[ \\t]*([A-Za-z0-9._-]{1,100})");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
      "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939"};

  /** What is known of one entry. */
  private static final class EntryStats {
    long records;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final Set<String> groups = new TreeSet<>();
    final List<String[]> examples = new ArrayList<>();
    final Set<String> exampleGroups = new LinkedHashSet<>();
  }

  /** What is known of one host or file. */
  private static final class GroupStats {
    long records;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final Map<String, Long> entries = new TreeMap<>();
  }

  private final Map<String, EntryStats> entries = new HashMap<>();
  private final Map<String, GroupStats> groups = new LinkedHashMap<>();
  private final Timeline byEntry = new Timeline();
  private final Timeline byGroup = new Timeline();
  private String lastSource = "";
  private long lastTime = Long.MIN_VALUE;
  private long untimed;
  private long records;

  /** Counts a matched record: its line's text, where it is, the entries it matches. */
  void add(Classification c, String source, long line, String text) {
    String head = text.length() > TIME_SCAN ? text.substring(0, TIME_SCAN) : text;
    if (!source.equals(lastSource)) {
      lastSource = source;
      lastTime = Long.MIN_VALUE;
    }
    long time = timeOf(head);
    if (time == Long.MIN_VALUE) {
      time = lastTime;
    } else {
      lastTime = time;
    }
    String group = groupOf(head, source);
    records++;
    if (time == Long.MIN_VALUE) {
      untimed++;
    }
    GroupStats g = groups.get(group);
    if (g == null) {
      if (groups.size() >= MAX_GROUPS) {
        group = OTHER_GROUP;
      }
      g = groups.computeIfAbsent(group, k -> new GroupStats());
    }
    g.records++;
    for (String id : c.entryIds()) {
      EntryStats e = entries.computeIfAbsent(id, k -> new EntryStats());
      e.records++;
      if (e.groups.size() < MAX_GROUPS) {
        e.groups.add(group);
      }
      if (e.examples.size() < EXAMPLES && e.exampleGroups.add(group)) {
        e.examples.add(new String[] {source + ":" + line,
            text.length() > EXCERPT ? text.substring(0, EXCERPT) + " ..." : text});
      }
      g.entries.merge(id, 1L, Long::sum);
      if (time != Long.MIN_VALUE) {
        e.first = Math.min(e.first, time);
        e.last = Math.max(e.last, time);
        byEntry.add(id, id, time);
        byGroup.add(group, id, time);
      }
    }
    if (time != Long.MIN_VALUE) {
      g.first = Math.min(g.first, time);
      g.last = Math.max(g.last, time);
    }
  }

  /** Returns the first date and time in {@code head} in epoch seconds, or Long.MIN_VALUE. */
  static long timeOf(String head) {
    Matcher iso = ISO.matcher(head);
    Matcher us = US.matcher(head);
    boolean isIso = iso.find();
    boolean isUs = us.find();
    try {
      if (isIso && (!isUs || iso.start() <= us.start())) {
        LocalDateTime t = LocalDateTime.of(num(iso, 1), num(iso, 2), num(iso, 3), num(iso, 4),
            num(iso, 5), num(iso, 6));
        String zone = iso.group(7);
        ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC
            : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3)
                : zone);
        return t.toEpochSecond(offset);
      }
      if (isUs) {
        int hour = num(us, 4);
        String half = us.group(7);
        if (half != null) {
          if (hour < 1 || hour > 12) {
            return Long.MIN_VALUE;
          }
          hour = hour % 12 + (half.equalsIgnoreCase("PM") ? 12 : 0);
        }
        return LocalDateTime.of(num(us, 3), num(us, 1), num(us, 2), hour, num(us, 5),
            num(us, 6)).toEpochSecond(ZoneOffset.UTC);
      }
    } catch (DateTimeException e) {
      return Long.MIN_VALUE; // a date that does not exist (month 13, 25:00): no time
    }
    return Long.MIN_VALUE;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** Returns the host a record names, or its file. */
  static String groupOf(String head, String source) {
    Matcher m = HOST.matcher(head);
    if (m.find()) {
      String host = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
      if (!host.isEmpty()) {
        return "host " + host;
      }
    }
    return source;
  }

  /**
   * Renders the page.
   *
   * @param summaries each entry's one-line summary, by id
   * @param catalogVersion the catalog's version
   * @param lines the lines scanned
   * @param files the files scanned
   */
  String render(Map<String, String> summaries, String catalogVersion, long lines, int files) {
    List<String> ids = new ArrayList<>(entries.keySet());
    ids.sort(Comparator.comparingLong((String id) -> -entries.get(id).records)
        .thenComparing(Comparator.naturalOrder()));
    Map<String, String> colours = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      colours.put(ids.get(i), PALETTE[i % PALETTE.length]);
    }
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
        .append("<title>ancm-diagnose scan report</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>ancm-diagnose scan report</h1>\n");
    h.append("<p class=\"meta\">").append(String.format(Locale.ROOT, "%,d", lines))
        .append(" lines in ").append(files).append(files == 1 ? " file" : " files").append(", ")
        .append(String.format(Locale.ROOT, "%,d", records)).append(" matched records, ")
        .append(ids.size()).append(ids.size() == 1 ? " catalog entry" : " catalog entries")
        .append(" (catalog ").append(esc(catalogVersion)).append(").");
    if (!byEntry.isEmpty()) {
      h.append(" From ").append(time(byEntry.min())).append(" to ").append(time(byEntry.max()))
          .append(" UTC; each mark is ").append(widthInWords(byEntry.width())).append('.');
    }
    if (untimed > 0) {
      h.append(" ").append(String.format(Locale.ROOT, "%,d", untimed))
          .append(" records have no time and are only in the tables.");
    }
    h.append("</p>\n");
    if (ids.isEmpty()) {
      h.append("<p>No line matched a catalog entry.</p>\n</body>\n</html>\n");
      return h.toString();
    }
    h.append("<h2>Failures over time, per entry</h2>\n");
    timeline(h, byEntry, ids, colours, "per-entry", true);
    h.append("<h2>Failures over time, per host or file</h2>\n");
    timeline(h, byGroup, new ArrayList<>(groups.keySet()), colours, "per-host", false);
    legend(h, ids, colours);
    h.append("<h2>Entries</h2>\n<table class=\"entries\">\n<thead><tr><th>entry</th>"
        + "<th>records</th><th>hosts or files</th><th>first seen (UTC)</th>"
        + "<th>last seen (UTC)</th><th>example records</th></tr></thead>\n<tbody>\n");
    for (String id : ids) {
      EntryStats e = entries.get(id);
      h.append("<tr><td><span class=\"swatch\" style=\"background:").append(colours.get(id))
          .append("\"></span><b>").append(esc(id)).append("</b><br />")
          .append(esc(summaries.getOrDefault(id, ""))).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", e.records)).append("</td><td class=\"n\">")
          .append(e.groups.size()).append("</td><td class=\"t\">").append(time(e.first))
          .append("</td><td class=\"t\">").append(time(e.last)).append("</td><td>");
      for (String[] x : e.examples) {
        h.append("<div class=\"example\"><span class=\"where\">").append(esc(x[0]))
            .append("</span><code>").append(esc(x[1])).append("</code></div>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n<h2>Hosts and files</h2>\n<table class=\"groups\">\n<thead><tr>"
        + "<th>host or file</th><th>records</th><th>first seen (UTC)</th><th>last seen (UTC)</th>"
        + "<th>entries</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, GroupStats> g : groups.entrySet()) {
      GroupStats s = g.getValue();
      h.append("<tr><td>").append(esc(g.getKey())).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%,d", s.records)).append("</td><td class=\"t\">")
          .append(time(s.first)).append("</td><td class=\"t\">").append(time(s.last))
          .append("</td><td>");
      boolean first = true;
      for (Map.Entry<String, Long> e : s.entries.entrySet()) {
        h.append(first ? "" : ", ").append(esc(e.getKey())).append(" (")
            .append(String.format(Locale.ROOT, "%,d", e.getValue())).append(')');
        first = false;
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</body>\n</html>\n");
    return h.toString();
  }

  private static final int LABEL = 250;
  private static final int PLOT = 700;
  private static final int LANE = 26;
  private static final int AXIS = 34;
  /** The most labelled ticks on a time axis. */
  private static final int MAX_TICKS = 10;
  /** The tick spacings tried, in seconds, finest first. */
  private static final long[] TICK_STEPS = {60, 300, 900, 1_800, 3_600, 7_200, 10_800, 21_600,
      43_200, 86_400, 172_800, 604_800, 2_592_000, 31_536_000};

  /** Draws one timeline: a lane per key, marks stacked by entry, an axis of UTC times. */
  private void timeline(StringBuilder h, Timeline t, List<String> lanes,
      Map<String, String> colours, String css, boolean laneIsEntry) {
    if (t.isEmpty()) {
      h.append("<p>No matched record has a time.</p>\n");
      return;
    }
    int height = lanes.size() * LANE + AXIS;
    int width = LABEL + PLOT + 20;
    long span = Math.max(t.max() - t.min() + t.width(), t.width());
    double scale = PLOT / (double) span;
    double mark = Math.max(2.0, t.width() * scale);
    long peak = 1;
    for (String lane : lanes) {
      for (Map.Entry<Long, Long> b : stacked(t.lane(lane)).entrySet()) {
        peak = Math.max(peak, b.getValue());
      }
    }
    h.append("<svg class=\"").append(css).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" role=\"img\" aria-label=\"timeline\">\n");
    for (int i = 0; i < lanes.size(); i++) {
      String lane = lanes.get(i);
      int y = i * LANE;
      h.append("<rect class=\"lane\" x=\"").append(LABEL).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(PLOT).append("\" height=\"").append(LANE - 4)
          .append("\" />\n<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"")
          .append(y + LANE / 2 + 4).append("\">").append(esc(shorten(lane, 38)))
          .append("<title>").append(esc(lane)).append("</title></text>\n");
      Map<String, TreeMap<Long, Long>> byEntry = t.lane(lane);
      Map<Long, Long> base = new HashMap<>();
      List<String> order = new ArrayList<>(colours.keySet());
      order.retainAll(byEntry.keySet());
      for (String entry : order) {
        for (Map.Entry<Long, Long> b : byEntry.get(entry).entrySet()) {
          long below = base.getOrDefault(b.getKey(), 0L);
          base.put(b.getKey(), below + b.getValue());
          double x = LABEL + (b.getKey() - t.min()) * scale;
          double full = LANE - 6;
          double y0 = y + 3 + full - full * Math.sqrt((below + b.getValue()) / (double) peak);
          double y1 = y + 3 + full - full * Math.sqrt(below / (double) peak);
          h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
              + " height=\"%.1f\" fill=\"%s\"><title>", Math.min(x, LABEL + PLOT - mark), y0,
              mark, Math.max(1.0, y1 - y0), colours.get(entry)));
          h.append(esc((laneIsEntry ? "" : lane + ": ") + entry)).append(", ")
              .append(time(b.getKey())).append(" UTC: ").append(b.getValue())
              .append(b.getValue() == 1 ? " record" : " records").append("</title></rect>\n");
        }
      }
    }
    int axisY = lanes.size() * LANE + 4;
    h.append("<line class=\"axis\" x1=\"").append(LABEL).append("\" y1=\"").append(axisY)
        .append("\" x2=\"").append(LABEL + PLOT).append("\" y2=\"").append(axisY)
        .append("\" />\n");
    long step = TICK_STEPS[TICK_STEPS.length - 1];
    for (long candidate : TICK_STEPS) {
      if (span / candidate <= MAX_TICKS) {
        step = candidate;
        break;
      }
    }
    boolean oneDay = Math.floorDiv(t.min(), 86_400L) == Math.floorDiv(t.min() + span, 86_400L);
    for (long at = Math.floorDiv(t.min(), step) * step + step; at < t.min() + span; at += step) {
      double x = LABEL + (at - t.min()) * scale;
      String label = time(at).substring(oneDay ? 11 : 5, 16);
      h.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
          + " y2=\"%d\" />\n<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s"
          + "</text>\n", x, axisY, x, axisY + 5, x, axisY + 18, label));
    }
    h.append("</svg>\n");
  }

  /** Sums a lane's entries per bucket. */
  private static Map<Long, Long> stacked(Map<String, TreeMap<Long, Long>> lane) {
    Map<Long, Long> sum = new HashMap<>();
    for (TreeMap<Long, Long> counts : lane.values()) {
      counts.forEach((t, n) -> sum.merge(t, n, Long::sum));
    }
    return sum;
  }

  private static void legend(StringBuilder h, List<String> ids, Map<String, String> colours) {
    h.append("<p class=\"legend\">");
    for (String id : ids) {
      h.append("<span class=\"item\"><span class=\"swatch\" style=\"background:")
          .append(colours.get(id)).append("\"></span>").append(esc(id)).append("</span> ");
    }
    h.append("</p>\n");
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - (max - 3));
  }

  private static String time(long epochSecond) {
    return epochSecond == Long.MIN_VALUE || epochSecond == Long.MAX_VALUE ? "-"
        : SHOWN.format(Instant.ofEpochSecond(epochSecond));
  }

  private static String widthInWords(long seconds) {
    if (seconds % 604_800 == 0) {
      return "a week";
    }
    if (seconds % 86_400 == 0) {
      return "a day";
    }
    if (seconds % 3_600 == 0) {
      return seconds == 3_600 ? "an hour" : seconds / 3_600 + " hours";
    }
    return seconds == 60 ? "a minute" : seconds / 60 + " minutes";
  }

  /**
   * Escapes text for HTML element content and quoted attributes: {@code & < > " '} as
   * references, control characters as their Unicode control pictures (U+2400 onwards), and
   * characters XML cannot hold (lone surrogates, U+FFFE, U+FFFF) as U+FFFD.
   */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t') {
            b.append((char) (0x2400 + c));
          } else if (c == 0x7f) {
            b.append('\u2421');
          } else if (c >= 0x80 && c < 0xa0) {
            b.append('\ufffd');
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || c == '\ufffe' || c == '\uffff') {
            b.append('\ufffd');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Returns the ids of the entries counted, for tests. */
  Set<String> entryIds() {
    return new LinkedHashSet<>(entries.keySet());
  }

  private static final String CSS = String.join("\n",
      "body { font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px;",
      "  color: #1b1f23; max-width: 1200px; }",
      "h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }",
      ".meta { color: #57606a; }",
      "svg { display: block; font: 12px system-ui, sans-serif; }",
      "svg .lane { fill: #f3f4f6; } svg .label { text-anchor: end; fill: #1b1f23; }",
      "svg .axis, svg .tick { stroke: #8c959f; } svg text.tick { fill: #57606a; stroke: none; }",
      ".legend .item { margin-right: 14px; white-space: nowrap; }",
      ".swatch { display: inline-block; width: 11px; height: 11px; margin-right: 5px;",
      "  border-radius: 2px; vertical-align: -1px; }",
      "table { border-collapse: collapse; width: 100%; }",
      "th, td { border-bottom: 1px solid #d0d7de; padding: 6px 8px; text-align: left;",
      "  vertical-align: top; }",
      "th { background: #f6f8fa; white-space: nowrap; }",
      "td.n, td.t { text-align: right; white-space: nowrap; } td.t { text-align: left; }",
      ".example { margin-bottom: 6px; } .where { display: block; color: #57606a; font-size: 12px; }",
      "code { font: 12px ui-monospace, Consolas, monospace; white-space: pre-wrap;",
      "  word-break: break-all; }",
      "");
}
