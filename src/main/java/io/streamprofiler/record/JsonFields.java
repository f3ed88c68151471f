package io.streamprofiler.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps one JSON object (a Kafka message, say) to fields in schema order, by column name. Scalars
 * keep the text they were written with, so {@code 1.5945120943859746E9} parses exactly as it would
 * from a CSV; {@code null} and absent names are missing values; other names are ignored.
 */
public final class JsonFields {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonFields() {}

  /**
   * @throws RowParser.RejectedException when the text is not one JSON object of scalar values
   */
  public static List<String> of(String json, List<String> columns)
      throws RowParser.RejectedException {
    String[] fields = new String[columns.size()];
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RowParser.RejectedException("not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          throw new RowParser.RejectedException(
              "field '" + name + "' holds an object or array, not a value");
        }
        int index = columns.indexOf(name);
        if (index >= 0) {
          fields[index] = value == JsonToken.VALUE_NULL ? null : p.getText();
        }
      }
      if (p.nextToken() != null) {
        throw new RowParser.RejectedException("text after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new RowParser.RejectedException("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RowParser.RejectedException("not valid JSON: " + e.getMessage());
    }
    return new ArrayList<>(Arrays.asList(fields));
  }
}
