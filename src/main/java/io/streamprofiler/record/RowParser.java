package io.streamprofiler.record;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one CSV record into a {@link Row}, or says in one sentence why it cannot. Serializable so a
 * pipeline step can carry it to workers.
 */
public final class RowParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A record that cannot become a row; the message is the reason written to {@code rejected/}. */
  public static final class RejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedException(String reason) {
      super(reason, null, false, false);
    }
  }

  private final Schema schema;
  private final TimestampFormat timestamps;
  private final HashSet<String> missingTokens;
  private final boolean json;

  public RowParser(Schema schema, TimestampFormat timestamps, Set<String> missingTokens) {
    this(schema, timestamps, missingTokens, false);
  }

  private RowParser(Schema schema, TimestampFormat timestamps, Set<String> missingTokens, boolean json) {
    this.schema = schema;
    this.timestamps = timestamps;
    this.missingTokens = new HashSet<>(missingTokens);
    this.json = json;
  }

  /**
   * This parser for records that are JSON objects (Kafka messages with {@code --format=json}):
   * fields are taken by the schema's column names instead of split from a CSV line.
   */
  public RowParser forJson() {
    return new RowParser(schema, timestamps, missingTokens, true);
  }

  public boolean json() {
    return json;
  }

  /** Tokens from the {@code --missingValues} option: comma-separated; an empty token is an empty field. */
  public static Set<String> missingTokens(String option) {
    return new HashSet<>(Arrays.asList(option.split(",", -1)));
  }

  public Schema schema() {
    return schema;
  }

  public Row parse(CsvReader.Record record) throws RejectedException {
    if (record.tooLong()) {
      throw new RejectedException("line longer than the limit of " + record.text().length() + " characters");
    }
    return parse(record.line(), record.text());
  }

  public Row parse(long line, String text) throws RejectedException {
    if (text.isEmpty()) {
      throw new RejectedException("empty line");
    }
    return parse(line, fields(text));
  }

  /** Builds a row from fields already split (a Kafka JSON message, say), in schema order. */
  public Row parse(long line, List<String> fields) throws RejectedException {
    int width = schema.size();
    if (fields.size() != width) {
      throw new RejectedException("expected " + width + " fields, found " + fields.size());
    }
    String[] texts = new String[width];
    double[] numbers = new double[width];
    for (int i = 0; i < width; i++) {
      String field = fields.get(i);
      numbers[i] = Double.NaN;
      if (field == null || missingTokens.contains(field)) {
        continue;
      }
      double v = Numbers.parse(field);
      if (Double.isNaN(v)) {
        if (!isNaNSpelling(field)) {
          texts[i] = field;
        }
      } else {
        numbers[i] = v;
      }
    }
    String key = fields.get(schema.keyIndex());
    if (isMissing(key)) {
      throw new RejectedException("missing key in column '" + schema.keyColumn() + "'");
    }
    String stamp = fields.get(schema.timestampIndex());
    if (isMissing(stamp)) {
      throw new RejectedException("missing timestamp in column '" + schema.timestampColumn() + "'");
    }
    return new Row(line, timestamp(stamp), key, texts, numbers);
  }

  /** Earliest and latest event times accepted: years 1 to 9999, well inside Beam's timestamp range. */
  private static final long MIN_MICROS = -62_135_596_800_000_000L;
  private static final long MAX_MICROS = 253_402_300_799_999_999L;

  /**
   * The event time of a record without typing its other fields: what a streaming source needs to
   * move its watermark.
   */
  public long eventTimeMicros(String text) throws RejectedException {
    List<String> fields = fields(text);
    if (fields.size() <= schema.timestampIndex() || isMissing(fields.get(schema.timestampIndex()))) {
      throw new RejectedException("missing timestamp in column '" + schema.timestampColumn() + "'");
    }
    return timestamp(fields.get(schema.timestampIndex()));
  }

  private List<String> fields(String text) throws RejectedException {
    if (json) {
      return JsonFields.of(text, schema.columns());
    }
    try {
      return CsvSplitter.split(text);
    } catch (CsvSplitter.MalformedRecordException e) {
      throw new RejectedException(e.getMessage());
    }
  }

  private long timestamp(String stamp) throws RejectedException {
    long micros;
    try {
      micros = timestamps.parseMicros(stamp);
    } catch (IllegalArgumentException e) {
      throw new RejectedException(
          "unparseable timestamp in column '" + schema.timestampColumn() + "': " + e.getMessage()
              + " (format " + timestamps.format() + ")");
    }
    if (micros < MIN_MICROS || micros > MAX_MICROS) {
      throw new RejectedException(
          "timestamp out of range in column '" + schema.timestampColumn() + "': '" + stamp + "' is outside years 1 to 9999");
    }
    return micros;
  }

  private boolean isMissing(String field) {
    return field == null || missingTokens.contains(field) || isNaNSpelling(field);
  }

  /** NaN is always a missing value, however it is spelled, as pandas reads it. */
  private static boolean isNaNSpelling(String field) {
    String t = field.startsWith("-") || field.startsWith("+") ? field.substring(1) : field;
    return t.equalsIgnoreCase("nan");
  }
}
