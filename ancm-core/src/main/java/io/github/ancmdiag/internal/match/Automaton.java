package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.template.Template;

/**
 * The compiled form of a set of templates and keywords, built by {@link AutomatonBuilder} and
 * read by the {@link Prefilter} and the {@link ChainMatcher}; never written after it is built, so
 * all threads share it.
 *
 * <p>It holds one Aho-Corasick automaton (Aho and Corasick, "Efficient string matching", CACM
 * 1975) over the anchors of all templates and the keywords, stored as a dense transition table
 * over the alphabet of pattern characters, and what each pattern stands for: the template anchors
 * ("slots", numbered template by template from {@link #slotBase}) or the keyword it is.
 *
 * <p>Table entries are rows (a state's index times {@link #stride}); an entry is negative (the row,
 * complemented) when the next state has outputs, and on the {@link #specialClass}, so one sign
 * test in a walk finds every place that needs a look. The same table serves raw text, through
 * {@link #rawClass} (fold and classify in one lookup), and folded text, whose characters fold to
 * themselves.
 */
final class Automaton {
  /** The templates; a hit names one by its index here. */
  final Template[] templates;
  /** Per template: its first slot; its anchors' slots follow. */
  final int[] slotBase;
  final int slotCount;
  /** Anchors are the patterns {@code 0 .. anchorCount - 1}; keywords, if any, follow. */
  final int anchorCount;
  /** Per anchor: its length in folded characters. */
  final int[] anchorLength;
  /** Per pattern: the (template, anchor index) pairs it stands for, highest index first. */
  final int[][] refTemplate;
  final int[][] refIndex;
  /**
   * The full match's share of those pairs: all but the first anchors of the templates in {@link
   * #sharedFirst}, whose chains the full match starts lazily ({@code ChainMatcher#syncFirst}).
   */
  final int[][] runRefTemplate;
  final int[][] runRefIndex;
  /**
   * Per pattern: the templates that start with it, have more anchors and hold it nowhere else.
   * Their first slot always holds the anchor's latest occurrence (or nothing since a chain of
   * theirs was disproven or matched), so an occurrence records itself once instead of once per
   * template: {@code Application '} opens dozens of templates.
   */
  final int[][] sharedFirst;
  /** Per template: the id of its first anchor. */
  final int[] firstAnchor;
  /** Per template: whether it is in {@link #sharedFirst}. */
  final boolean[] lazyFirst;
  /**
   * Per slot after the first of its template (the first's entry is unused): an id for the items
   * between the anchor before and this one, equal for equal items, so that templates sharing a
   * gap (the {@code '{appId}'} of every {@code Application '...'} message) have it checked once
   * per text and position.
   */
  final int[] gapOf;
  /**
   * Per slot after the first: the fewest and the most folded characters the items between the
   * anchor before and this one can fill (at {@code 2 * slot} and {@code 2 * slot + 1}), so that a
   * gap of any other length is refused without reading it.
   */
  final int[] gapLength;
  /** Per template: the fewest anchor characters a text must hold for any hit, full or cut. */
  final int[] needChars;
  /** The keywords, folded. */
  final char[][] keywordText;

  /** Per folded character: its class in the alphabet of pattern characters, 0 for any other. */
  final char[] classOf;
  /**
   * Per raw character: the class of what it folds to, {@link #dropClass} for what folding drops,
   * {@link #specialClass} for what needs a look.
   */
  final char[] rawClass;
  /** The row length: the pattern classes, then the drop and the special class. */
  final int stride;
  /** The class of characters that folding drops (white space): the state stays as it is. */
  final int dropClass;
  /**
   * The class of characters a walk must look at: an entity's {@code &}, the ellipsis, the
   * separators that {@code HttpStatus} reads as white space but folding keeps.
   */
  final int specialClass;
  /** The transition table, {@link #stride} entries a state. */
  final int[] trans;
  /**
   * Per state (row divided by the stride): its outputs, anchors by id and keywords as {@code
   * ~index}, or null.
   */
  final int[][] rawOutputs;
  /**
   * Per state (row divided by the stride): its depth, the folded characters of the pattern prefix
   * it stands for. The state after a text depends on its last {@code depth} characters only.
   */
  final int[] rowDepth;

  Automaton(AutomatonBuilder b) {
    this.templates = b.templates;
    this.slotBase = b.slotBase;
    this.slotCount = b.slotCount;
    this.anchorCount = b.anchorCount;
    this.anchorLength = b.anchorLength;
    this.refTemplate = b.refTemplate;
    this.refIndex = b.refIndex;
    this.runRefTemplate = b.runRefTemplate;
    this.runRefIndex = b.runRefIndex;
    this.sharedFirst = b.sharedFirst;
    this.firstAnchor = b.firstAnchor;
    this.lazyFirst = b.lazyFirst;
    this.gapOf = b.gapOf;
    this.gapLength = b.gapLength;
    this.needChars = b.needChars;
    this.keywordText = b.keywordText;
    this.classOf = b.classOf;
    this.rawClass = b.rawClass;
    this.stride = b.stride;
    this.dropClass = b.dropClass;
    this.specialClass = b.specialClass;
    this.trans = b.trans;
    this.rawOutputs = b.rawOutputs;
    this.rowDepth = b.rowDepth;
  }

  /** Returns the number of states, a measure of the compiled size. */
  int stateCount() {
    return rawOutputs.length;
  }
}
