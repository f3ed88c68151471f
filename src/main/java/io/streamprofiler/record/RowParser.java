package io.streamprofiler.record;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one CSV record into a {@link Row}, or says in one sentence why it cannot. Serializable so a
 * pipeline step can carry it to workers.
 *
 * <p>A key of several columns is their values joined with the key separator ({@code /} unless set),
 * in the schema's order: {@code north/t1}. So that two different keys never join to the same text,
 * a separator or backslash inside a value is escaped with a backslash ({@code a\/b/c}). An event
 * time of several columns is their values joined with one space, read with the timestamp format:
 * columns {@code year, month, day, hour} holding {@code 2021, 3, 28, 2} read as {@code "2021 3 28
 * 2"} with the pattern {@code yyyy M d H}.
 *
 * <p>Declared column types ({@link Schema#type}) hold values to them: a {@code numeric} value that
 * is not a number, a {@code boolean} that is not true/false/t/f/yes/no/y/n/1/0 (kept as {@code
 * true} or {@code false}) or a {@code datetime} that is not ISO-8601 (kept as the UTC instant, read
 * in the timestamp format's zone when it has no offset) rejects its row, with the reason.
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

  /** Per column: its own missing tokens, or null for {@link #missingTokens}. */
  private final HashSet<String>[] columnMissing;

  /**
   * Per column, bit k set when one of its missing tokens is k characters long (bit 63: 63 or more).
   * Most fields are numbers longer than any token: their length alone says they are not missing,
   * with no hash computed for a string that is used once.
   */
  private final long[] missingLengths;

  private final String keySeparator;
  private transient TimestampFormat datetimes;
  private final boolean json;

  public RowParser(Schema schema, TimestampFormat timestamps, Set<String> missingTokens) {
    this(schema, timestamps, missingTokens, Map.of(), DEFAULT_KEY_SEPARATOR, false);
  }

  /** The separator between the values of a key made of several columns. */
  public static final String DEFAULT_KEY_SEPARATOR = "/";

  /**
   * @param columnMissing per column, the tokens read as missing in it instead of {@code
   *     missingTokens}
   * @param keySeparator joins the values of a key of several columns; not empty
   * @throws IllegalArgumentException naming the option when a column is not in the schema or the
   *     separator is empty
   */
  public RowParser(
      Schema schema,
      TimestampFormat timestamps,
      Set<String> missingTokens,
      Map<String, Set<String>> columnMissing,
      String keySeparator) {
    this(schema, timestamps, missingTokens, columnMissing, keySeparator, false);
  }

  @SuppressWarnings("unchecked")
  private RowParser(
      Schema schema,
      TimestampFormat timestamps,
      Set<String> missingTokens,
      Map<String, Set<String>> columnMissing,
      String keySeparator,
      boolean json) {
    this.schema = schema;
    this.timestamps = timestamps;
    this.missingTokens = new HashSet<>(missingTokens);
    this.columnMissing = new HashSet[schema.size()];
    for (Map.Entry<String, Set<String>> e : columnMissing.entrySet()) {
      int i = schema.columns().indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(
            "--columnMissingValues: no such column '"
                + e.getKey()
                + "'; the header has "
                + schema.columns());
      }
      this.columnMissing[i] = new HashSet<>(e.getValue());
    }
    if (keySeparator == null || keySeparator.isEmpty()) {
      throw new IllegalArgumentException("--keySeparator=: must not be empty");
    }
    this.keySeparator = keySeparator;
    this.json = json;
    this.missingLengths = new long[schema.size()];
    for (int i = 0; i < missingLengths.length; i++) {
      for (String token : missing(i)) {
        missingLengths[i] |= lengthBit(token.length());
      }
    }
  }

  /** The bit of {@link #missingLengths} for a text of {@code length} characters. */
  private static long lengthBit(int length) {
    return 1L << Math.min(length, 63);
  }

  private RowParser(RowParser p, boolean json) {
    this.schema = p.schema;
    this.timestamps = p.timestamps;
    this.missingTokens = p.missingTokens;
    this.columnMissing = p.columnMissing;
    this.keySeparator = p.keySeparator;
    this.missingLengths = p.missingLengths;
    this.json = json;
  }

  /**
   * This parser for records that are JSON objects (Kafka messages with {@code --format=json}):
   * fields are taken by the schema's column names instead of split from a CSV line.
   */
  public RowParser forJson() {
    return new RowParser(this, true);
  }

  public boolean json() {
    return json;
  }

  /**
   * Tokens from the {@code --missingValues} option: comma-separated; an empty token is an empty
   * field.
   */
  public static Set<String> missingTokens(String option) {
    return new HashSet<>(Arrays.asList(option.split(",", -1)));
  }

  public Schema schema() {
    return schema;
  }

  public Row parse(CsvReader.Record record) throws RejectedException {
    if (record.tooLong()) {
      throw new RejectedException(
          "line longer than the limit of " + record.text().length() + " characters");
    }
    return parse(record.line(), record.text());
  }

  public Row parse(long line, String text) throws RejectedException {
    if (text.isEmpty()) {
      throw new RejectedException("empty line");
    }
    if (!json && text.indexOf('"') < 0) {
      return parseUnquoted(line, text);
    }
    return parse(line, fields(text));
  }

  /**
   * {@link #parse(long, List)} of a record without quotes, reading plain decimals straight from the
   * record's text: a field becomes a string of its own only when it is kept as text, is the key or
   * the time, might be a missing token, or is not a plain decimal. Same rows, same reasons; a
   * sensor row's eight number fields were eight strings used once each.
   */
  private Row parseUnquoted(long line, String text) throws RejectedException {
    int width = schema.size();
    int[] bounds = new int[width + 1]; // field i is text[bounds[i], bounds[i + 1] - 1)
    int count = 0;
    int at = -1;
    do {
      if (count == width) {
        throw new RejectedException(
            "expected " + width + " fields, found " + (width + 1 + commasFrom(text, at + 1)));
      }
      bounds[count++] = at + 1;
      at = text.indexOf(',', at + 1);
    } while (at >= 0);
    if (count != width) {
      throw new RejectedException("expected " + width + " fields, found " + count);
    }
    bounds[width] = text.length() + 1;
    FieldsOf fields = new FieldsOf(text, bounds);
    String[] texts = new String[width];
    double[] numbers = new double[width];
    for (int i = 0; i < width; i++) {
      int from = bounds[i];
      int to = bounds[i + 1] - 1;
      if (schema.type(i) == ColumnType.AUTO
          && to - from <= 400
          && (missingLengths[i] & lengthBit(to - from)) == 0) {
        double v = Numbers.plainDecimal(text, from, to);
        if (!Double.isNaN(v)) {
          numbers[i] = v;
          continue;
        }
      }
      field(i, fields.get(i), texts, numbers);
    }
    String key = key(fields);
    return new Row(line, timestamp(fields), key, texts, numbers);
  }

  private static int commasFrom(String text, int from) {
    int n = 0;
    for (int i = text.indexOf(',', from); i >= 0; i = text.indexOf(',', i + 1)) {
      n++;
    }
    return n;
  }

  /** The fields of an unquoted record as strings, each made when first asked for. */
  private static final class FieldsOf extends java.util.AbstractList<String> {
    private final String text;
    private final int[] bounds;
    private final String[] made;

    FieldsOf(String text, int[] bounds) {
      this.text = text;
      this.bounds = bounds;
      this.made = new String[bounds.length - 1];
    }

    @Override
    public String get(int i) {
      if (made[i] == null) {
        made[i] = text.substring(bounds[i], bounds[i + 1] - 1);
      }
      return made[i];
    }

    @Override
    public int size() {
      return made.length;
    }
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
      field(i, fields.get(i), texts, numbers);
    }
    String key = key(fields);
    return new Row(line, timestamp(fields), key, texts, numbers);
  }

  /**
   * Builds a row from a record of a file with a header of its own: its fields are counted against
   * that header, then placed in the run's columns; a column the file lacks is missing. Only files
   * whose header is not exactly the run's columns have a mapping; with none ({@code null}) this is
   * {@link #parse(long, String)}, the usual path.
   */
  public Row parse(long line, String text, ColumnMapping mapping) throws RejectedException {
    if (mapping == null) {
      return parse(line, text);
    }
    if (text.isEmpty()) {
      throw new RejectedException("empty line");
    }
    List<String> own = fields(text);
    if (own.size() != mapping.fields()) {
      throw new RejectedException("expected " + mapping.fields() + " fields, found " + own.size());
    }
    return parse(line, mapping.place(own));
  }

  /** Reads field {@code i}: missing, a number, or a text, held to its declared type. */
  private void field(int i, String field, String[] texts, double[] numbers)
      throws RejectedException {
    numbers[i] = Double.NaN;
    if (field == null || isMissingToken(i, field)) {
      return;
    }
    double v = Numbers.parse(field);
    if (Double.isNaN(v)) {
      if (!isNaNSpelling(field)) {
        texts[i] = field;
      }
    } else {
      numbers[i] = v;
    }
    if (schema.type(i) != ColumnType.AUTO && (texts[i] != null || !Double.isNaN(numbers[i]))) {
      declared(i, field, texts, numbers);
    }
  }

  private String key(List<String> fields) throws RejectedException {
    int[] keys = schema.keyIndices();
    if (keys.length == 1) {
      String key = fields.get(keys[0]);
      if (isMissing(keys[0], key)) {
        throw new RejectedException("missing key in column '" + schema.keyColumn() + "'");
      }
      return key;
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < keys.length; k++) {
      String part = fields.get(keys[k]);
      if (isMissing(keys[k], part)) {
        throw new RejectedException("missing key in column '" + schema.column(keys[k]) + "'");
      }
      if (k > 0) {
        b.append(keySeparator);
      }
      b.append(part.replace("\\", "\\\\").replace(keySeparator, "\\" + keySeparator));
    }
    return b.toString();
  }

  /** Holds the value of a column with a declared type to that type (see the class comment). */
  private void declared(int i, String field, String[] texts, double[] numbers)
      throws RejectedException {
    switch (schema.type(i)) {
      case NUMERIC -> {
        if (texts[i] != null) {
          throw new RejectedException(
              "column '"
                  + schema.column(i)
                  + "' is declared numeric: '"
                  + field
                  + "' is not a number");
        }
      }
      case BOOLEAN -> {
        String b =
            switch (field.trim().toLowerCase(java.util.Locale.ROOT)) {
              case "true", "t", "yes", "y", "1" -> "true";
              case "false", "f", "no", "n", "0" -> "false";
              default ->
                  throw new RejectedException(
                      "column '"
                          + schema.column(i)
                          + "' is declared boolean: '"
                          + field
                          + "' is not true or false");
            };
        texts[i] = b;
        numbers[i] = Double.NaN;
      }
      case DATETIME -> {
        if (i == schema.timestampIndex()) {
          return;
        }
        if (datetimes == null) {
          datetimes = TimestampFormat.of("iso", timestamps.zone());
        }
        long micros;
        try {
          micros = datetimes.parseMicros(field);
        } catch (IllegalArgumentException e) {
          throw new RejectedException(
              "column '"
                  + schema.column(i)
                  + "' is declared datetime: '"
                  + field
                  + "' is not ISO-8601");
        }
        texts[i] =
            Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .toString();
        numbers[i] = Double.NaN;
      }
      default -> {
        // categorical and text keep the value as it is
      }
    }
  }

  private Set<String> missing(int column) {
    HashSet<String> own = columnMissing[column];
    return own != null ? own : missingTokens;
  }

  /**
   * Earliest and latest event times accepted: years 1 to 9999, well inside Beam's timestamp range.
   */
  private static final long MIN_MICROS = -62_135_596_800_000_000L;

  private static final long MAX_MICROS = 253_402_300_799_999_999L;

  /**
   * The event time of a record without typing its other fields: what a streaming source needs to
   * move its watermark.
   */
  public long eventTimeMicros(String text) throws RejectedException {
    List<String> fields = fields(text);
    for (int i : schema.timestampIndices()) {
      if (fields.size() <= i) {
        throw new RejectedException("missing timestamp in column '" + schema.column(i) + "'");
      }
    }
    return timestamp(fields);
  }

  /**
   * {@link #eventTimeMicros(String)} of a record of a file with a header of its own ({@code
   * mapping}; null: the run's columns).
   */
  public long eventTimeMicros(String text, ColumnMapping mapping) throws RejectedException {
    return mapping == null ? eventTimeMicros(text) : timestamp(mapping.place(fields(text)));
  }

  /** The event time of a record's fields: one column, or several joined with a space. */
  private long timestamp(List<String> fields) throws RejectedException {
    int[] parts = schema.timestampIndices();
    if (parts.length == 1) {
      String stamp = fields.get(parts[0]);
      if (isMissing(parts[0], stamp)) {
        throw new RejectedException(
            "missing timestamp in column '" + schema.timestampColumn() + "'");
      }
      return timestamp(stamp);
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < parts.length; k++) {
      String part = fields.get(parts[k]);
      if (isMissing(parts[k], part)) {
        throw new RejectedException(
            "missing timestamp in column '" + schema.column(parts[k]) + "'");
      }
      b.append(k > 0 ? " " : "").append(part.trim());
    }
    return timestamp(b.toString());
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
          "unparseable timestamp in "
              + (schema.timestampIndex() < 0 ? "columns '" : "column '")
              + schema.timestampColumn()
              + "': "
              + e.getMessage()
              + " (format "
              + timestamps.format()
              + ")");
    }
    if (micros < MIN_MICROS || micros > MAX_MICROS) {
      throw new RejectedException(
          "timestamp out of range in column '"
              + schema.timestampColumn()
              + "': '"
              + stamp
              + "' is outside years 1 to 9999");
    }
    return micros;
  }

  private boolean isMissing(int column, String field) {
    return field == null || isMissingToken(column, field) || isNaNSpelling(field);
  }

  private boolean isMissingToken(int column, String field) {
    return (missingLengths[column] & lengthBit(field.length())) != 0
        && missing(column).contains(field);
  }

  /** NaN is always a missing value, however it is spelled, as pandas reads it. */
  private static boolean isNaNSpelling(String field) {
    String t = field.startsWith("-") || field.startsWith("+") ? field.substring(1) : field;
    return t.equalsIgnoreCase("nan");
  }
}
