package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * The last windows of one key, by window start, as the drift step keeps them between elements:
 * encoded ({@link ProfileCoder}), because a profile as a tree of maps and boxed numbers is several
 * times its encoded size, and a stream keeps a few per key (a 300-device replay's live heap went
 * from 232–253 MiB to 108–136 MiB, BENCHMARKS.md). A profile is decoded only when it is compared,
 * and encoded only when it is written back: within one call the profiles it handles stay objects.
 */
final class KeptWindows {
  private static final ProfileCoder CODER = new ProfileCoder();

  /** Window start to its profile: as stored (byte[]) until read, then decoded (Profile). */
  private final TreeMap<Long, Object> windows = new TreeMap<>();

  /** The stored bytes of windows decoded here and not replaced: written back as they were. */
  private final Map<Long, byte[]> unchanged = new HashMap<>();

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
      Profile p = decode(bytes);
      windows.put(start, p);
      unchanged.put(start, bytes);
      return p;
    }
    return (Profile) kept;
  }

  void put(long start, Profile profile) {
    windows.put(start, profile);
    unchanged.remove(start);
  }

  /** Drops the oldest windows beyond {@code most}. */
  void keepNewest(int most) {
    while (windows.size() > most) {
      unchanged.remove(windows.pollFirstEntry().getKey());
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
                    : unchanged.containsKey(start)
                        ? unchanged.get(start)
                        : encode((Profile) kept)));
    return state;
  }

  private static Profile decode(byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(CODER, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("a kept profile could not be read back", e);
    }
  }

  private static byte[] encode(Profile profile) {
    try {
      return CoderUtils.encodeToByteArray(CODER, profile);
    } catch (CoderException e) {
      throw new IllegalStateException("a profile could not be kept", e);
    }
  }
}
