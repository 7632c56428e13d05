package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.internal.text.TextNormalizer;
import io.github.ancmdiag.model.CaptureType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles templates and keywords into an {@link Automaton}: numbers the distinct anchors and the
 * slots of every template, works out what the prefilter and the chains need per template and per
 * gap, then builds the trie and, in one breadth-first pass, the automaton's table. Used once per
 * matcher; its fields become the automaton's.
 */
final class AutomatonBuilder {
  /** Raw characters a walk looks at closely; see {@link Automaton#specialClass}. */
  private static final String SPECIAL = "&\u2026\u001C\u001D\u001E\u001F";

  final Template[] templates;
  final int[] slotBase;
  final int slotCount;
  final int anchorCount;
  final int[] anchorLength;
  final int[][] refTemplate;
  final int[][] refIndex;
  final int[][] runRefTemplate;
  final int[][] runRefIndex;
  final int[][] sharedFirst;
  final int[] firstAnchor;
  final boolean[] lazyFirst;
  final int[] gapOf;
  final int[] gapLength;
  final int[] needChars;
  final char[][] keywordText;
  final char[] classOf;
  final char[] rawClass;
  final int stride;
  final int dropClass;
  final int specialClass;
  final int[] trans;
  final int[][] rawOutputs;
  final int[] rowDepth;

  /**
   * Compiles templates and keywords.
   *
   * @param templates the templates; a hit names a template by its index in this list
   * @param keywords folded literals whose presence the prefilter reports
   * @return the automaton
   * @throws IllegalArgumentException if a keyword is empty
   */
  static Automaton build(List<Template> templates, List<String> keywords) {
    return new Automaton(new AutomatonBuilder(templates, keywords));
  }

