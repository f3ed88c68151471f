package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Instant;
import org.junit.Test;

/** The per-partition event-time watermark, its idle-partition rule, and the arrival it encodes. */
public class EventTimePolicyTest {
  private static final long BOUND = 30_000;

  /** The wall clock the policies see: tests move it. */
  private static final AtomicLong NOW = new AtomicLong(1_000_000);

  private final TimestampPolicy.PartitionContext busy = context(10, 0);

  /** Checked by the broker long after any record: idle. */
  private final TimestampPolicy.PartitionContext idle = context(0, Long.MAX_VALUE / 2);

  private final EventTimePolicy.Factory factory =
      new EventTimePolicy.Factory(
          UUID.randomUUID().toString(),
          (value, broker) -> Long.parseLong(new String(value, StandardCharsets.UTF_8)),
          BOUND,
          NOW::get);

  @Test
  public void watermarkTrailsTheLargestEventTimeAndNeverMovesBack() {
    TimestampPolicy<byte[], byte[]> p =
        factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    assertThat(p.getWatermark(busy), is(BoundedWindow.TIMESTAMP_MIN_VALUE));
    assertThat(p.getTimestampForRecord(busy, record(100_000)), is(new Instant(100_000)));
    assertThat(p.getWatermark(busy), is(new Instant(70_000)));
    p.getTimestampForRecord(busy, record(90_000));
    assertThat(p.getWatermark(busy), is(new Instant(70_000)));
  }

  @Test
  public void aRecordBehindTheWatermarkIsStampedWithTheWatermarkItMissed() {
    TimestampPolicy<byte[], byte[]> p =
        factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    p.getTimestampForRecord(busy, record(100_000));
    assertThat(p.getTimestampForRecord(busy, record(60_000)), is(new Instant(70_000)));
    assertThat(p.getTimestampForRecord(busy, record(75_000)), is(new Instant(75_000)));
  }

  @Test
  public void anIdlePartitionThatNeverHadARecordFollowsTheOthers() {
    TimestampPolicy<byte[], byte[]> empty =
        factory.createTimestampPolicy(new TopicPartition("t", 1), Optional.empty());
    TimestampPolicy<byte[], byte[]> busyOne =
        factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    assertThat(
        "no event time seen anywhere yet",
        empty.getWatermark(idle),
        is(BoundedWindow.TIMESTAMP_MIN_VALUE));
    busyOne.getTimestampForRecord(busy, record(1_000_000));
    assertThat(empty.getWatermark(idle), is(new Instant(970_000)));
    assertThat(
        "not while it has a backlog",
        factory
            .createTimestampPolicy(new TopicPartition("t", 2), Optional.empty())
            .getWatermark(busy),
        is(BoundedWindow.TIMESTAMP_MIN_VALUE));
  }

  @Test
  public void aPartitionIsIdleOnlyWhenTheBrokerSaysSoWellAfterItsLastRecord() {
    TimestampPolicy<byte[], byte[]> quiet =
        factory.createTimestampPolicy(new TopicPartition("t", 1), Optional.empty());
    TimestampPolicy<byte[], byte[]> busyOne =
        factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    busyOne.getTimestampForRecord(busy, record(1_000_000));
    quiet.getTimestampForRecord(busy, record(500_000));
    long lastRecord = NOW.get();
    assertThat(
        "an empty backlog checked right after its last record: records may still be on their way",
        quiet.getWatermark(context(0, lastRecord + 1_999)),
        is(new Instant(470_000)));
    assertThat(
        "checked two seconds after its last record and still empty: idle",
        quiet.getWatermark(context(0, lastRecord + 2_000)),
        is(new Instant(970_000)));
  }

  @Test
  public void aPartitionThatNeverHadARecordIsIdleTwoSecondsAfterItsReaderStarted() {
    TimestampPolicy<byte[], byte[]> busyOne =
        factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    busyOne.getTimestampForRecord(busy, record(2_000_000));
    long started = NOW.get();
    TimestampPolicy<byte[], byte[]> empty =
        factory.createTimestampPolicy(new TopicPartition("t", 1), Optional.empty());
    assertThat(
        empty.getWatermark(context(0, started + 1_000)), is(BoundedWindow.TIMESTAMP_MIN_VALUE));
    assertThat(empty.getWatermark(context(0, started + 2_000)), is(new Instant(1_970_000)));
  }

  @Test
  public void idlePartitionsNeverMoveToTheWallClock() {
    TimestampPolicy<byte[], byte[]> p =
        factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    long historical = 1_594_512_094_000L; // 2020
    p.getTimestampForRecord(busy, record(historical));
    assertThat(p.getWatermark(idle), is(new Instant(historical - BOUND)));
    assertThat(
        "historical data published later is on time",
        p.getTimestampForRecord(busy, record(historical + 1)),
        is(new Instant(historical + 1)));
  }

  @Test
  public void aRestoredPartitionStartsFromItsPreviousWatermark() {
    TimestampPolicy<byte[], byte[]> p =
        factory.createTimestampPolicy(
            new TopicPartition("t", 0), Optional.of(new Instant(500_000)));
    assertThat(p.getWatermark(busy), is(new Instant(500_000)));
    assertThat(p.getTimestampForRecord(busy, record(400_000)), is(new Instant(500_000)));
  }

  @Test
  public void theStampGivesBackTheArrival() {
    ArrivalRule rule = new ArrivalRule(3_600_000, 30_000, BOUND);
    assertThat(rule.classify(100_000, 3_599_999), is(SourceLine.Arrival.ON_TIME));
    assertThat(rule.classify(100_000, 3_600_000), is(SourceLine.Arrival.LATE));
    assertThat(rule.classify(100_000, 3_630_000), is(SourceLine.Arrival.TOO_LATE));
    assertThat(rule.classify(-1, 0), is(SourceLine.Arrival.LATE));
  }

  private static KafkaRecord<byte[], byte[]> record(long eventMillis) {
    byte[] value = Long.toString(eventMillis).getBytes(StandardCharsets.UTF_8);
    return new KafkaRecord<>(
        "t", 0, 0, 0, KafkaTimestampType.CREATE_TIME, null, new byte[0], value);
  }

  private static TimestampPolicy.PartitionContext context(long backlog, long checkedAtMillis) {
    return new TimestampPolicy.PartitionContext() {
      @Override
      public long getMessageBacklog() {
        return backlog;
      }

      @Override
      public Instant getBacklogCheckTime() {
        return new Instant(checkedAtMillis);
      }
    };
  }
}
