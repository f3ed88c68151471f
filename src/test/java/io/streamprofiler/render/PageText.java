package io.streamprofiler.render;

import static org.junit.Assert.fail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages are written in ASCII, every other character as a character reference. Tests assert on what
 * a reader sees: {@link #visible} turns the references to characters from U+0080 on back into those
 * characters, and leaves the escapes of markup ({@code &amp; &lt; &#39;} ...) as they are, so
 * assertions on escaping keep their meaning.
 */
public final class PageText {
  /** The named references the templates use, and what they stand for. */
  private static final Map<String, Integer> NAMED =
      Map.ofEntries(
          Map.entry("nbsp", 0xA0),
          Map.entry("middot", 0xB7),
          Map.entry("times", 0xD7),
          Map.entry("plusmn", 0xB1),
          Map.entry("sup2", 0xB2),
          Map.entry("ndash", 0x2013),
          Map.entry("mdash", 0x2014),
          Map.entry("hellip", 0x2026),
          Map.entry("rarr", 0x2192),
          Map.entry("minus", 0x2212),
          Map.entry("radic", 0x221A),
          Map.entry("le", 0x2264),
          Map.entry("ge", 0x2265),
          Map.entry("alpha", 0x3B1),
          Map.entry("gamma", 0x3B3),
          Map.entry("chi", 0x3C7),
          Map.entry("Delta", 0x394));

  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z][a-zA-Z0-9]*));");

  private PageText() {}

  /** {@code html} with its references to non-ASCII characters decoded. */
  public static String visible(String html) {
    Matcher m = REFERENCE.matcher(html);
    StringBuilder b = new StringBuilder(html.length());
    while (m.find()) {
      int cp;
      if (m.group(1) != null) {
        cp = Integer.parseInt(m.group(1), 16);
      } else if (m.group(2) != null) {
        cp = Integer.parseInt(m.group(2));
      } else {
        cp = NAMED.getOrDefault(m.group(3), -1);
      }
      String text = cp >= 0x80 ? new String(Character.toChars(cp)) : m.group();
      m.appendReplacement(b, Matcher.quoteReplacement(text));
    }
    return m.appendTail(b).toString();
  }

  /** Fails, showing where, unless every char of {@code page} is ASCII. */
  public static void assertAscii(String what, String page) {
    for (int i = 0; i < page.length(); i++) {
      if (page.charAt(i) >= 0x80) {
        fail(
            String.format(
                "%s: U+%04X at %d in ...%s...",
                what,
                (int) page.charAt(i),
                i,
                page.substring(Math.max(0, i - 80), Math.min(page.length(), i + 40))));
      }
    }
  }

  /** {@link #visible} of {@code page}, after asserting it is ASCII. */
  public static String checked(String what, String page) {
    assertAscii(what, page);
    return visible(page);
  }
}
