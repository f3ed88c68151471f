package io.streamprofiler.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a profile as JSON with ydata-profiling's field names. Doubles are written in their
 * shortest round-trip form, so a number read back is the number computed.
 */
public final class JsonReport {
  /**
   * Writes characters from U+0080 on as \\u escapes, so reports are ASCII: the JDK then keeps the
   * report string one byte per char and encodes it to UTF-8 with a plain copy (see {@link Html}).
   * Doubles are written by Jackson's Schubfach writer: the shortest text that reads back as the
   * same double, several times faster than {@code Double.toString} (most of a report is doubles).
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .build();

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

  /**
   * The report as the bytes of its file. Jackson writes bytes straight into a byte array: through a
   * {@code StringWriter} every character went through a synchronized buffer, one at a time.
   */
  public static byte[] bytes(Profile profile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(65_536);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
      writeValue(g, profile.tree());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
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
