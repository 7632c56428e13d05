package io.github.ancmdiag.internal.io;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * A list that keeps its first {@code cap - 1} elements and, once more arrive, one last element
 * that sums up the rest: memory stays bounded however many are added, and nothing is dropped
 * without a word. Used for skipped records, whose number an input controls. Not thread-safe.
 *
 * @param <T> the element type
 */
public final class Capped<T> {
  /** Makes the element that stands for every element not kept. */
  @FunctionalInterface
  public interface Summary<T> {
    /**
     * Returns the element that stands for those not kept.
     *
     * @param first the first element not kept
     * @param notKept how many were not kept, the first included
     * @param kept how many are kept before the summary
     * @return the summary element
     */
    @NotNull T of(@NotNull T first, long notKept, int kept);
  }

  private final int cap;
  private final Summary<T> summary;
  private final List<T> list = new ArrayList<>();
  private final List<T> view = new View();
  private @Nullable T firstDropped;
  private long dropped;
  private @Nullable T summarized;
  private long summarizedFor;

  /**
   * Creates an empty list.
   *
   * @param cap the most elements held, the summary included; at least 2
   * @param summary makes the element that stands for those not kept
   */
  public Capped(int cap, @NotNull Summary<T> summary) {
    if (cap < 2) {
      throw new IllegalArgumentException("cap must be at least 2 but was " + cap);
    }
    this.cap = cap;
    this.summary = summary;
  }

  /**
   * Adds an element, or counts it in the summary when the list is full. Constant time: the
   * summary is made when it is looked at.
   *
   * @param element the element
   */
  public void add(@NotNull T element) {
    if (list.size() < cap - 1) {
      list.add(element);
      return;
    }
    dropped++;
    if (dropped == 1) {
      firstDropped = element; // the last slot holds it while it is the only one past the others
      list.add(element);
    }
  }

  /**
   * Adds every element.
   *
   * @param elements the elements
   */
  public void addAll(@NotNull Iterable<? extends T> elements) {
    for (T e : elements) {
      add(e);
    }
  }

  /**
   * Returns the elements kept, the summary last when some were not kept: a live, unmodifiable
   * view.
   *
   * @return the elements
   */
  public @NotNull @Unmodifiable List<T> view() {
    return view;
  }

  /**
   * Returns how many elements were added in all.
   *
   * @return the count
   */
  public long total() {
    return dropped == 0 ? list.size() : cap - 1 + dropped;
  }

  private T last() {
    if (dropped < 2) {
      return list.get(cap - 1);
    }
    if (summarized == null || summarizedFor != dropped) {
      summarized = summary.of(Objects.requireNonNull(firstDropped), dropped, cap - 1);
      summarizedFor = dropped;
    }
    return summarized;
  }

  /** The list as seen from outside: the last slot is the summary once two or more were not kept. */
  private final class View extends AbstractList<T> implements RandomAccess {
    @Override
    public T get(int index) {
      return index == cap - 1 ? last() : list.get(index);
    }

    @Override
    public int size() {
      return list.size();
    }
  }
}
