package io.github.mxmembers.internal.waiter;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.client.MemberAddress;
import io.github.mxmembers.waiter.AggregationWait;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MX's rhythm across one client's calls: "MX recommends a minimum polling interval of 3 seconds"
 * (Read member connection status), so no two status reads of one member by this client's waits come
 * closer than {@link AggregationWait#MIN_INTERVAL}, whichever waits they belong to (a wait after a
 * resume, two waits in a row, two at once). Each read takes a slot: the member's last slot plus 3 s,
 * or now if that is later. A member is known by the address a wait was given and, once a read has
 * said it, by its MX guid, so a wait given the member's id and one given its guid share the rhythm.
 * Reads made with {@code readStatus} are noted, not held. Thread-safe.
 */
@InternalApi
public final class ReadRhythm {
  /** Past this many members, those read more than 3 s ago are forgotten: their slot is free anyway. */
  private static final int PRUNE_ABOVE = 10_000;

  /** Each member's last slot, by address and by guid. */
  private final ConcurrentHashMap<String, Instant> lastSlot = new ConcurrentHashMap<>();
  /** The guid an address turned out to name. */
  private final ConcurrentHashMap<String, String> guids = new ConcurrentHashMap<>();

  static String key(MemberAddress at) {
    return (at.user == null ? "" : at.user) + "\u0000" + at.member;
  }

  private static String guidKey(String guid) {
    return "guid\u0000" + guid;
  }

  /**
   * Takes the next slot for a read of the member: now, or 3 s after its last one.
   *
   * @return when the read may be sent
   */
  public synchronized Instant reserve(MemberAddress at, Instant now) {
    prune(now);
    String key = key(at);
    String guid = guids.get(key);
    Instant slot = now;
    slot = later(slot, lastSlot.get(key));
    if (guid != null) {
      slot = later(slot, lastSlot.get(guidKey(guid)));
    }
    lastSlot.put(key, slot);
    if (guid != null) {
      lastSlot.put(guidKey(guid), slot);
    }
    return slot;
  }

  /** A read of the member was made at {@code when} (by a wait, whose slot it was, or by {@code readStatus}); its guid, where known. */
  public synchronized void read(MemberAddress at, String guid, Instant when) {
    String key = key(at);
    lastSlot.merge(key, when, ReadRhythm::latest);
    if (guid != null) {
      guids.put(key, guid);
      lastSlot.merge(guidKey(guid), lastSlot.get(key), ReadRhythm::latest);
      lastSlot.merge(key, lastSlot.get(guidKey(guid)), ReadRhythm::latest);
    }
  }

  private static Instant later(Instant slot, Instant last) {
    return last == null ? slot : latest(slot, last.plus(AggregationWait.MIN_INTERVAL));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private void prune(Instant now) {
    if (lastSlot.size() > PRUNE_ABOVE) {
      Instant free = now.minus(AggregationWait.MIN_INTERVAL);
      lastSlot.values().removeIf(slot -> slot.isBefore(free));
      guids.keySet().removeIf(key -> !lastSlot.containsKey(key));
    }
  }
}
