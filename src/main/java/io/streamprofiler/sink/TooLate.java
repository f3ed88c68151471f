package io.streamprofiler.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A row that arrived after its window's end plus the allowed lateness: never profiled, but kept
 * with the watermark it missed, so nothing is lost silently.
 */
public record TooLate(
    String key, long eventTimeMicros, long watermarkMicros, String source, long line, String raw)
    implements Serializable {
  private static final JsonFactory JSON = new JsonFactory();

  public String toJsonLine() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("key", key);
      g.writeStringField("event_time", iso(eventTimeMicros));
      g.writeStringField("watermark", iso(watermarkMicros));
      g.writeNumberField("line", line);
      g.writeStringField(
          "raw",
          raw.length() > Rejected.MAX_RAW_CHARS
              ? raw.substring(0, Rejected.MAX_RAW_CHARS) + "…"
              : raw);
      g.writeStringField("source", source);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String iso(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
        .toString();
  }
}
