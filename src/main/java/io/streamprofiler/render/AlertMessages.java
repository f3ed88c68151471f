package io.streamprofiler.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamprofiler.profile.Profile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One compact JSON object per alert of a profile, for a monitoring system: the report's {@code
 * key}, {@code window} and {@code pane} as in the JSON report, then the alert's own fields ({@code
 * type}, {@code column} or {@code columns}, {@code method} when there is one, {@code value}, {@code
 * threshold}) with the report's names and numbers.
 */
public final class AlertMessages {
  private static final JsonFactory JSON = new JsonFactory();

  private AlertMessages() {}

  public static List<String> of(Profile profile) {
    List<String> messages = new ArrayList<>();
    for (Map<String, Object> alert : profile.alerts()) {
      StringWriter out = new StringWriter(256);
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.writeStartObject();
        g.writeStringField("key", profile.context().key());
        g.writeFieldName("window");
        JsonReport.writeValue(g, profile.tree().get("window"));
        g.writeFieldName("pane");
        JsonReport.writeValue(g, profile.tree().get("pane"));
        for (Map.Entry<String, Object> field : alert.entrySet()) {
          g.writeFieldName(field.getKey());
          JsonReport.writeValue(g, field.getValue());
        }
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      messages.add(out.toString());
    }
    return messages;
  }
}
