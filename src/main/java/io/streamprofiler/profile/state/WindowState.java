package io.streamprofiler.profile.state;

import io.streamprofiler.record.Blob;
import io.streamprofiler.record.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mergeable profile state of the rows of a window (of one key, or of a whole fleet): what a
 * profile needs, in memory that does not grow with the rows. Exact: rows, late rows, first and last
 * event, and per column the missing values, counts, minimum, maximum, moments, extreme values, and
 * the co-moments of every pair. Sketched, with known bounds: quantiles (KLL), distinct values
 * (HyperLogLog) and most frequent values. Downsampled: a time-ordered series of at most {@link
 * SeriesSample#CAPACITY} rows for what needs rows in order. {@link #merge} of the states of any
 * split of the rows gives the state of all of them: exactly for the exact parts, within the
 * sketches' bounds for the rest. No Beam here.
 */
public final class WindowState {
  /** Rows the downsampled series keeps at most. */
  public static final int SERIES_CAPACITY = SeriesSample.CAPACITY;

  private final int columns;
  long rows;
  long lateRows;
  long firstEvent = Long.MAX_VALUE;
  long lastEvent = Long.MIN_VALUE;
  final long[] missing;
  final NumericState[] numeric;
  final ValueState[] values;
  final PairMoments pairs;
  final SeriesSample sample;
  private final double[] scratch;

  public WindowState(int columns) {
    this(columns, new PairMoments(columns), new SeriesSample());
    for (int c = 0; c < columns; c++) {
      numeric[c] = new NumericState();
      values[c] = new ValueState();
    }
  }

  private WindowState(int columns, PairMoments pairs, SeriesSample sample) {
    this.columns = columns;
    this.missing = new long[columns];
    this.numeric = new NumericState[columns];
    this.values = new ValueState[columns];
    this.pairs = pairs;
    this.sample = sample;
    this.scratch = new double[columns];
  }

  /** The state of {@code rows}. */
  public static WindowState of(List<Row> rows, int columns) {
    WindowState s = new WindowState(columns);
    rows.forEach(s::add);
    return s;
  }

  /**
   * The state of {@code rows} already in event-time order (ties by line): the same as {@link #of},
   * with the downsampled series taken in one pass.
   */
  public static WindowState ofSorted(List<Row> rows, int columns) {
    WindowState s = new WindowState(columns, new PairMoments(columns), SeriesSample.ofSorted(rows));
    for (int c = 0; c < columns; c++) {
      s.numeric[c] = new NumericState();
      s.values[c] = new ValueState();
    }
    s.rows = rows.size();
    for (Row r : rows) {
      if (r.late()) {
        s.lateRows++;
      }
      s.firstEvent = Math.min(s.firstEvent, r.eventTimeMicros());
      s.lastEvent = Math.max(s.lastEvent, r.eventTimeMicros());
    }
    for (int c = 0; c < columns; c++) {
      s.addColumn(rows, c);
    }
    double[] values = new double[columns];
    for (Row r : rows) {
      for (int c = 0; c < columns; c++) {
        values[c] = r.isNumber(c) ? r.number(c) : Double.NaN;
      }
      s.pairs.add(values);
    }
    return s;
  }

  /**
   * One column of a whole window: its numbers sorted first, so each sketch is updated once per
   * distinct value (a window repeats its values many times) and no value is boxed, and only the
   * first and last distinct values can be extremes (offering every value to them was a fifth of the
   * JFR samples of building the state); the moments value by value, in row order.
   */
  private void addColumn(List<Row> rows, int c) {
    double[] numbers = new double[rows.size()];
    int n = 0;
    Map<String, long[]> texts = new HashMap<>();
    NumericState state = numeric[c];
    for (Row r : rows) {
      if (r.isMissing(c)) {
        missing[c]++;
      } else if (r.isNumber(c)) {
        double v = r.number(c);
        numbers[n++] = v;
        state.moments.add(v);
      } else {
        texts.computeIfAbsent(r.text(c), k -> new long[1])[0]++;
      }
    }
    Arrays.sort(numbers, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i = endOfRun(numbers, i, n)) {
      distinct++;
    }
    int rank = 0;
    for (int i = 0; i < n; rank++) {
      int j = endOfRun(numbers, i, n);
      boolean extreme = rank < NumericState.EXTREMES || rank >= distinct - NumericState.EXTREMES;
      state.addRepeated(numbers[i], j - i, extreme);
      values[c].addNumber(numbers[i], j - i);
      i = j;
    }
    texts.forEach((text, count) -> values[c].addText(text, count[0]));
  }

  /** The end of the run of copies of {@code sorted[from]}: bit for bit, so -0.0 is not 0.0. */
  private static int endOfRun(double[] sorted, int from, int n) {
    long bits = Double.doubleToRawLongBits(sorted[from]);
    int j = from + 1;
    while (j < n && Double.doubleToRawLongBits(sorted[j]) == bits) {
      j++;
    }
    return j;
  }

  public int columns() {
    return columns;
  }

  public long rows() {
    return rows;
  }

  public long lateRows() {
    return lateRows;
  }

  /** Earliest event time (µs), or Long.MAX_VALUE when empty. */
  public long firstEventMicros() {
    return firstEvent;
  }

  /** Latest event time (µs), or Long.MIN_VALUE when empty. */
  public long lastEventMicros() {
    return lastEvent;
  }

  public ColumnSummary column(int c) {
    return new ColumnSummary(rows, missing[c], numeric[c], values[c]);
  }

  /** Pearson's r of two columns over their pairwise complete finite numbers, exact. */
  public double pearson(int i, int j) {
    return pairs.pearson(i, j);
  }

  /** The downsampled series: at most {@link SeriesSample#CAPACITY} rows in event-time order. */
  public List<Row> series() {
    return sample.rows();
  }

  /**
   * The series thinned further to at most {@code most} rows (a coarser step, same rule); {@code
   * step[0]} receives its step in microseconds.
   */
  public List<Row> series(int most, long[] step) {
    return sample.rows(most, step);
  }

  /** The event-time step of {@link #series}: one row kept per step. */
  public long seriesStepMicros() {
    return sample.stepMicros();
  }

  /** The first rows in event time, exactly. */
  public List<Row> head() {
    return sample.head();
  }

  /** The last rows in event time, exactly. */
  public List<Row> tail() {
    return sample.tail();
  }

  public void add(Row row) {
    addValues(row);
    sample.add(row);
  }

  /** Everything of a row but the series. */
  private void addValues(Row row) {
    rows++;
    if (row.late()) {
      lateRows++;
    }
    firstEvent = Math.min(firstEvent, row.eventTimeMicros());
    lastEvent = Math.max(lastEvent, row.eventTimeMicros());
    for (int c = 0; c < columns; c++) {
      if (row.isMissing(c)) {
        missing[c]++;
        scratch[c] = Double.NaN;
      } else if (row.isNumber(c)) {
        double v = row.number(c);
        numeric[c].add(v);
        values[c].addNumber(v);
        scratch[c] = v;
      } else {
        values[c].addText(row.text(c));
        scratch[c] = Double.NaN;
      }
    }
    pairs.add(scratch);
  }

  /** Adds {@code other}'s rows to this state; {@code other} is not changed. */
  public void merge(WindowState other) {
    if (other.columns != columns) {
      throw new IllegalArgumentException(
          "states of " + columns + " and " + other.columns + " columns cannot be merged");
    }
    WindowState o = other;
    rows += o.rows;
    lateRows += o.lateRows;
    firstEvent = Math.min(firstEvent, o.firstEvent);
    lastEvent = Math.max(lastEvent, o.lastEvent);
    for (int c = 0; c < columns; c++) {
      missing[c] += o.missing[c];
      numeric[c].merge(o.numeric[c]);
      values[c].merge(o.values[c]);
    }
    pairs.merge(o.pairs);
    sample.merge(o.sample);
  }

  /** A deep copy: merging into it or adding to it leaves this state as it is. */
  public WindowState copy() {
    return fromBytes(toBytes());
  }

  public byte[] toBytes() {
    Blob.Writer out = new Blob.Writer(64 * 1024);
    Map<String, Integer> texts = new HashMap<>();
    out.writeVarLong(columns);
    out.writeVarLong(rows);
    out.writeVarLong(lateRows);
    out.writeLong(firstEvent);
    out.writeLong(lastEvent);
    for (int c = 0; c < columns; c++) {
      out.writeVarLong(missing[c]);
      numeric[c].write(out);
      values[c].write(out);
    }
    pairs.write(out);
    sample.write(out, columns, texts);
    return out.toByteArray();
  }

  public static WindowState fromBytes(byte[] bytes) {
    try {
      Blob.Reader in = Blob.read(bytes);
      List<String> texts = new ArrayList<>();
      int columns = in.readCount();
      long rows = in.readVarLong();
      long lateRows = in.readVarLong();
      long first = in.readLong();
      long last = in.readLong();
      long[] missing = new long[columns];
      NumericState[] numeric = new NumericState[columns];
      ValueState[] values = new ValueState[columns];
      for (int c = 0; c < columns; c++) {
        missing[c] = in.readVarLong();
        numeric[c] = NumericState.read(in);
        values[c] = ValueState.read(in);
      }
      PairMoments pairs = PairMoments.read(in);
      WindowState s = new WindowState(columns, pairs, SeriesSample.read(in, columns, texts));
      s.rows = rows;
      s.lateRows = lateRows;
      s.firstEvent = first;
      s.lastEvent = last;
      System.arraycopy(missing, 0, s.missing, 0, columns);
      System.arraycopy(numeric, 0, s.numeric, 0, columns);
      System.arraycopy(values, 0, s.values, 0, columns);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
