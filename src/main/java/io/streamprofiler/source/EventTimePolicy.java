package io.streamprofiler.source;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
 *       others rather than stalling them. It counts as idle only once the broker has said it has
 *       nothing waiting in a check made at least {@link #IDLE_AFTER_MILLIS} after its last record
 *       was read (the reader checks every second): records already published to it, still on their
 *       way, keep its watermark where its own records put it.
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
  /** How long after a partition's last record an empty backlog makes it idle. */
  static final long IDLE_AFTER_MILLIS = 2_000;

  private final EventTimes eventTimes;
  private final long boundMillis;
  private final AtomicLong largestSeen;
  private final LongSupplier clock;
  private long watermark;
  private long lastRecordAt;

  EventTimePolicy(
      EventTimes eventTimes,
      long boundMillis,
      AtomicLong largestSeen,
      long previousWatermark,
      LongSupplier clock) {
    this.eventTimes = eventTimes;
    this.boundMillis = boundMillis;
    this.largestSeen = largestSeen;
    this.watermark = previousWatermark;
    this.clock = clock;
    this.lastRecordAt = clock.getAsLong();
  }

  @Override
  public Instant getTimestampForRecord(
      PartitionContext context, KafkaRecord<byte[], byte[]> record) {
    long event = eventTimes.millis(record);
    long before = watermark;
    lastRecordAt = clock.getAsLong();
    if (event != Long.MIN_VALUE) {
      largestSeen.accumulateAndGet(event, Math::max);
      watermark = Math.max(watermark, event - boundMillis);
    }
    return instant(Math.max(event, before));
  }

  @Override
  public Instant getWatermark(PartitionContext context) {
    long largest = largestSeen.get();
    boolean idle =
        context.getMessageBacklog() == 0
            && context.getBacklogCheckTime().getMillis() >= lastRecordAt + IDLE_AFTER_MILLIS;
    if (idle && largest != Long.MIN_VALUE) {
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
    private final SerializableLongSupplier clock;

    Factory(String readId, EventTimes eventTimes, long boundMillis) {
      this(readId, eventTimes, boundMillis, System::currentTimeMillis);
    }

    /** With a clock of the test's choosing. */
    Factory(
        String readId, EventTimes eventTimes, long boundMillis, SerializableLongSupplier clock) {
      this.readId = readId;
      this.eventTimes = eventTimes;
      this.boundMillis = boundMillis;
      this.clock = clock;
    }

    @Override
    public TimestampPolicy<byte[], byte[]> createTimestampPolicy(
        TopicPartition partition, Optional<Instant> previous) {
      AtomicLong largest = LARGEST.computeIfAbsent(readId, id -> new AtomicLong(Long.MIN_VALUE));
      return new EventTimePolicy(
          eventTimes,
          boundMillis,
          largest,
          previous.map(Instant::getMillis).orElse(Long.MIN_VALUE),
          clock);
    }
  }

  /** Wall-clock milliseconds. */
  interface SerializableLongSupplier extends LongSupplier, Serializable {}

  /**
   * Reads a record's event time in epoch milliseconds, or {@code Long.MIN_VALUE} when it has none.
   */
  interface EventTimes extends Serializable {
    long millis(byte[] value, long brokerMillis);

    default long millis(KafkaRecord<byte[], byte[]> record) {
      return millis(record.getKV().getValue(), record.getTimestamp());
    }
  }
}
