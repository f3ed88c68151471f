package io.streamprofiler.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a profile as JSON with ydata-profiling's field names ({@link JsonBytes}): ASCII, doubles
 * in their shortest round-trip form, so a number read back is the number computed. {@link
 * #writeValue} writes a part of a profile through a Jackson generator, for alert messages.
 */
public final class JsonReport {
  private static final ObjectMapper READER = new ObjectMapper();

  private JsonReport() {}

  /**
   * Reads a profile written by {@link #write}, for comparisons and indexes: no statistic is
   * recomputed.
   *
   * @throws IllegalArgumentException when the text is not a profile
   */
  public static Profile read(String json) {
    Map<String, Object> tree;
    try {
      tree = READER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException("not a profile: " + e.getMessage().split("\n")[0]);
    }
    if (!(tree.get("variables") instanceof Map) || !(tree.get("window") instanceof Map)) {
      throw new IllegalArgumentException("not a profile: no 'variables' or 'window' section");
    }
    Map<String, Object> window = Tree.object(tree, "window");
    Map<String, Object> pane = Tree.object(tree, "pane");
    WindowContext context =
        new WindowContext(
            String.valueOf(tree.get("key")),
            micros(window.get("start")),
            micros(window.get("end")),
            (long) Tree.number(pane, "index"),
            String.valueOf(pane.getOrDefault("timing", "UNKNOWN")),
            Boolean.TRUE.equals(pane.get("is_last")),
            Double.isNaN(Tree.number(pane, "late_rows"))
                ? 0
                : (long) Tree.number(pane, "late_rows"));
    return new Profile(context, tree);
  }

  private static long micros(Object iso) {
    Instant i = Instant.parse(String.valueOf(iso));
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  public static String write(Profile profile) {
    return new String(bytes(profile), StandardCharsets.UTF_8);
  }

  /** The report as the bytes of its file (see {@link JsonBytes}). */
  public static byte[] bytes(Profile profile) {
    return JsonBytes.of(profile.tree());
  }

  static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (value instanceof Double d) {
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(value.toString());
    }
  }
}
