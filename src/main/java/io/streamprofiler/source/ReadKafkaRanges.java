package io.streamprofiler.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded Kafka read of planned offset ranges ({@link KafkaReadPlan}): one reader per partition,
 * each reading its range in offset order and classifying every record against the watermark of its
 * own partition so far (the largest event time read before it, minus the out-of-orderness bound) —
 * the same answer whatever the scheduling. A reader ends when its range is read, or at the read's
 * deadline; then it commits its partition's offset to the group. Records that were planned but stop
 * arriving fail the read with one line naming the partition and the broker: after {@link
 * #STALL_MILLIS} without a record, or at the deadline when the broker does not answer then (when it
 * does, the deadline was the user's limit: the rest stays for the group's next run).
 */
public final class ReadKafkaRanges extends PTransform<PBegin, PCollection<SourceLine>> {
  static final long STALL_MILLIS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(ReadKafkaRanges.class);

  private final KafkaSettings settings;
  private final List<KafkaRange> ranges;
  private final EventTimePolicy.EventTimes eventTimes;
  private final ArrivalRule rule;

  ReadKafkaRanges(
      KafkaSettings settings,
      List<KafkaRange> ranges,
      EventTimePolicy.EventTimes eventTimes,
      ArrivalRule rule) {
    this.settings = settings;
    this.ranges = ranges;
    this.eventTimes = eventTimes;
    this.rule = rule;
  }

  @Override
  public PCollection<SourceLine> expand(PBegin begin) {
    return begin
        .apply("PlannedRanges", Create.of(ranges).withCoder(SerializableCoder.of(KafkaRange.class)))
        .apply("OneReaderPerPartition", Reshuffle.viaRandomKey())
        .apply("ReadRange", ParDo.of(new ReadRangeFn(settings, eventTimes, rule)))
        .setCoder(SourceLineCoder.of());
  }

  static final class ReadRangeFn extends DoFn<KafkaRange, SourceLine> {
    private final KafkaSettings settings;
    private final EventTimePolicy.EventTimes eventTimes;
    private final ArrivalRule rule;

    ReadRangeFn(KafkaSettings settings, EventTimePolicy.EventTimes eventTimes, ArrivalRule rule) {
      this.settings = settings;
      this.eventTimes = eventTimes;
      this.rule = rule;
    }

    @ProcessElement
    public void process(@Element KafkaRange range, OutputReceiver<SourceLine> out) {
      Duration timeout = KafkaReadPlan.brokerTimeout(settings);
      TopicPartition partition = new TopicPartition(range.topic(), range.partition());
      try (Consumer<byte[], byte[]> consumer =
          settings
              .properties()
              .consumerFactory()
              .apply(KafkaReadPlan.consumerConfig(settings, timeout))) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, range.from());
        PartitionReader reader = new PartitionReader(range, eventTimes, rule, out);
        long lastRecordAt = System.currentTimeMillis();
        while (reader.next < range.to()) {
          long now = System.currentTimeMillis();
          if (range.deadlineMillis() > 0 && now >= range.deadlineMillis()) {
            if (!range.open()) {
              // still there? (a broker that is gone times out here, in one line)
              consumer.endOffsets(List.of(partition), Duration.ofSeconds(2));
              LOG.warn(
                  "kafka: --maxReadTime ended the read of {} with {} planned records unread;"
                      + " they stay for the group's next run",
                  range.name(),
                  range.to() - reader.next);
            }
            break;
          }
          if (!range.open() && now - lastRecordAt >= STALL_MILLIS) {
            throw stalled(range, reader.next, now - lastRecordAt);
          }
          long wait = range.deadlineMillis() > 0 ? range.deadlineMillis() - now : 500;
          List<ConsumerRecord<byte[], byte[]>> records =
              consumer.poll(Duration.ofMillis(Math.max(1, Math.min(500, wait)))).records(partition);
          if (!records.isEmpty()) {
            lastRecordAt = System.currentTimeMillis();
          }
          for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.offset() >= range.to()) {
              break;
            }
            reader.read(record);
          }
          // transaction markers and compacted records leave gaps: the position moves past them
          reader.next = Math.max(reader.next, Math.min(range.to(), consumer.position(partition)));
        }
        if (reader.next > range.from()) {
          consumer.commitSync(Map.of(partition, new OffsetAndMetadata(reader.next)), timeout);
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        throw new KafkaUnavailableException(
            "kafka: no answer from "
                + settings.bootstrapServers()
                + " while reading "
                + range.name()
                + "; is the broker up?");
      }
    }

    private KafkaUnavailableException stalled(KafkaRange range, long next, long quietMillis) {
      return new KafkaUnavailableException(
          "kafka: "
              + range.name()
              + " sent no record for "
              + quietMillis / 1000
              + " s with "
              + (range.to() - next)
              + " planned records unread (offsets "
              + next
              + " to "
              + range.to()
              + "); is the broker at "
              + settings.bootstrapServers()
              + " up?");
    }
  }

  /** One partition's records in offset order, each stamped and classified as it is read. */
  static final class PartitionReader {
    private final KafkaRange range;
    private final EventTimePolicy.EventTimes eventTimes;
    private final ArrivalRule rule;
    private final DoFn.OutputReceiver<SourceLine> out;
    private long watermark = Long.MIN_VALUE;
    long next;

    PartitionReader(
        KafkaRange range,
        EventTimePolicy.EventTimes eventTimes,
        ArrivalRule rule,
        DoFn.OutputReceiver<SourceLine> out) {
      this.range = range;
      this.eventTimes = eventTimes;
      this.rule = rule;
      this.out = out;
      this.next = range.from();
    }

    void read(ConsumerRecord<byte[], byte[]> record) {
      next = record.offset() + 1;
      String source = range.name() + "@" + record.offset();
      byte[] value = record.value();
      String text = ReadKafka.utf8(value);
      Instant stamp =
          new Instant(Math.max(watermark, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()));
      if (text == null) {
        String problem =
            value == null ? "message without a value" : "message value is not valid UTF-8";
        String shown =
            value == null ? "" : new String(value, java.nio.charset.StandardCharsets.UTF_8);
        out.outputWithTimestamp(
            SourceLine.rejected(source, record.offset(), shown, problem), stamp);
        return;
      }
      long event = eventTimes.millis(value, record.timestamp());
      if (event == Long.MIN_VALUE) {
        // the parse step says why
        out.outputWithTimestamp(SourceLine.of(source, record.offset(), text), stamp);
        return;
      }
      long missed = watermark > event ? watermark : Long.MIN_VALUE;
      SourceLine.Arrival arrival =
          missed == Long.MIN_VALUE ? SourceLine.Arrival.ON_TIME : rule.classify(event, missed);
      watermark = Math.max(watermark, event - rule.maxOutOfOrdernessMillis());
      out.outputWithTimestamp(
          new SourceLine(
              source,
              record.offset(),
              text,
              null,
              arrival,
              missed == Long.MIN_VALUE ? Long.MIN_VALUE : missed * 1000L),
          new Instant(event));
    }
  }
}
