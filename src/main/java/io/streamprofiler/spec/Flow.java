package io.streamprofiler.spec;

import java.util.List;
import java.util.Map;

/**
 * Writes the per-column options as flow mappings with double-quoted scalars (valid YAML and JSON).
 */
final class Flow {
  private Flow() {}

  static String mapping(Map<String, ?> map) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(quote(e.getKey())).append(": ");
      if (e.getValue() instanceof List<?> list) {
        b.append('[');
        for (int i = 0; i < list.size(); i++) {
          b.append(i > 0 ? ", " : "").append(quote(String.valueOf(list.get(i))));
        }
        b.append(']');
      } else {
        b.append(quote(String.valueOf(e.getValue())));
      }
    }
    return b.append('}').toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
