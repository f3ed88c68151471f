package io.streamprofiler.source;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Where and how to read Kafka.
 *
 * @param topics one or more topics, read together
 * @param groupId the consumer group whose committed offsets a restart resumes from
 * @param startFrom {@code earliest} or {@code latest}: where a group without committed offsets
 *     starts
 * @param brokerTime event time is the broker's record timestamp, not the timestamp column
 * @param maxRecords stop after this many records (0: never); see {@link ReadKafka}
 * @param maxReadTimeMillis stop after reading this long (0: never)
 */
public record KafkaSettings(
    String bootstrapServers,
    List<String> topics,
    String groupId,
    String startFrom,
    boolean brokerTime,
    long maxRecords,
    long maxReadTimeMillis,
    KafkaProperties properties)
    implements Serializable {

  public static final List<String> START_FROM = List.of("earliest", "latest");

  /** The consumer config shown in Beam's display data: no secrets (see {@link KafkaProperties}). */
  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = new TreeMap<>(properties.plain());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startFrom);
    // offsets are committed when Beam finalizes a checkpoint, never before the rows are safe
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return config;
  }

  public boolean bounded() {
    return maxRecords > 0 || maxReadTimeMillis > 0;
  }

  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers="
        + bootstrapServers
        + ", topics="
        + topics
        + ", groupId="
        + groupId
        + ", startFrom="
        + startFrom
        + ", brokerTime="
        + brokerTime
        + ", maxRecords="
        + maxRecords
        + ", maxReadTimeMillis="
        + maxReadTimeMillis
        + ", properties="
        + properties
        + "]";
  }
}
