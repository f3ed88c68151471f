package io.streamprofiler.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into fields (RFC 4180): fields may be quoted, a doubled quote inside a
 * quoted field is one quote, and a quoted field may hold commas and newlines.
 */
public final class CsvSplitter {
  private CsvSplitter() {}

  /** Thrown for a record that cannot be split; the message is the reason given to the user. */
  public static final class MalformedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String reason) {
      super(reason, null, false, false);
    }
  }

  public static List<String> split(String record) throws MalformedRecordException {
    List<String> fields = new ArrayList<>(16);
    StringBuilder field = new StringBuilder();
    int n = record.length();
    int i = 0;
    while (true) {
      if (i < n && record.charAt(i) == '"') {
        field.setLength(0);
        int start = i;
        i++;
        while (true) {
          if (i >= n) {
            throw new MalformedRecordException(
                "unterminated quoted field at column " + (start + 1));
          }
          char c = record.charAt(i++);
          if (c == '"') {
            if (i < n && record.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && record.charAt(i) != ',') {
          throw new MalformedRecordException(
              "unexpected character after closing quote at column " + (i + 1));
        }
        fields.add(field.toString());
      } else {
        int comma = record.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        fields.add(record.substring(i, end)); // one copy, not two through the builder
        i = end;
      }
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }
}
