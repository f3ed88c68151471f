package io.streamprofiler.sink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * File names of reports: {@code <safe key>/<window start>_pane<N>.<ext>}. Keys come from the data,
 * so they are made safe first: only letters, digits, dot, dash and underscore survive, no name is
 * empty, reserved or a dot path, length is bounded, and when anything had to change a short hash of
 * the original key is appended so two different keys never share a folder.
 */
public final class ReportNames {
  private static final int MAX_KEY_CHARS = 80;
  private static final Set<String> RESERVED =
      Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3", "rejected", "late");
  private static final DateTimeFormatter WINDOW =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportNames() {}

  public static String report(String key, long windowStartMicros, long paneIndex, String extension) {
    return safeKey(key) + "/" + windowStamp(windowStartMicros) + "_pane" + paneIndex + "." + extension;
  }

  /** The window start as {@code 20200712T000000Z}. */
  public static String windowStamp(long windowStartMicros) {
    return WINDOW.format(Instant.ofEpochSecond(Math.floorDiv(windowStartMicros, 1_000_000L)));
  }

  public static String safeKey(String key) {
    StringBuilder b = new StringBuilder(Math.min(key.length(), MAX_KEY_CHARS));
    for (int i = 0; i < key.length() && b.length() < MAX_KEY_CHARS; i++) {
      char c = key.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      b.append(plain ? c : '_');
    }
    String safe = b.toString();
    boolean dots = safe.chars().allMatch(c -> c == '.');
    if (safe.equals(key) && !dots && !RESERVED.contains(safe.toLowerCase(Locale.ROOT)) && !safe.startsWith(".")) {
      return safe;
    }
    return (safe.isEmpty() || dots ? "key" : safe.replaceAll("^\\.+", "_")) + "-" + shortHash(key);
  }

  private static String shortHash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
