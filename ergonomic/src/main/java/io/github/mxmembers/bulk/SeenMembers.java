package io.github.mxmembers.bulk;

import java.nio.charset.StandardCharsets;

/**
 * The members a run has met so far, to find the same member twice in one input (and, in a second
 * set, the keys of its items, to find a key used twice): an open-addressing
 * set of 64-bit hashes (FNV-1a over the identity's UTF-8 bytes, then a finalising mix), 8 bytes per
 * member at most twice over, so a million members take 16 MB. Two different members would share a
 * hash with odds of about one in thirty million for a million members; then the later one is taken
 * for a repeat. For the run's thread alone.
 */
final class SeenMembers {
  /** Marks an empty slot; a hash that comes out as it is moved to 1. */
  private static final long EMPTY = 0;

  private long[] slots = new long[1 << 10];
  private int size;

  /** {@return true the first time an identity is added, false when it was added before} */
  boolean add(String identity) {
    return addHash(hash(identity));
  }

  /**
   * {@return true the first time an item's key is added, false when it was added before}: exact, as
   * the mix of a key is a bijection (only the one key that mixes to 0 shares a slot, with the one
   * that mixes to 1)
   */
  boolean addKey(long key) {
    return addHash(mix(key));
  }

  private boolean addHash(long hash) {
    if (size + 1 > slots.length * 3L / 4) {
      grow();
    }
    return insert(slots, hash);
  }

  private boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      if (table[i] == EMPTY) {
        table[i] = hash;
        if (table == slots) {
          size++;
        }
        return true;
      }
      if (table[i] == hash) {
        return false;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    long[] bigger = new long[old.length * 2];
    int mask = bigger.length - 1;
    for (long hash : old) {
      if (hash != EMPTY) {
        int i = (int) hash & mask;
        while (bigger[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        bigger[i] = hash;
      }
    }
    slots = bigger;
  }

  static long hash(String identity) {
    long h = 0xcbf29ce484222325L;
    for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    // murmur3's finaliser: spreads FNV's low bits, which the table's index is taken from
    return mix(h);
  }

  /** Murmur3's 64-bit finaliser, a bijection; 0 (an empty slot) is moved to 1. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }
}