  private AutomatonBuilder(List<Template> templateList, List<String> keywords) {
    this.templates = templateList.toArray(new Template[0]);
    this.slotBase = new int[templates.length];
    this.needChars = new int[templates.length];
    int slots = 0;
    Map<String, Integer> anchorIds = new LinkedHashMap<>();
    Map<Integer, List<int[]>> refs = new HashMap<>();
    for (int t = 0; t < templates.length; t++) {
      Template tpl = templates[t];
      slotBase[t] = slots;
      slots += tpl.anchorCount();
      for (int k = 0; k < tpl.anchorCount(); k++) {
        String a = tpl.anchor(k).text();
        int id = anchorIds.computeIfAbsent(a, x -> anchorIds.size());
        refs.computeIfAbsent(id, x -> new ArrayList<>()).add(new int[] {t, k});
      }
      // A full hit needs every anchor; a cut one a chain of anchors covering MIN_PARTIAL_CHARS
      // and half of the template (see ChainMatcher#addTruncated). Rounded down: a necessary
      // condition.
      double denom = tpl.anchorChars() + 6.0 * tpl.constraintCount();
      int partial = Math.max(ChainMatcher.MIN_PARTIAL_CHARS, (int) Math.floor(
          Math.min(ChainMatcher.MIN_PREFIX_COVERAGE, ChainMatcher.MIN_SUFFIX_COVERAGE) * denom));
      needChars[t] = Math.min(tpl.anchorChars(), partial);
    }
    this.slotCount = slots;
    this.gapOf = gapIds(templates, slotBase, slots);
    this.gapLength = gapLengths(templates, slotBase, slots);
    this.anchorCount = anchorIds.size();
    // Keywords are further patterns of the automaton that stand for no template.
    Map<String, Integer> patternIds = new LinkedHashMap<>(anchorIds);
    List<Integer> keywordIds = new ArrayList<>();
    for (String k : keywords) {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("a keyword is empty");
      }
      keywordIds.add(patternIds.computeIfAbsent(k, x -> patternIds.size()));
    }
    int patterns = patternIds.size();
    int[] keyword = new int[patterns];
    Arrays.fill(keyword, -1);
    this.keywordText = new char[keywordIds.size()][];
    for (int k = 0; k < keywordIds.size(); k++) {
      keyword[keywordIds.get(k)] = k;
      keywordText[k] = keywords.get(k).toCharArray();
    }
    this.anchorLength = new int[anchorCount];
    this.refTemplate = new int[patterns][];
    this.refIndex = new int[patterns][];
    List<String> patternTexts = new ArrayList<>(patternIds.keySet());
    for (int id = 0; id < patterns; id++) {
      if (id < anchorCount) {
        anchorLength[id] = patternTexts.get(id).length();
      }
      List<int[]> r = refs.getOrDefault(id, new ArrayList<>());
      r.sort((x, y) -> Integer.compare(y[1], x[1]));
      refTemplate[id] = r.stream().mapToInt(x -> x[0]).toArray();
      refIndex[id] = r.stream().mapToInt(x -> x[1]).toArray();
    }
    // Templates whose first anchor is theirs only once (and not their only one) start chains
    // lazily in the full match.
    this.firstAnchor = new int[templates.length];
    this.lazyFirst = new boolean[templates.length];
    for (int t = 0; t < templates.length; t++) {
      Template tpl = templates[t];
      String first = tpl.anchor(0).text();
      firstAnchor[t] = anchorIds.get(first);
      boolean once = tpl.anchorCount() > 1;
      for (int k = 1; k < tpl.anchorCount() && once; k++) {
        once = !tpl.anchor(k).text().equals(first);
      }
      lazyFirst[t] = once;
    }
    this.runRefTemplate = new int[patterns][];
    this.runRefIndex = new int[patterns][];
    this.sharedFirst = new int[patterns][];
    for (int id = 0; id < patterns; id++) {
      List<Integer> eagerT = new ArrayList<>();
      List<Integer> eagerK = new ArrayList<>();
      List<Integer> lazy = new ArrayList<>();
      for (int r = 0; r < refTemplate[id].length; r++) {
        int t = refTemplate[id][r];
        if (refIndex[id][r] == 0 && lazyFirst[t]) {
          lazy.add(t);
        } else {
          eagerT.add(t);
          eagerK.add(refIndex[id][r]);
        }
      }
      runRefTemplate[id] = eagerT.stream().mapToInt(Integer::intValue).toArray();
      runRefIndex[id] = eagerK.stream().mapToInt(Integer::intValue).toArray();
      sharedFirst[id] = lazy.stream().mapToInt(Integer::intValue).toArray();
    }
    // Alphabet: one class per distinct pattern character, class 0 for every other character.
    this.classOf = new char[65536];
    int cls = 1;
    for (String a : patternTexts) {
      for (int i = 0; i < a.length(); i++) {
        char c = a.charAt(i);
        if (classOf[c] == 0) {
          classOf[c] = (char) cls++;
        }
      }
    }
    int classes = cls;
    // Trie.
    List<int[]> go = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    List<Integer> nodeDepth = new ArrayList<>();
    go.add(new int[classes]);
    out.add(new ArrayList<>());
    nodeDepth.add(0);
    for (int id = 0; id < patterns; id++) {
      String a = patternTexts.get(id);
      int s = 0;
      for (int i = 0; i < a.length(); i++) {
        int c = classOf[a.charAt(i)];
        if (go.get(s)[c] == 0) {
          go.get(s)[c] = go.size();
          go.add(new int[classes]);
          out.add(new ArrayList<>());
          nodeDepth.add(i + 1);
        }
        s = go.get(s)[c];
      }
      out.get(s).add(id);
    }
    int states = go.size();
    int[][] next = go.toArray(new int[0][]);
    // The raw alphabet: the fold table and the classes in one lookup, a class for dropped
    // characters that stays in its state, and a class for characters that need a look.
    this.stride = classes + 2;
    this.dropClass = classes;
    this.specialClass = classes + 1;
    this.rawClass = new char[65536];
    for (int c = 0; c < 65536; c++) {
      char f = TextNormalizer.fold((char) c);
      rawClass[c] = f == TextNormalizer.DROP ? (char) dropClass : classOf[f];
    }
    for (char c : SPECIAL.toCharArray()) {
      rawClass[c] = (char) specialClass;
    }
    // One breadth-first pass builds the Aho-Corasick automaton straight into its table: states are
    // numbered in the order the pass meets them, so the shallow ones a text is in most of the
    // time share cache lines, and a state's failure state, being shallower, is complete when the
    // state is reached. An entry is the next state's row, negative when that state has outputs.
    int[] order = new int[states];
    int[] rowOf = new int[states];
    int[] fail = new int[states];
    boolean[] hasOutputs = new boolean[states];
    this.rawOutputs = new int[states][];
    this.trans = new int[states * stride];
    this.rowDepth = new int[states];
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int s = order[head];
      int row = head * stride;
      rowDepth[head] = nodeDepth.get(s);
      if (s != 0) {
        out.get(s).addAll(out.get(fail[s]));
      }
      rawOutputs[head] = outputsOf(out.get(s), keyword, anchorCount);
      int failRow = rowOf[fail[s]];
      for (int c = 0; c < classes; c++) {
        int child = c == 0 ? 0 : next[s][c];
        int entry;
        if (child != 0) {
          int f = s == 0 ? 0 : order[unsigned(trans[failRow + c]) / stride];
          fail[child] = f;
          hasOutputs[child] = !out.get(child).isEmpty() || hasOutputs[f];
          rowOf[child] = tail * stride;
          order[tail++] = child;
          entry = hasOutputs[child] ? ~rowOf[child] : rowOf[child];
        } else {
          entry = s == 0 ? 0 : trans[failRow + c];
        }
        trans[row + c] = entry;
      }
      trans[row + dropClass] = row;
      trans[row + specialClass] = ~row;
    }
  }

  /** Numbers the gaps between consecutive anchors of every template, equal items alike. */
  private static int[] gapIds(Template[] templates, int[] slotBase, int slots) {
    int[] ids = new int[slots];
    Map<String, Integer> known = new HashMap<>();
    for (int t = 0; t < templates.length; t++) {
      Template tpl = templates[t];
      for (int k = 1; k < tpl.anchorCount(); k++) {
        StringBuilder key = new StringBuilder();
        for (int i = tpl.anchorItem(k - 1) + 1; i < tpl.anchorItem(k); i++) {
          Template.Item it = tpl.items().get(i);
          if (it instanceof Template.Literal lit) {
            key.append('L').append(lit.chars());
          } else if (it instanceof Template.Capture c) {
            key.append('C').append(c.type()).append('/').append(c.op()).append('/')
                .append(c.foldedValue()).append('/').append(c.number()).append('/')
                .append(c.hresult());
          }
          key.append('\u0000');
        }
        ids[slotBase[t] + k] = known.computeIfAbsent(key.toString(), x -> known.size());
      }
    }
    return ids;
  }

  /**
   * The length bounds of every gap ({@link Automaton#gapLength}): a literal fills exactly its
   * length, a capture at least one character (none for text) and at most its type's maximum, as
   * {@link ItemMatcher#forward} checks them.
   */
  private static int[] gapLengths(Template[] templates, int[] slotBase, int slots) {
    int[] bounds = new int[2 * slots];
    for (int t = 0; t < templates.length; t++) {
      Template tpl = templates[t];
      for (int k = 1; k < tpl.anchorCount(); k++) {
        int min = 0;
        int max = 0;
        for (int i = tpl.anchorItem(k - 1) + 1; i < tpl.anchorItem(k); i++) {
          Template.Item it = tpl.items().get(i);
          if (it instanceof Template.Literal lit) {
            min += lit.chars().length;
            max += lit.chars().length;
          } else if (it instanceof Template.Capture c) {
            min += c.type() == CaptureType.TEXT ? 0 : 1;
            max += c.type().maxLength();
          }
        }
        bounds[2 * (slotBase[t] + k)] = min;
        bounds[2 * (slotBase[t] + k) + 1] = max;
      }
    }
    return bounds;
  }

  /** A transition table entry's row, whether or not it is marked as having outputs. */
  private static int unsigned(int entry) {
    return entry < 0 ? ~entry : entry;
  }

  /** The outputs of a state: anchors by id, keywords as {@code ~index}; null when none. */
  private static int[] outputsOf(List<Integer> patterns, int[] keyword, int anchorCount) {
    if (patterns.isEmpty()) {
      return null;
    }
    List<Integer> found = new ArrayList<>();
    for (int id : patterns) {
      if (id < anchorCount) {
        found.add(id);
      }
      if (keyword[id] >= 0) {
        found.add(~keyword[id]);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }
}
