package io.streamprofiler.pipeline;

import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowCoder;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.sink.Rejected;
import io.streamprofiler.sink.TooLate;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.Progress;
import io.streamprofiler.source.SourceLine;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Parses source records into typed rows stamped with their event time; records that cannot be
 * parsed go, with their reason, to the {@link #REJECTED} output instead of failing the pipeline,
 * and rows the source found too late for their window go to {@link #TOO_LATE}, counted.
 */
public final class ParseRecords extends PTransform<PCollection<SourceLine>, PCollectionTuple> {
  public static final TupleTag<Row> ROWS = new TupleTag<>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<>() {};
  public static final TupleTag<TooLate> TOO_LATE = new TupleTag<>() {};

  private final RowParser parser;
  private final boolean eventTimeFromSource;

  public ParseRecords(RowParser parser) {
    this(parser, false);
  }

  /**
   * @param eventTimeFromSource a row's event time is the timestamp its source gave the record
   *     (Kafka's broker time with {@code --kafkaTimestamp}), not its timestamp column
   */
  public ParseRecords(RowParser parser, boolean eventTimeFromSource) {
    this.parser = parser;
    this.eventTimeFromSource = eventTimeFromSource;
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceLine> input) {
    PCollectionTuple out =
        input.apply("ParseAndStamp", ParDo.of(new ParseFn(parser, eventTimeFromSource)).withOutputTags(ROWS, TupleTagList.of(REJECTED).and(TOO_LATE)));
    out.get(ROWS).setCoder(RowCoder.of());
    out.get(REJECTED).setCoder(SerializableCoder.of(Rejected.class));
    out.get(TOO_LATE).setCoder(SerializableCoder.of(TooLate.class));
    return out;
  }

  static final class ParseFn extends DoFn<SourceLine, Row> {
    private final Counter rejected = Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_REJECTED);
    private final Counter tooLate = Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_DROPPED_LATE);
    private final RowParser parser;
    private final boolean eventTimeFromSource;

    ParseFn(RowParser parser, boolean eventTimeFromSource) {
      this.parser = parser;
      this.eventTimeFromSource = eventTimeFromSource;
    }

    @ProcessElement
    public void process(@Element SourceLine line, @Timestamp Instant stamped, MultiOutputReceiver out) {
      try {
        if (line.problem() != null) {
          throw new RowParser.RejectedException(line.problem());
        }
        Row row = parser.parse(line.line(), line.text());
        if (eventTimeFromSource) {
          row = row.withEventTimeMicros(stamped.getMillis() * 1000L);
        }
        switch (line.arrival()) {
          case TOO_LATE -> {
            tooLate.inc();
            Progress.ROWS_TOO_LATE.incrementAndGet();
            out.get(TOO_LATE).output(new TooLate(row.key(), row.eventTimeMicros(), line.watermarkMicros(), line.source(), line.line(), line.text()));
          }
          case LATE -> out.get(ROWS).outputWithTimestamp(row.withLate(true), new Instant(row.eventTimeMillis()));
          default -> out.get(ROWS).outputWithTimestamp(row, new Instant(row.eventTimeMillis()));
        }
      } catch (RowParser.RejectedException e) {
        rejected.inc();
        Progress.ROWS_REJECTED.incrementAndGet();
        out.get(REJECTED).output(Rejected.of(line, e.getMessage()));
      }
    }

    @Override
    public org.joda.time.Duration getAllowedTimestampSkew() {
      // Event times come from the data and may lie before the element's own timestamp in a stream.
      return org.joda.time.Duration.millis(Long.MAX_VALUE);
    }
  }
}
