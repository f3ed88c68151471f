package io.streamprofiler.render;

/**
 * Escaping for values taken from the data, per output context. Everything the report writes that
 * did not come from a string literal in this package goes through one of these methods.
 */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code & < > " '} so a value is inert in element text, in quoted attributes and in the
   * text of inline SVG (parsed by the HTML parser). NUL and other C0 controls except tab, newline
   * and carriage return become U+FFFD, so no parser sees them.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "\uFFFD" : null;
          };
      if (r != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (r != null) {
          b.append(r);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /** Appends {@link #escape(String)} of {@code s}. */
  public static StringBuilder append(StringBuilder b, String s) {
    return b.append(escape(s));
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
   * JSON's own escapes, {@code < > &}, U+2028 and U+2029 are written as \\u escapes, so the value
   * can close neither the string, nor the script element, nor start an HTML comment.
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
          if (c < 0x20
              || c == '<'
              || c == '>'
              || c == '&'
              || c == '\''
              || c == '\u2028'
              || c == '\u2029') {
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
