package io.streamprofiler.render;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON-shaped tree (maps, lists, numbers, texts, booleans, null) as indented JSON bytes,
 * laid out exactly as Jackson's default pretty printer lays it out ({@code "name" : value}, arrays
 * on one line, two-space indents), with every character from U+0080 on as a {@code \\u} escape, so
 * the bytes are ASCII. Straight into one byte array: through Jackson's generator, every number and
 * name went through a {@code String}, a {@code char[]} and back to bytes, a third of the time of
 * the step that renders a report. Doubles are written by Jackson's Schubfach writer (the shortest
 * text that reads back as the same double); non-finite ones as null.
 */
final class JsonBytes {
  private static final byte[] HEX =
      "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] bytes = new byte[65_536];
  private char[] chars = new char[64];
  private int size;

  static byte[] of(Object tree) {
    JsonBytes out = new JsonBytes();
    out.value(tree, 0);
    out.ascii('\n');
    return Arrays.copyOf(out.bytes, out.size);
  }

  private void value(Object value, int nesting) {
    if (value == null) {
      ascii("null");
    } else if (value instanceof Map<?, ?> map) {
      object(map, nesting);
    } else if (value instanceof List<?> list) {
      array(list, nesting);
    } else if (value instanceof Double d) {
      ascii(Double.isFinite(d) ? NumberOutput.toString(d, true) : "null");
    } else if (value instanceof Integer i) {
      integer(i);
    } else if (value instanceof Long l) {
      integer(l);
    } else if (value instanceof Boolean b) {
      ascii(b ? "true" : "false");
    } else {
      text(value.toString());
    }
  }

  private void object(Map<?, ?> map, int nesting) {
    ascii('{');
    if (map.isEmpty()) {
      ascii(" }");
      return;
    }
    // forEach, not entrySet(): a profile's maps are unmodifiable views, whose entry iterator wraps
    // every entry in a new object.
    int sizeBefore = size;
    map.forEach(
        (name, value) -> {
          if (size != sizeBefore) {
            ascii(',');
          }
          indent(nesting + 1);
          text(String.valueOf(name));
          ascii(" : ");
          value(value, nesting + 1);
        });
    indent(nesting);
    ascii('}');
  }

  private void array(List<?> list, int nesting) {
    ascii('[');
    if (list.isEmpty()) {
      ascii(" ]");
      return;
    }
    boolean first = true;
    for (Object o : list) {
      ascii(first ? " " : ", ");
      first = false;
      value(o, nesting);
    }
    ascii(" ]");
  }

  private void indent(int nesting) {
    room(1 + 2 * nesting);
    bytes[size++] = '\n';
    for (int i = 0; i < 2 * nesting; i++) {
      bytes[size++] = ' ';
    }
  }

  /** A JSON string: quotes, backslashes and control characters escaped, non-ASCII as \\u. */
  private void text(String s) {
    int n = s.length();
    room(2 + 6 * n);
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    s.getChars(0, n, chars, 0); // one copy, then a plain array loop
    char[] cs = chars;
    bytes[size++] = '"';
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        bytes[size++] = (byte) c;
        continue;
      }
      char letter = shortEscape(c);
      if (letter != 0) {
        bytes[size++] = '\\';
        bytes[size++] = (byte) letter;
      } else {
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[(c >> 12) & 15];
        bytes[size++] = HEX[(c >> 8) & 15];
        bytes[size++] = HEX[(c >> 4) & 15];
        bytes[size++] = HEX[c & 15];
      }
    }
    bytes[size++] = '"';
  }

  /** The letter of a two-character escape ({@code \\n} for a newline), or 0 for a \\u one. */
  private static char shortEscape(char c) {
    return switch (c) {
      case '"', '\\' -> c;
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\t' -> 't';
      case '\b' -> 'b';
      case '\f' -> 'f';
      default -> 0;
    };
  }

  /** A whole number's digits, written in place (no String on the way). */
  private void integer(long v) {
    if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      ascii(Long.toString(v)); // rare; and compiled by C1, a long division calls into the VM
      return;
    }
    int i = (int) v;
    room(11);
    if (i < 0) {
      bytes[size++] = '-';
      i = -i;
    }
    int digits = 1;
    for (int rest = i / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int at = size + digits - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + i % 10);
      i /= 10;
    }
    size += digits;
  }

  /** ASCII text: numbers and punctuation, copied in one call. */
  @SuppressWarnings("deprecation") // the byte-copying getBytes: exactly right for ASCII text
  private void ascii(String s) {
    int n = s.length();
    room(n);
    s.getBytes(0, n, bytes, size);
    size += n;
  }

  private void ascii(char c) {
    room(1);
    bytes[size++] = (byte) c;
  }

  private void room(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
  }
}
