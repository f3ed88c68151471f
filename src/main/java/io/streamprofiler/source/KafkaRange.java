package io.streamprofiler.source;

import java.io.Serializable;

/**
 * The offsets of one partition that a bounded Kafka read takes: {@code [from, to)}, or from {@code
 * from} until the read's deadline when {@code to} is {@link #OPEN}.
 *
 * @param deadlineMillis wall-clock time (epoch ms) at which reading stops; 0 for none
 */
public record KafkaRange(String topic, int partition, long from, long to, long deadlineMillis)
    implements Serializable {

  /** No end offset: records are read as they arrive, until the deadline. */
  public static final long OPEN = Long.MAX_VALUE;

  public boolean open() {
    return to == OPEN;
  }

  /** {@code topic-partition}, as record sources are named. */
  public String name() {
    return topic + "-" + partition;
  }
}
