package io.streamprofiler.source;

/**
 * Kafka cannot be read as asked: the broker does not answer, a topic does not exist, or records
 * known to be waiting stop arriving. The message is one line that says which and where.
 */
public final class KafkaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaUnavailableException(String message) {
    super(message);
  }
}
