package io.streamprofiler.source;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Feeds a topic with a CSV file, one message per record (the header is not sent), keyed by the key
 * column so each key stays in one partition and in file order. A demo and test tool, run by {@code
 * runners/kafka/publish.sh FILE TOPIC [RATE]}: RATE messages per second, or as fast as possible.
 * Creates the topic with {@code PARTITIONS} partitions (default 3) when it is missing. Environment:
 * {@code KAFKA_BOOTSTRAP} (default 127.0.0.1:9092), {@code KEY_COLUMN} (device).
 */
public final class PublishCsv {
  private PublishCsv() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: publish.sh FILE TOPIC [MESSAGES_PER_SECOND]");
      System.exit(2);
    }
    String bootstrap = env("KAFKA_BOOTSTRAP", "127.0.0.1:" + env("KAFKA_PORT", "9092"));
    double rate = args.length == 3 ? Double.parseDouble(args[2]) : 0;
    long sent =
        publish(
            bootstrap,
            Path.of(args[0]),
            args[1],
            env("KEY_COLUMN", "device"),
            Integer.parseInt(env("PARTITIONS", "3")),
            rate);
    System.out.println("published " + sent + " messages to " + args[1] + " at " + bootstrap);
  }

  /**
   * @return the number of messages sent, all acknowledged by the broker
   */
  public static long publish(
      String bootstrap, Path file, String topic, String keyColumn, int partitions, double perSecond)
      throws IOException, InterruptedException, ExecutionException {
    createTopic(bootstrap, topic, partitions);
    Map<String, Object> config = new HashMap<>(KafkaProperties.PRODUCER_DEFAULTS);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acknowledged = new AtomicLong();
    long sent = 0;
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(file);
        CsvReader reader = CsvReader.utf8(in, 1 << 20);
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      CsvReader.Record header = reader.next();
      int key = header == null ? -1 : CsvSplitter.split(header.text()).indexOf(keyColumn);
      if (key < 0) {
        throw new IllegalArgumentException(file + ": no column '" + keyColumn + "' in the header");
      }
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        if (perSecond > 0) {
          long due = start + (long) (sent * 1e9 / perSecond);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        producer.send(
            new ProducerRecord<>(topic, keyOf(r.text(), key), r.text()),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.incrementAndGet();
              } else {
                failure.compareAndSet(null, error);
              }
            });
        sent++;
      }
      producer.flush();
    } catch (CsvSplitter.MalformedRecordException e) {
      throw new IllegalArgumentException(file + ": the header is not valid CSV: " + e.getMessage());
    }
    if (failure.get() != null || acknowledged.get() != sent) {
      throw new IOException(
          String.format(
              "%s: %d of %d messages were not acknowledged by %s: %s",
              topic, sent - acknowledged.get(), sent, bootstrap, failure.get()));
    }
    return sent;
  }

  /** The key column's value, or null (any partition) for a record that cannot be split. */
  private static String keyOf(String line, int column) {
    try {
      List<String> fields = CsvSplitter.split(line);
      return column < fields.size() ? fields.get(column) : null;
    } catch (CsvSplitter.MalformedRecordException e) {
      return null;
    }
  }

  /**
   * Creates the topic when it is missing, then waits until every partition has a leader: a producer
   * that starts sending before that is refused and has to retry.
   */
  public static void createTopic(String bootstrap, String topic, int partitions)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        try {
          admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!everyPartitionLed(admin, topic)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(topic + ": partitions without a leader after 30 s");
        }
        Thread.sleep(100);
      }
    }
  }

  private static boolean everyPartitionLed(Admin admin, String topic) throws InterruptedException {
    try {
      TopicDescription d = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
      return d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException e) {
      return false; // not known to every part of the broker yet
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
