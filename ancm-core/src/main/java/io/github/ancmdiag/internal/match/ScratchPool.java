package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.match.CompiledMatcher.Scratch;
import io.github.ancmdiag.internal.text.Normalized;
import io.github.ancmdiag.internal.text.TextNormalizer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The working state of one matcher's calls: a small pool of {@link Scratch}es for callers without
 * one of their own, and how much memory a scratch keeps between texts. The pool has a few slots
 * chosen by thread, so threads seldom meet on one; when a slot is empty a new scratch is made, so
 * borrowing never blocks.
 */
final class ScratchPool {
  /** Folded characters a reused scratch keeps room for between texts; more is let go. */
  static final int KEEP_CHARS = 1 << 16;

  private final CompiledMatcher owner;
  private final AtomicReferenceArray<Scratch> slots = new AtomicReferenceArray<>(poolSize());

  ScratchPool(CompiledMatcher owner) {
    this.owner = owner;
  }

  /** Takes a scratch from the slot of the calling thread, or makes one. */
  Scratch borrow() {
    Scratch s = slots.getAndSet(slot(), null);
    return s != null ? s : owner.newScratch();
  }

  /** Puts a clean scratch back in the slot of the calling thread, trimmed first. */
  void release(Scratch scratch) {
    trim(scratch);
    slots.lazySet(slot(), scratch);
  }

  /**
   * Folds a text into the scratch's copy, reusing its room unless an earlier text needed far more
   * than this one.
   */
  static Normalized normalizeInto(Scratch scratch, CharSequence text) {
    if (scratch.retainedChars() > Math.max(KEEP_CHARS, 2 * text.length() + 8)) {
      scratch.normalized = null; // the room a huge earlier text needed: not kept for this one
    }
    scratch.normalized = TextNormalizer.normalize(text, scratch.normalized);
    return scratch.normalized;
  }

  /**
   * Lets go of the last text and, when it was long, of its folded copy: a scratch kept in a pool
   * or a classifier must not hold a huge record once it is done with it.
   */
  private static void trim(Scratch scratch) {
    if (scratch.normalized != null && scratch.normalized.chars().length > KEEP_CHARS) {
      scratch.normalized = null;
    }
    if (scratch.normalized != null) {
      scratch.normalized = TextNormalizer.normalize("", scratch.normalized);
    }
    if (scratch.run != null) {
      scratch.run.forget();
    }
  }

  private int slot() {
    return (int) Thread.currentThread().getId() & (slots.length() - 1);
  }

  private static int poolSize() {
    int size = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2);
    return Math.min(64, size * 2);
  }
}
