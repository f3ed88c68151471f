package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last windows of one key, by window start, as the drift step keeps them between elements:
 * encoded ({@link ProfileCoder}), because a profile as a tree of maps and boxed numbers is several
 * times its encoded size, and a stream keeps a few per key (a 300-device replay's live heap went
 * from 232–253 MiB to 108–136 MiB, BENCHMARKS.md). A profile is decoded only when it is compared,
 * and encoded only when it is written back: within one call the profiles it handles stay objects.
 */
final class KeptWindows {
  /** Window start to its profile: as stored (byte[]) until read, then decoded (Profile). */
  private final TreeMap<Long, Object> windows = new TreeMap<>();

  /** The bytes of windows held decoded, when known: written back as they are. */
  private final Map<Long, byte[]> bytesOf = new HashMap<>();

  /** From the step's state; {@code null} (a new key) gives none. */
  KeptWindows(Map<Long, byte[]> state) {
    if (state != null) {
      windows.putAll(state);
    }
  }

  /** The nearest kept window before {@code start}, or null. */
  Profile before(long start) {
    Long k = windows.lowerKey(start);
    return k == null ? null : get(k);
  }

  /** The nearest kept window after {@code start}, or null. */
  Profile after(long start) {
    Long k = windows.higherKey(start);
    return k == null ? null : get(k);
  }

  /** The kept profile of the window starting at {@code start}, or null. */
  Profile get(long start) {
    Object kept = windows.get(start);
    if (kept instanceof byte[] bytes) {
      Profile p = ProfileCoder.fromBytes(bytes);
      windows.put(start, p);
      bytesOf.put(start, bytes);
      return p;
    }
    return (Profile) kept;
  }

  void put(long start, Profile profile) {
    windows.put(start, profile);
    bytesOf.remove(start);
  }

  /** As {@link #put(long, Profile)}, with the profile's bytes at hand: kept, not encoded again. */
  void put(long start, Profile profile, byte[] encoded) {
    windows.put(start, profile);
    bytesOf.put(start, encoded);
  }

  /** Drops the oldest windows beyond {@code most}. */
  void keepNewest(int most) {
    while (windows.size() > most) {
      bytesOf.remove(windows.pollFirstEntry().getKey());
    }
  }

  /** What the state keeps: each window's bytes, encoded anew only for profiles added here. */
  Map<Long, byte[]> toState() {
    Map<Long, byte[]> state = new LinkedHashMap<>();
    windows.forEach(
        (start, kept) ->
            state.put(
                start,
                kept instanceof byte[] bytes
                    ? bytes
                    : bytesOf.containsKey(start)
                        ? bytesOf.get(start)
                        : ProfileCoder.toBytes((Profile) kept)));
    return state;
  }
}
