package io.streamprofiler.source;

import io.streamprofiler.record.RowParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.joda.time.Instant;

/**
 * Reads Kafka topics as source records: each message value is one CSV line or JSON object, its
 * source {@code topic-partition@offset} and its line the offset. Values are read as bytes, so a
 * message that is not UTF-8 is rejected with a reason instead of failing the read.
 *
 * <p>Event time comes from the timestamp column (or the broker's timestamp) through {@link
 * EventTimePolicy}; each record's arrival is classified against its partition's watermark when it
 * arrived. Per partition that is deterministic for a given start offset (records of a partition are
 * read in offset order); what is not is when an idle partition is moved up to the others, which
 * depends on how fast each partition is read. Offsets are committed to the consumer group when Beam
 * finalizes a checkpoint (a stream) or when a partition's planned range is read (a bounded read),
 * so a restart with the same group reads on from there.
 *
 * <p>Bounded reads ({@code maxRecords}, {@code maxReadTime}) are planned before they start ({@link
 * KafkaReadPlan}: the oldest {@code maxRecords} records waiting for the group, or what arrives
 * until {@code maxReadTime}) and read one partition per reader ({@link ReadKafkaRanges}), so they
 * always end, take the same records whatever the scheduling, and classify each record against its
 * own partition's watermark. Unbounded reads use Beam's {@code KafkaIO} with {@link
 * EventTimePolicy}.
 */
public final class ReadKafka extends PTransform<PBegin, PCollection<SourceLine>> {
  private final KafkaSettings settings;
  private final RowParser parser;
  private final ArrivalRule rule;
  private final String readId = UUID.randomUUID().toString();

  public ReadKafka(KafkaSettings settings, RowParser parser, ArrivalRule rule) {
    this.settings = settings;
    this.parser = parser;
    this.rule = rule;
  }

  @Override
  public PCollection<SourceLine> expand(PBegin begin) {
    EventTimePolicy.EventTimes eventTimes = eventTimes(parser, settings.brokerTime());
    if (settings.bounded()) {
      // Planned here, once: which records a bounded read takes must not depend on fetch order.
      KafkaReadPlan plan = KafkaReadPlan.make(settings);
      System.err.println(plan.describe());
      return begin.apply(
          "ReadKafkaRanges", new ReadKafkaRanges(settings, plan.ranges(), eventTimes, rule));
    }
    KafkaIO.Read<byte[], byte[]> read =
        KafkaIO.<byte[], byte[]>read()
            .withBootstrapServers(settings.bootstrapServers())
            .withTopics(settings.topics())
            .withKeyDeserializer(ByteArrayDeserializer.class)
            .withValueDeserializer(ByteArrayDeserializer.class)
            .withConsumerConfigUpdates(settings.consumerConfig())
            .withConsumerFactoryFn(settings.properties().consumerFactory())
            .withTimestampPolicyFactory(
                new EventTimePolicy.Factory(readId, eventTimes, rule.maxOutOfOrdernessMillis()))
            .commitOffsetsInFinalize();
    return begin
        .apply("ReadFromKafka", read)
        .apply("ToSourceLines", ParDo.of(new ToSourceLineFn(eventTimes, rule)))
        .setCoder(SourceLineCoder.of());
  }

  static EventTimePolicy.EventTimes eventTimes(RowParser parser, boolean brokerTime) {
    if (brokerTime) {
      return (value, brokerMillis) -> brokerMillis;
    }
    return (value, brokerMillis) -> {
      String text = utf8(value);
      if (text == null) {
        return Long.MIN_VALUE;
      }
      try {
        return Math.floorDiv(parser.eventTimeMicros(text), 1000L);
      } catch (RowParser.RejectedException e) {
        return Long.MIN_VALUE;
      }
    };
  }

  /** The value as text, or null when it is absent or not valid UTF-8. */
  static String utf8(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Turns a message into a source record stamped with its event time, and recovers its arrival from
   * the timestamp {@link EventTimePolicy} gave it: later than the event time means the partition's
   * watermark had already passed the event time, and by how much says late or too late.
   */
  static final class ToSourceLineFn extends DoFn<KafkaRecord<byte[], byte[]>, SourceLine> {
    private final EventTimePolicy.EventTimes eventTimes;
    private final ArrivalRule rule;

    ToSourceLineFn(EventTimePolicy.EventTimes eventTimes, ArrivalRule rule) {
      this.eventTimes = eventTimes;
      this.rule = rule;
    }

    @ProcessElement
    public void process(
        @Element KafkaRecord<byte[], byte[]> record,
        @Timestamp Instant stamped,
        OutputReceiver<SourceLine> out) {
      String source = record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
      byte[] value = record.getKV().getValue();
      String text = utf8(value);
      if (text == null) {
        String problem =
            value == null ? "message without a value" : "message value is not valid UTF-8";
        String shown = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        out.output(SourceLine.rejected(source, record.getOffset(), shown, problem));
        return;
      }
      long event = eventTimes.millis(record);
      if (event == Long.MIN_VALUE) {
        out.output(SourceLine.of(source, record.getOffset(), text)); // the parse step says why
        return;
      }
      long watermark = stamped.getMillis() > event ? stamped.getMillis() : Long.MIN_VALUE;
      SourceLine.Arrival arrival =
          watermark == Long.MIN_VALUE
              ? SourceLine.Arrival.ON_TIME
              : rule.classify(event, watermark);
      long watermarkMicros = watermark == Long.MIN_VALUE ? Long.MIN_VALUE : watermark * 1000L;
      out.outputWithTimestamp(
          new SourceLine(source, record.getOffset(), text, null, arrival, watermarkMicros),
          new Instant(event));
    }

    @Override
    public org.joda.time.Duration getAllowedTimestampSkew() {
      // the element carries max(event time, watermark): its event time may lie before it
      return TimestampSkew.ANY;
    }
  }
}
