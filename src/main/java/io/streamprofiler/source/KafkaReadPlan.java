package io.streamprofiler.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a bounded Kafka read takes, decided once before it starts, so that which records are read
 * never depends on how fast each partition happens to be fetched.
 *
 * <p>Each partition is read from the group's committed offset (or from the start or the end of the
 * partition, as {@code --startFrom} says, for a group that has none). With {@code --maxRecords},
 * the read takes the records waiting when it starts, and of those the oldest {@code maxRecords} by
 * record timestamp across all partitions (ties in partition order): a read of 999 records of a
 * topic holding 1,998 takes the first 999 published, not whatever the consumer fetched first, and
 * says how many it leaves for the next run of the group. With only {@code --maxReadTime}, the read
 * takes what arrives until that time is up.
 */
public record KafkaReadPlan(
    String groupId, List<String> topics, List<KafkaRange> ranges, long waiting, long planned) {

  /** The partitions of the read and where the group stands in each. */
  record Partition(TopicPartition id, long start, long end) {
    long waiting() {
      return Math.max(0, end - start);
    }
  }

  /** How long a call to the broker may take before the read gives up on it. */
  static Duration brokerTimeout(KafkaSettings settings) {
    long limit = settings.maxReadTimeMillis() > 0 ? settings.maxReadTimeMillis() : 30_000;
    return Duration.ofMillis(Math.max(1_000, Math.min(30_000, limit)));
  }

  /** The consumer config of the project's own Kafka reads (no deserializers from Beam). */
  static Map<String, Object> consumerConfig(KafkaSettings settings, Duration timeout) {
    Map<String, Object> config = new HashMap<>(settings.consumerConfig());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    return config;
  }

  /**
   * Asks the broker where the group stands and plans the read.
   *
   * @throws KafkaUnavailableException when the broker does not answer or a topic does not exist
   */
  public static KafkaReadPlan make(KafkaSettings settings) {
    Duration timeout = brokerTimeout(settings);
    long started = System.currentTimeMillis();
    try (Consumer<byte[], byte[]> consumer =
        settings.properties().consumerFactory().apply(consumerConfig(settings, timeout))) {
      List<TopicPartition> ids = new ArrayList<>();
      for (String topic : settings.topics()) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
          throw new KafkaUnavailableException(
              "kafka: topic '" + topic + "' does not exist at " + settings.bootstrapServers());
        }
        infos.forEach(i -> ids.add(new TopicPartition(i.topic(), i.partition())));
      }
      ids.sort(
          Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
      Map<TopicPartition, Long> first = consumer.beginningOffsets(ids, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(ids, timeout);
      Map<TopicPartition, OffsetAndMetadata> committed =
          consumer.committed(new java.util.HashSet<>(ids), timeout);
      List<Partition> partitions = new ArrayList<>();
      for (TopicPartition id : ids) {
        OffsetAndMetadata c = committed.get(id);
        long start =
            c != null
                ? Math.max(c.offset(), first.get(id))
                : settings.startFrom().equals("latest") ? end.get(id) : first.get(id);
        partitions.add(new Partition(id, start, end.get(id)));
      }
      long[] cut =
          cut(partitions, settings.maxRecords(), t -> offsetsAt(consumer, ids, t, timeout));
      long deadline =
          settings.maxReadTimeMillis() > 0 ? started + settings.maxReadTimeMillis() : 0L;
      return plan(settings, partitions, cut, deadline);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new KafkaUnavailableException(
          "kafka: no answer from "
              + settings.bootstrapServers()
              + " within "
              + timeout.toSeconds()
              + " s (--bootstrapServers); is the broker up?");
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new KafkaUnavailableException(
          "kafka: "
              + settings.bootstrapServers()
              + ": "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  private static KafkaReadPlan plan(
      KafkaSettings settings, List<Partition> partitions, long[] cut, long deadline) {
    List<KafkaRange> ranges = new ArrayList<>();
    long waiting = 0;
    long planned = 0;
    for (int i = 0; i < partitions.size(); i++) {
      Partition p = partitions.get(i);
      waiting += p.waiting();
      long to = cut == null ? KafkaRange.OPEN : cut[i];
      if (cut != null) {
        planned += to - p.start();
      }
      if (to > p.start()) {
        ranges.add(new KafkaRange(p.id().topic(), p.id().partition(), p.start(), to, deadline));
      }
    }
    return new KafkaReadPlan(settings.groupId(), settings.topics(), ranges, waiting, planned);
  }

  /**
   * Where each partition's planned range ends: every waiting record when there are at most {@code
   * maxRecords}, else the oldest {@code maxRecords} by record timestamp; null when the read is open
   * (no {@code maxRecords}: it reads until its deadline).
   *
   * @param firstAtOrAfter the offset of each partition's first record stamped at or after a time
   *     (its end offset when there is none), in the order of {@code partitions}
   */
  static long[] cut(
      List<Partition> partitions, long maxRecords, LongFunction<long[]> firstAtOrAfter) {
    if (maxRecords <= 0) {
      return null;
    }
    long[] ends = partitions.stream().mapToLong(Partition::end).toArray();
    long waiting = partitions.stream().mapToLong(Partition::waiting).sum();
    if (waiting <= maxRecords) {
      for (int i = 0; i < ends.length; i++) {
        ends[i] = Math.max(ends[i], partitions.get(i).start());
      }
      return ends;
    }
    // The latest time t at which the records stamped before t number at most maxRecords: the
    // count only grows with t, so a binary search over the timestamps finds it.
    long[] starts = partitions.stream().mapToLong(Partition::start).toArray();
    long[] below = clamp(partitions, firstAtOrAfter.apply(0));
    long[] upTo;
    if (count(partitions, below) > maxRecords) {
      upTo = below; // more than enough records stamped before 1970 (or without a timestamp)
      below = starts;
    } else {
      long lo = 0;
      long hi = Long.MAX_VALUE / 2;
      while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        long[] at = clamp(partitions, firstAtOrAfter.apply(mid));
        if (count(partitions, at) <= maxRecords) {
          lo = mid;
          below = at;
        } else {
          hi = mid;
        }
      }
      upTo = clamp(partitions, firstAtOrAfter.apply(hi));
    }
    // Records stamped at the boundary fill what is left, in partition order.
    long left = maxRecords - count(partitions, below);
    long[] cut = below.clone();
    for (int i = 0; i < cut.length && left > 0; i++) {
      long more = Math.min(left, upTo[i] - below[i]);
      cut[i] += more;
      left -= more;
    }
    return cut;
  }

  private static long[] clamp(List<Partition> partitions, long[] offsets) {
    long[] c = new long[offsets.length];
    for (int i = 0; i < c.length; i++) {
      Partition p = partitions.get(i);
      c[i] = Math.min(p.end(), Math.max(p.start(), offsets[i]));
    }
    return c;
  }

  private static long count(List<Partition> partitions, long[] cut) {
    long n = 0;
    for (int i = 0; i < cut.length; i++) {
      n += cut[i] - partitions.get(i).start();
    }
    return n;
  }

  private static long[] offsetsAt(
      Consumer<byte[], byte[]> consumer, List<TopicPartition> ids, long time, Duration timeout) {
    Map<TopicPartition, Long> query = new HashMap<>();
    ids.forEach(id -> query.put(id, time));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
    Map<TopicPartition, Long> end = null;
    long[] offsets = new long[ids.size()];
    for (int i = 0; i < offsets.length; i++) {
      OffsetAndTimestamp at = found.get(ids.get(i));
      if (at == null) {
        if (end == null) {
          end = consumer.endOffsets(ids, timeout);
        }
        offsets[i] = end.get(ids.get(i));
      } else {
        offsets[i] = at.offset();
      }
    }
    return offsets;
  }

  /** Records the read leaves for the next run of the group. */
  public long leftUnread() {
    return Math.max(0, waiting - planned);
  }

  public boolean open() {
    return ranges.stream().anyMatch(KafkaRange::open);
  }

  /** One line on what the read takes, for standard error. */
  public String describe() {
    String topicsText = String.join(",", topics);
    if (open()) {
      return "kafka: group '"
          + groupId
          + "' reads "
          + topicsText
          + " from "
          + waiting
          + " waiting records on, until --maxReadTime is up";
    }
    if (waiting == 0) {
      return "kafka: nothing to read: group '"
          + groupId
          + "' has read "
          + topicsText
          + " to its end; a run with another --groupId reads it again";
    }
    String line =
        "kafka: group '"
            + groupId
            + "' reads "
            + planned
            + " of the "
            + waiting
            + " records waiting in "
            + topicsText;
    return leftUnread() == 0
        ? line
        : line + "; the newest " + leftUnread() + " stay for the group's next run";
  }
}
