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
 * empty, a dot path, hidden (leading dot), ending with a dot, a Windows device name (with or
 * without an extension: {@code con}, {@code nul.txt}, {@code com7}) or one of the output's own
 * entries ({@code rejected}, {@code late}, {@code index.html}, {@code run-summary.json}, the
 * fleet's {@code _fleet}), and length is bounded. When anything had to change, or the key has
 * capital letters (so that keys differing only in case stay apart on case-insensitive filesystems),
 * a hash of the original key (64 bits of SHA-256, 16 hex digits) is appended: two different keys
 * never share a folder, and no one can choose a key that lands in another key's folder.
 */
public final class ReportNames {
  private static final int MAX_KEY_CHARS = 80;

  /** Windows device names (reserved with any extension too) and the output folder's own entries. */
  private static final Set<String> RESERVED = reserved();

  private static final DateTimeFormatter WINDOW =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportNames() {}

  public static String report(
      String key, long windowStartMicros, long paneIndex, String extension) {
    return report(key, windowStartMicros, paneIndex, extension, "");
  }

  /** The folder of the fleet profile: reserved, so no key's folder is ever named so. */
  public static final String FLEET = "_fleet";

  /**
   * The file of a report of {@code scope}: empty for one key's window, a roll-up's length ({@code
   * <key>/<start>_1d_pane<N>.<ext>}) or {@code fleet} ({@code _fleet/<start>_pane<N>.<ext>}).
   */
  public static String report(
      String key, long windowStartMicros, long paneIndex, String extension, String scope) {
    String folder = scope.equals("fleet") ? FLEET : safeKey(key);
    String tag = scope.isEmpty() || scope.equals("fleet") ? "" : "_" + scope;
    return folder
        + "/"
        + windowStamp(windowStartMicros)
        + tag
        + "_pane"
        + paneIndex
        + "."
        + extension;
  }

  /** The window start as {@code 20200712T000000Z}. */
  public static String windowStamp(long windowStartMicros) {
    return WINDOW.format(Instant.ofEpochSecond(Math.floorDiv(windowStartMicros, 1_000_000L)));
  }

  public static String safeKey(String key) {
    StringBuilder b = new StringBuilder(Math.min(key.length(), MAX_KEY_CHARS));
    boolean capitals = false;
    for (int i = 0; i < key.length() && b.length() < MAX_KEY_CHARS; i++) {
      char c = key.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      capitals |= c >= 'A' && c <= 'Z';
      b.append(plain ? c : '_');
    }
    String safe = b.toString();
    if (!safe.isEmpty()
        && safe.equals(key)
        && !capitals
        && !safe.startsWith(".")
        && !safe.endsWith(".")
        && !reserved(safe)) {
      return safe;
    }
    boolean dots = safe.chars().allMatch(c -> c == '.');
    String body = safe.isEmpty() || dots ? "key" : safe.replaceAll("^\\.+", "_");
    return (reserved(body) ? "_" + body : body)
        + "-"
        + shortHash(key); // nul.txt-… is still a device on Windows
  }

  private static boolean reserved(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.indexOf('.');
    return RESERVED.contains(lower) || (dot > 0 && RESERVED.contains(lower.substring(0, dot)));
  }

  private static Set<String> reserved() {
    Set<String> names =
        new java.util.HashSet<>(
            Set.of(
                "con",
                "prn",
                "aux",
                "nul",
                "conin$",
                "conout$",
                "clock$",
                "rejected",
                "late",
                "index.html",
                "run-summary.json",
                FLEET));
    for (int i = 0; i <= 9; i++) {
      names.add("com" + i);
      names.add("lpt" + i);
    }
    return Set.copyOf(names);
  }

  private static String shortHash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
