package io.streamprofiler.source;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Instant;

/**
 * The watermark of one Kafka partition, in event time only: the largest event time read from the
 * partition minus the allowed out-of-orderness, never moving back. Two things Beam's own {@code
 * CustomTimestampPolicyWithLimitedDelay} gets wrong for replayed data are handled here:
 *
 * <ul>
 *   <li>A partition that is caught up (no backlog) would hold every window open forever, above all
 *       one that never received a record. Instead it moves up to the largest event time read from
 *       any partition of this read in this JVM, minus the bound: an idle partition follows the
 *       others rather than stalling them.
 *   <li>Idle partitions are never moved to the wall clock, so historical data published later is
 *       not declared late just because it is old.
 * </ul>
 *
 * <p>Each record is stamped with {@code max(event time, this partition's watermark before it)}. A
 * record stamped later than its event time therefore carries the watermark it missed, and {@link
 * ReadKafka} classifies it (on time, late, too late) from the two values alone, exactly as this
 * partition saw it. A record without a readable event time is stamped with the watermark; it is
 * rejected downstream.
 */
final class EventTimePolicy extends TimestampPolicy<byte[], byte[]> {
  private final EventTimes eventTimes;
  private final long boundMillis;
  private final AtomicLong largestSeen;
  private long watermark;

  EventTimePolicy(
      EventTimes eventTimes, long boundMillis, AtomicLong largestSeen, long previousWatermark) {
    this.eventTimes = eventTimes;
    this.boundMillis = boundMillis;
    this.largestSeen = largestSeen;
    this.watermark = previousWatermark;
  }

  @Override
  public Instant getTimestampForRecord(
      PartitionContext context, KafkaRecord<byte[], byte[]> record) {
    long event = eventTimes.millis(record);
    long before = watermark;
    if (event != Long.MIN_VALUE) {
      largestSeen.accumulateAndGet(event, Math::max);
      watermark = Math.max(watermark, event - boundMillis);
    }
    return instant(Math.max(event, before));
  }

  @Override
  public Instant getWatermark(PartitionContext context) {
    long largest = largestSeen.get();
    if (context.getMessageBacklog() == 0 && largest != Long.MIN_VALUE) {
      watermark = Math.max(watermark, largest - boundMillis);
    }
    return instant(watermark);
  }

  private static Instant instant(long millis) {
    long min = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
    long max = BoundedWindow.TIMESTAMP_MAX_VALUE.getMillis();
    return new Instant(Math.min(max, Math.max(min, millis)));
  }

  /**
   * Creates one policy per partition. The largest event time is shared by the partitions of one
   * read in one JVM through a registry keyed by the read's id: on a cluster each worker shares it
   * among the partitions it reads.
   */
  static final class Factory implements TimestampPolicyFactory<byte[], byte[]> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, AtomicLong> LARGEST = new ConcurrentHashMap<>();

    private final String readId;
    private final EventTimes eventTimes;
    private final long boundMillis;

    Factory(String readId, EventTimes eventTimes, long boundMillis) {
      this.readId = readId;
      this.eventTimes = eventTimes;
      this.boundMillis = boundMillis;
    }

    @Override
    public TimestampPolicy<byte[], byte[]> createTimestampPolicy(
        TopicPartition partition, Optional<Instant> previous) {
      AtomicLong largest = LARGEST.computeIfAbsent(readId, id -> new AtomicLong(Long.MIN_VALUE));
      return new EventTimePolicy(
          eventTimes,
          boundMillis,
          largest,
          previous.map(Instant::getMillis).orElse(Long.MIN_VALUE));
    }
  }

  /**
   * Reads a record's event time in epoch milliseconds, or {@code Long.MIN_VALUE} when it has none.
   */
  interface EventTimes extends Serializable {
    long millis(KafkaRecord<byte[], byte[]> record);
  }
}
