package io.streamprofiler.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamprofiler.source.SourceLine;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A record that did not become a row: where it was, why, and its text (cut to a safe length). */
public record Rejected(String source, long line, String reason, String raw)
    implements Serializable {
  /** Longest raw text kept: enough to recognise the line, never a hostile megabyte. */
  public static final int MAX_RAW_CHARS = 2_000;

  private static final JsonFactory JSON = new JsonFactory();

  public static Rejected of(SourceLine line, String reason) {
    String raw = line.text();
    if (raw.length() > MAX_RAW_CHARS) {
      raw = raw.substring(0, MAX_RAW_CHARS) + "…";
    }
    return new Rejected(line.source(), line.line(), reason, raw);
  }

  /** One JSON object on one line: {@code {"line":..,"reason":"..","raw":"..","source":".."}}. */
  public String toJsonLine() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("line", line);
      g.writeStringField("reason", reason);
      g.writeStringField("raw", raw);
      g.writeStringField("source", source);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
