package io.streamprofiler.render;

/**
 * Escaping for values taken from the data, per output context. Everything the report writes that
 * did not come from a string literal in this package goes through one of these methods.
 *
 * <p>Pages are pure ASCII: {@link #escape} writes every other character as a character reference,
 * and literals of the templates use references too. The JDK keeps an ASCII (Latin-1) string and
 * builder at one byte per char and encodes it to UTF-8 with a plain copy, whereas a single
 * character above U+00FF anywhere in a page makes the whole builder two bytes per char, its {@code
 * toString} and its UTF-8 encoding slow per-char loops.
 */
public final class Html {
  private Html() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * A page as the bytes to write. Pages are ASCII (every other character is written as a reference;
   * {@code AsciiPagesTest} checks it), so Latin-1 is a plain copy of the string's bytes, where
   * UTF-8 would first scan all of them for non-ASCII ones; for ASCII both give the same bytes.
   */
  public static byte[] asciiBytes(String rendered) {
    return rendered.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Escapes {@code & < > " '} so a value is inert in element text, in quoted attributes and in the
   * text of inline SVG (parsed by the HTML parser). NUL and the other C0 and C1 controls except
   * tab, newline and carriage return become U+FFFD, so no parser sees them. Every other character
   * from U+0080 on is written as the hexadecimal reference of its code point ({@code &#x2212;}, a
   * surrogate pair as one {@code &#x1F600;}, an unpaired surrogate as U+FFFD's), so the result is
   * ASCII.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    int i = firstToEscape(s);
    if (i < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    escapeFrom(b, s, i);
    return b.toString();
  }

  /** Appends {@link #escape(String)} of {@code s}, without making the escaped string. */
  public static StringBuilder append(StringBuilder b, String s) {
    if (s == null) {
      return b;
    }
    int i = firstToEscape(s);
    if (i < 0) {
      return b.append(s);
    }
    b.append(s, 0, i);
    escapeFrom(b, s, i);
    return b;
  }

  /** The index of the first char that {@link #escape} changes, -1 when there is none. */
  private static int firstToEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f
          || c < 0x20 && c != '\t' && c != '\n' && c != '\r'
          || c == '&'
          || c == '<'
          || c == '>'
          || c == '"'
          || c == '\'') {
        return i;
      }
    }
    return -1;
  }

  private static void escapeFrom(StringBuilder b, String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\t', '\n', '\r' -> b.append(c);
        default -> {
          if (c < 0x20) {
            b.append("&#xFFFD;");
          } else if (c <= 0x7f) {
            b.append(c);
          } else if (c < 0xa0) {
            // C1 controls, like C0 ones; their references would not even survive: the HTML parser
            // reads &#x80; to &#x9F; as Windows-1252 characters (&#x80; as the euro sign)
            b.append("&#xFFFD;");
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            reference(b, Character.toCodePoint(c, s.charAt(++i)));
          } else {
            reference(b, Character.isSurrogate(c) ? 0xFFFD : c);
          }
        }
      }
    }
  }

  /** {@code &#x2212;}: the hexadecimal character reference of a code point, no leading zeros. */
  private static void reference(StringBuilder b, int codePoint) {
    b.append("&#x");
    int shift = 20;
    while (shift > 0 && codePoint >>> shift == 0) {
      shift -= 4;
    }
    for (; shift >= 0; shift -= 4) {
      b.append(HEX[codePoint >>> shift & 0xf]);
    }
    b.append(';');
  }

  /** A value for a double-quoted attribute: the same escaping as text (quotes included). */
  public static String attribute(String s) {
    return escape(s);
  }

  /** SVG text inside an HTML document is parsed as HTML, so the same escaping applies. */
  public static String svgText(String s) {
    return escape(s);
  }

  /**
   * A string as a JSON string literal safe inside an inline {@code <script>} element: besides
   * JSON's own escapes, {@code < > & '} and every character from U+007F on (U+2028 and U+2029 among
   * them) are written as \\u escapes, so the value can close neither the string, nor the script
   * element, nor start an HTML comment, and is ASCII like the rest of the page.
   */
  public static String scriptString(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '&' || c == '\'') {
            b.append("\\u").append(String.format("%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * A relative link target for an {@code href}: null (no link) when it has a scheme such as {@code
   * javascript:} or {@code data:}, starts with {@code //} (another host) or a backslash; otherwise
   * each character outside the unreserved set and {@code / . - _ ~ %} is percent-encoded (UTF-8)
   * and the result is escaped for the attribute.
   */
  public static String relativeHref(String href) {
    if (href == null || href.isEmpty() || href.startsWith("//") || href.startsWith("\\")) {
      return null;
    }
    int colon = href.indexOf(':');
    int slash = href.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      return null;
    }
    StringBuilder b = new StringBuilder(href.length() + 8);
    byte[] bytes = href.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte x : bytes) {
      int c = x & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '/'
              || c == '.'
              || c == '-'
              || c == '_'
              || c == '~'
              || c == '%';
      if (keep) {
        b.append((char) c);
      } else {
        b.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return escape(b.toString());
  }

  /**
   * At most {@code max} code points of {@code s}, with an ellipsis when cut (escape afterwards).
   */
  public static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }
}
