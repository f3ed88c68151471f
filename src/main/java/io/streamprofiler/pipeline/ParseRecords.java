package io.streamprofiler.pipeline;

import io.streamprofiler.record.ColumnMapping;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowBatch;
import io.streamprofiler.record.RowBatchCoder;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.sink.Rejected;
import io.streamprofiler.sink.TooLate;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.Progress;
import io.streamprofiler.source.SourceChunk;
import io.streamprofiler.source.SourceLine;
import io.streamprofiler.source.TimestampSkew;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Parses source records into typed rows stamped with their event time; records that cannot be
 * parsed go, with their reason, to the {@link #SET_ASIDE} output instead of failing the pipeline,
 * and so do rows the source found too late for their window, counted.
 */
public final class ParseRecords extends PTransform<PCollection<SourceChunk>, PCollectionTuple> {
  /** Rows batched per key and window within a chunk, stamped with their earliest event time. */
  public static final TupleTag<RowBatch> ROWS = new TupleTag<>() {};

  /**
   * The lines that reach no report, as JSON lines by kind ({@code KV(kind, json)}, as {@link
   * WriteJsonLines} takes them): {@code rejected} with the reason, {@code late} when the source
   * found the row too late for its window. One output for both: on Flink's batch runner every
   * output of a step is a reader of all of its elements, each of which is encoded for it, the row
   * batches included, and a step with more than one reader is chained to none of them.
   */
  public static final TupleTag<KV<String, String>> SET_ASIDE = new TupleTag<>() {};

  private final RowParser parser;
  private final boolean eventTimeFromSource;
  private final long windowMillis;

  public ParseRecords(RowParser parser, long windowMillis) {
    this(parser, false, windowMillis);
  }

  /**
   * @param eventTimeFromSource a row's event time is the timestamp its source gave the record
   *     (Kafka's broker time with {@code --kafkaTimestamp}), not its timestamp column
   */
  public ParseRecords(RowParser parser, boolean eventTimeFromSource, long windowMillis) {
    this.parser = parser;
    this.eventTimeFromSource = eventTimeFromSource;
    this.windowMillis = windowMillis;
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceChunk> input) {
    PCollectionTuple out =
        input.apply(
            "ParseAndStamp",
            ParDo.of(new ParseFn(parser, eventTimeFromSource, windowMillis))
                .withOutputTags(ROWS, TupleTagList.of(SET_ASIDE)));
    out.get(ROWS).setCoder(RowBatchCoder.of());
    out.get(SET_ASIDE).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    return out;
  }

  static final class ParseFn extends DoFn<SourceChunk, RowBatch> {
    // Counted here, the first step after every source: a runner need not report metrics of a source
    // reader.
    private final Counter read = Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_READ);
    private final Counter rejected =
        Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_REJECTED);
    private final Counter tooLate =
        Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_DROPPED_LATE);
    private final RowParser parser;
    private final boolean eventTimeFromSource;
    private final long windowMillis;

    ParseFn(RowParser parser, boolean eventTimeFromSource, long windowMillis) {
      this.parser = parser;
      this.eventTimeFromSource = eventTimeFromSource;
      this.windowMillis = windowMillis;
    }

    /** A key and the index of its window: no text joined per row to look a batch up. */
    private record BatchKey(String key, long window) {}

    /** Rows of one key and window within a chunk, in arrival order. */
    private static final class Batch {
      final List<Row> rows = new ArrayList<>();
      long minMillis = Long.MAX_VALUE;
    }

    @ProcessElement
    public void process(
        @Element SourceChunk chunk, @Timestamp Instant stamped, MultiOutputReceiver out) {
      read.inc(chunk.lines().size());
      Map<BatchKey, Batch> batches = new LinkedHashMap<>();
      ColumnMapping columns = chunk.columns();
      for (SourceLine line : chunk.lines()) {
        Row row = parse(line, columns, stamped, out);
        if (row != null) {
          long start = Math.floorDiv(row.eventTimeMillis(), windowMillis);
          Batch b = batches.computeIfAbsent(new BatchKey(row.key(), start), k -> new Batch());
          b.rows.add(row);
          b.minMillis = Math.min(b.minMillis, row.eventTimeMillis());
        }
      }
      for (Batch b : batches.values()) {
        out.get(ROWS).outputWithTimestamp(new RowBatch(b.rows), new Instant(b.minMillis));
      }
    }

    /**
     * The row of a line that goes on to be profiled, or null when it was rejected or set aside as
     * too late.
     *
     * @param columns where the fields of the line's file land when its header is not the run's own;
     *     null for the usual case
     */
    private Row parse(
        SourceLine line, ColumnMapping columns, Instant stamped, MultiOutputReceiver out) {
      try {
        if (line.problem() != null) {
          throw new RowParser.RejectedException(line.problem());
        }
        Row row = parser.parse(line.line(), line.text(), columns);
        if (eventTimeFromSource) {
          row = row.withEventTimeMicros(stamped.getMillis() * 1000L);
        }
        switch (line.arrival()) {
          case TOO_LATE -> {
            tooLate.inc();
            Progress.ROWS_TOO_LATE.incrementAndGet();
            TooLate late =
                new TooLate(
                    row.key(),
                    row.eventTimeMicros(),
                    line.watermarkMicros(),
                    line.source(),
                    line.line(),
                    line.text());
            out.get(SET_ASIDE).output(KV.of("late", late.toJsonLine()));
            return null;
          }
          case LATE -> {
            return row.withLate(true);
          }
          default -> {
            return row;
          }
        }
      } catch (RowParser.RejectedException e) {
        rejected.inc();
        Progress.ROWS_REJECTED.incrementAndGet();
        out.get(SET_ASIDE)
            .output(KV.of("rejected", Rejected.of(line, e.getMessage()).toJsonLine()));
        return null;
      }
    }

    @Override
    public org.joda.time.Duration getAllowedTimestampSkew() {
      // Event times come from the data and may lie before the element's own timestamp in a stream.
      return TimestampSkew.ANY;
    }
  }
}
