package io.streamprofiler.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * One parsed input line: its event time, its key and one value per schema column.
 *
 * <p>Each value is kept in the most compact form it parsed to: a number (possibly infinite) in
 * {@link #number(int)}, otherwise the text in {@link #text(int)}; a missing value has neither.
 * Types are decided later, per key-window, by the profiling engine, so a value is never coerced
 * here.
 */
public final class Row {
  private final long line;
  private final long eventTimeMicros;
  private final String key;
  private final String[] texts;
  private final double[] numbers;
  private final boolean late;

  /**
   * @param texts the text of each value that is not a number, else null (not copied)
   * @param numbers the number of each value that parsed as one, else NaN (not copied)
   */
  public Row(long line, long eventTimeMicros, String key, String[] texts, double[] numbers) {
    this(line, eventTimeMicros, key, texts, numbers, false);
  }

  /**
   * @param late whether the row arrived after the watermark had passed the end of its window
   */
  public Row(
      long line, long eventTimeMicros, String key, String[] texts, double[] numbers, boolean late) {
    this.late = late;
    this.line = line;
    this.eventTimeMicros = eventTimeMicros;
    this.key = Objects.requireNonNull(key);
    this.texts = texts;
    this.numbers = numbers;
  }

  /** The 1-based line number in the source where this row started (0 when unknown). */
  public long line() {
    return line;
  }

  /** Event time in microseconds since the epoch (UTC). */
  public long eventTimeMicros() {
    return eventTimeMicros;
  }

  /** Event time in milliseconds since the epoch, as Beam timestamps count it. */
  public long eventTimeMillis() {
    return Math.floorDiv(eventTimeMicros, 1000L);
  }

  /** True when the row arrived after the watermark had passed its window: it revises a report. */
  public boolean late() {
    return late;
  }

  /** This row, marked as arrived late or not. */
  public Row withLate(boolean isLate) {
    return isLate == late ? this : new Row(line, eventTimeMicros, key, texts, numbers, isLate);
  }

  /**
   * This row with another event time: a source's own clock (Kafka's broker time) instead of its
   * column.
   */
  public Row withEventTimeMicros(long micros) {
    return micros == eventTimeMicros ? this : new Row(line, micros, key, texts, numbers, late);
  }

  public String key() {
    return key;
  }

  public int size() {
    return numbers.length;
  }

  public boolean isMissing(int column) {
    return texts[column] == null && Double.isNaN(numbers[column]);
  }

  public boolean isNumber(int column) {
    return texts[column] == null && !Double.isNaN(numbers[column]);
  }

  /** The number at {@code column}, or NaN when the value is missing or not a number. */
  public double number(int column) {
    return numbers[column];
  }

  /** The text at {@code column} when it is not a number, else null. */
  public String text(int column) {
    return texts[column];
  }

  /** The value as a person reads it: the text, the number in shortest form, or null if missing. */
  public String display(int column) {
    if (texts[column] != null) {
      return texts[column];
    }
    double v = numbers[column];
    return Double.isNaN(v) ? null : Numbers.format(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r
        && r.line == line
        && r.late == late
        && r.eventTimeMicros == eventTimeMicros
        && r.key.equals(key)
        && Arrays.equals(r.texts, texts)
        && Arrays.equals(r.numbers, numbers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, eventTimeMicros, key) * 31 + Arrays.hashCode(numbers);
  }

  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder("Row{line=").append(line).append(", t=").append(eventTimeMicros);
    b.append(", key=").append(key);
    for (int i = 0; i < numbers.length; i++) {
      b.append(i == 0 ? ", [" : ", ").append(display(i));
    }
    return b.append("]}").toString();
  }
}
