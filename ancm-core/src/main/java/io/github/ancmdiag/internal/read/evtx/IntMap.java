package io.github.ancmdiag.internal.read.evtx;

import java.util.Arrays;
import org.jetbrains.annotations.Nullable;

/**
 * An open-addressing map from non-negative int keys (offsets in a chunk) to values, cleared for
 * each chunk: the chunk's name and template caches. Not thread-safe.
 *
 * @param <V> the value type
 */
final class IntMap<V> {
  private int[] keys = new int[64];
  private Object[] values = new Object[64];
  private int size;

  IntMap() {
    Arrays.fill(keys, -1);
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  @Nullable V get(int key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k < 0) {
        return null;
      }
    }
  }

  void put(int key, V value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      if (keys[i] < 0) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
    }
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(keys, -1);
      Arrays.fill(values, null);
      size = 0;
    }
  }

  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] >= 0) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
