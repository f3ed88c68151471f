package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprofiler.cli.Main;
import io.streamprofiler.compare.SchemaChanges;
import io.streamprofiler.pipeline.SchemaChangesPipelineTest;
import io.streamprofiler.testing.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * Kafka in and out against a real broker started from the project's scripts: the sample published
 * to a topic of three partitions keyed by device, read back with a bounded read into the same three
 * profiles as the file, alerts published and consumed, offsets committed and honoured by a restart,
 * JSON messages, rejected messages, broker time and per-partition lateness.
 */
public class KafkaIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  private static final String HEADER = BrokerResource.SAMPLE_HEADER;
  private static final Path SAMPLE = Path.of("data/iot_telemetry_data_1000.csv");
  private static final Map<String, Long> SAMPLE_ROWS = BrokerResource.SAMPLE_ROWS;

  @ClassRule public static final BrokerResource BROKER = new BrokerResource();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final ObjectMapper json = new ObjectMapper();

  @Test
  public void theSamplePublishedToKafkaGivesTheFileProfilesAndItsAlertsArePublished()
      throws Exception {
    assertThat(PublishCsv.publish(BROKER.bootstrap(), SAMPLE, "sample", "device", 3, 0), is(999L));
    File out = tmp.newFolder("reports");
    long start = System.nanoTime();
    run(
        "--topic=sample",
        "--groupId=sample-1",
        "--maxRecords=999",
        "--alertsTopic=sample-alerts",
        "--output=" + out);
    System.out.printf("sample run: %d ms%n", (System.nanoTime() - start) / 1_000_000);

    List<JsonNode> reports = reports(out);
    assertThat(rowsByDevice(reports), is(SAMPLE_ROWS));
    for (JsonNode r : reports) {
      assertThat(r.get("window").get("start").asText(), is("2020-07-12T00:00:00Z"));
    }
    JsonNode summary = summary(out);
    assertThat(summary.get("rows_read").asLong(), is(999L));
    assertThat(summary.get("rows_profiled").asLong(), is(999L));

    List<ObjectNode> expected = new ArrayList<>();
    for (JsonNode r : reports) {
      for (JsonNode alert : r.get("alerts")) {
        ObjectNode m = json.createObjectNode();
        m.put("key", r.get("key").asText());
        m.set("window", r.get("window"));
        m.set("pane", r.get("pane"));
        m.setAll((ObjectNode) alert);
        expected.add(m);
      }
    }
    assertThat(expected.size(), greaterThan(0));
    List<ConsumerRecord<String, String>> published = consume("sample-alerts", expected.size());
    List<JsonNode> messages = new ArrayList<>();
    for (ConsumerRecord<String, String> m : published) {
      JsonNode message = json.readTree(m.value());
      assertThat("keyed by device", m.key(), is(message.get("key").asText()));
      messages.add(message);
    }
    assertThat(messages, containsInAnyOrder(expected.toArray()));
  }

  /**
   * Schema and format changes read from Kafka reach the alerts topic like every other alert: the
   * stream of {@code SchemaChangesPipelineTest} (device a's temp turns into text for an hour,
   * device b's light starts carrying values, device c does not change).
   */
  @Test
  public void schemaChangesReadFromKafkaArePublishedOnTheAlertsTopic() throws Exception {
    Path csv = tmp.newFile("changes.csv").toPath();
    Files.write(csv, SchemaChangesPipelineTest.changingStream());
    assertThat(PublishCsv.publish(BROKER.bootstrap(), csv, "changes", "device", 3, 0), is(720L));
    File out = tmp.newFolder("changes");
    run(
        "--topic=changes",
        "--groupId=changes-1",
        "--maxRecords=720",
        "--alertsTopic=changes-alerts",
        "--output=" + out);
    int alerts = 0;
    for (JsonNode r : reports(out)) {
      alerts += r.get("alerts").size();
    }
    List<String> schema = new ArrayList<>();
    for (ConsumerRecord<String, String> m : consume("changes-alerts", alerts)) {
      JsonNode message = json.readTree(m.value());
      if (SchemaChanges.TYPES.contains(message.get("type").asText())) {
        schema.add(
            m.key()
                + " "
                + message.get("window").get("start").asText()
                + " "
                + message.get("column").asText()
                + " "
                + message.get("type").asText());
      }
    }
    assertThat(
        schema,
        containsInAnyOrder(
            "a 2020-07-12T02:00:00Z temp TYPE_CHANGED",
            "a 2020-07-12T03:00:00Z temp TYPE_CHANGED",
            "b 2020-07-12T02:00:00Z light SCHEMA_COLUMN_ADDED"));
  }

  @Test
  public void aRestartWithTheSameGroupReadsOnFromTheCommittedOffsets() throws Exception {
    List<String> lines = Files.readAllLines(SAMPLE);
    Path first = tmp.newFile("first.csv").toPath();
    Path rest = tmp.newFile("rest.csv").toPath();
    Files.write(first, lines.subList(0, 501));
    List<String> second = new ArrayList<>(List.of(lines.get(0)));
    second.addAll(lines.subList(501, lines.size()));
    Files.write(rest, second);

    PublishCsv.publish(BROKER.bootstrap(), first, "halves", "device", 3, 0);
    File out1 = tmp.newFolder("run1");
    run("--topic=halves", "--groupId=halves", "--maxRecords=500", "--output=" + out1);
    PublishCsv.publish(BROKER.bootstrap(), rest, "halves", "device", 3, 0);
    File out2 = tmp.newFolder("run2");
    long start = System.nanoTime();
    run(
        "--topic=halves",
        "--groupId=halves",
        "--maxRecords=499",
        "--maxReadTime=60s",
        "--output=" + out2);
    System.out.printf("restarted run: %d ms%n", (System.nanoTime() - start) / 1_000_000);

    assertThat(
        summary(out1).get("rows_read").asLong() + summary(out2).get("rows_read").asLong(),
        is(999L));
    Map<String, Long> total = new HashMap<>(rowsByDevice(reports(out1)));
    rowsByDevice(reports(out2)).forEach((k, v) -> total.merge(k, v, Long::sum));
    assertThat(total, is(SAMPLE_ROWS));
    // No row profiled twice: each device's second run starts after its first run ends.
    Map<String, String> lastOfRun1 = new HashMap<>();
    for (JsonNode r : reports(out1)) {
      lastOfRun1.put(r.get("key").asText(), r.get("table").get("last_event").asText());
    }
    for (JsonNode r : reports(out2)) {
      String firstOfRun2 = r.get("table").get("first_event").asText();
      assertThat(firstOfRun2.compareTo(lastOfRun1.get(r.get("key").asText())), greaterThan(0));
    }
  }

  @Test
  public void jsonMessagesAreProfiledAndUnreadableOnesRejected() throws Exception {
    PublishCsv.createTopic(BROKER.bootstrap(), "json", 2);
    List<String> lines = Files.readAllLines(SAMPLE);
    List<String> columns = List.of(HEADER.split(","));
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        StringBuilder object = new StringBuilder("{");
        for (int i = 0; i < f.length; i++) {
          boolean text = columns.get(i).equals("device");
          object
              .append(i == 0 ? "" : ",")
              .append('"')
              .append(columns.get(i))
              .append("\":")
              .append(text ? "\"" + f[i] + "\"" : f[i]);
        }
        producer.send(
            new ProducerRecord<>(
                "json",
                f[1].getBytes(StandardCharsets.UTF_8),
                object.append('}').toString().getBytes(StandardCharsets.UTF_8)));
      }
      producer.send(new ProducerRecord<>("json", new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'}));
      producer.send(new ProducerRecord<>("json", "ts,device".getBytes(StandardCharsets.UTF_8)));
      producer.send(
          new ProducerRecord<>(
              "json", "{\"device\":\"x\",\"temp\":1}".getBytes(StandardCharsets.UTF_8)));
    }
    File out = tmp.newFolder("json");
    run("--topic=json", "--format=json", "--groupId=json", "--maxRecords=1002", "--output=" + out);

    assertThat(rowsByDevice(reports(out)), is(SAMPLE_ROWS));
    assertThat(summary(out).get("rows_rejected").asLong(), is(3L));
    String rejected = readAll(new File(out, "rejected").toPath());
    assertThat(rejected, containsString("not valid UTF-8"));
    assertThat(rejected, containsString("not valid JSON"));
    assertThat(rejected, containsString("missing timestamp in column 'ts'"));
    assertThat(rejected, containsString("\"source\":\"json-"));
  }

  @Test
  public void brokerTimeWindowsRowsAndBadCsvIsRejected() throws Exception {
    PublishCsv.createTopic(BROKER.bootstrap(), "broker-time", 1);
    long brokerTime = java.time.Instant.parse("2021-01-01T00:10:00Z").toEpochMilli();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = 0; i < 3; i++) {
        String line = "1594512094.38597" + i + ",dev,0.004,51.0,false,0.007,false,0.02," + (20 + i);
        producer.send(
            new ProducerRecord<>(
                "broker-time",
                0,
                brokerTime + i * 1000L,
                null,
                line.getBytes(StandardCharsets.UTF_8)));
      }
      producer.send(
          new ProducerRecord<>("broker-time", 0, brokerTime, null, new byte[] {(byte) 0xFF, ','}));
      producer.send(
          new ProducerRecord<>(
              "broker-time",
              0,
              brokerTime,
              null,
              "\"unterminated,dev".getBytes(StandardCharsets.UTF_8)));
      producer.send(
          new ProducerRecord<>(
              "broker-time",
              0,
              brokerTime,
              null,
              ",dev,0.004,51.0,false,0.007,false,0.02,20".getBytes(StandardCharsets.UTF_8)));
    }
    File out = tmp.newFolder("broker-time");
    run(
        "--topic=broker-time",
        "--kafkaTimestamp=true",
        "--groupId=bt",
        "--maxRecords=6",
        "--output=" + out);

    List<JsonNode> reports = reports(out);
    assertThat(reports.size(), is(1));
    assertThat(reports.get(0).get("window").get("start").asText(), is("2021-01-01T00:00:00Z"));
    assertThat(reports.get(0).get("table").get("n").asLong(), is(3L));
    String rejected = readAll(new File(out, "rejected").toPath());
    assertThat(rejected.lines().count(), is(3L));
    assertThat(rejected, containsString("not valid UTF-8"));
    assertThat(rejected, containsString("missing timestamp in column 'ts'"));
    assertThat(rejected, containsString("\"line\":4"));
  }

  /**
   * One partition, so the arrival of every record is decided by the records before it alone: window
   * 1h, allowed lateness and out-of-orderness 30s.
   */
  @Test
  public void lateAndTooLateRecordsAreClassifiedAgainstTheirPartitionsWatermark() throws Exception {
    PublishCsv.createTopic(BROKER.bootstrap(), "late", 1);
    String[] times = {"00:10:00", "01:00:40", "00:59:50", "01:30:00", "00:20:00"};
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (String t : times) {
        long s = java.time.Instant.parse("2020-07-12T" + t + "Z").getEpochSecond();
        String line = s + ",dev,0.004,51.0,false,0.007,false,0.02,20";
        producer.send(new ProducerRecord<>("late", line.getBytes(StandardCharsets.UTF_8)));
      }
    }
    File out = tmp.newFolder("late");
    run("--topic=late", "--groupId=late", "--maxRecords=5", "--output=" + out);

    JsonNode summary = summary(out);
    assertThat(summary.get("rows_profiled").asLong(), is(4L));
    assertThat(summary.get("rows_dropped_late").asLong(), is(1L));
    JsonNode first =
        reports(out).stream()
            .filter(r -> r.get("window").get("start").asText().endsWith("T00:00:00Z"))
            .findFirst()
            .orElseThrow();
    assertThat(first.get("table").get("n").asLong(), is(2L));
    assertThat(first.get("pane").get("late_rows").asLong(), is(1L));
    String late = readAll(new File(out, "late").toPath());
    assertThat(late, containsString("\"event_time\":\"2020-07-12T00:20:00Z\""));
    assertThat(late, containsString("\"watermark\":\"2020-07-12T01:29:30Z\""));
    assertThat(late, containsString("\"source\":\"late-0@4\""));
  }

  private void run(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--runner=DirectRunner",
                "--source=kafka",
                "--bootstrapServers=" + BROKER.bootstrap(),
                "--csvHeader=" + HEADER,
                "--quiet=true"));
    all.addAll(List.of(args));
    if (all.stream().noneMatch(a -> a.startsWith("--maxReadTime="))) {
      all.add("--maxReadTime=120s"); // a record that never arrives fails the test, not the build's
      // clock
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            all.toArray(String[]::new),
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8), status, is(Main.OK));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>(KafkaProperties.PRODUCER_DEFAULTS);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrap());
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Reads {@code count} messages from the start of a topic, failing after 30 s. */
  private List<ConsumerRecord<String, String>> consume(String topic, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            BROKER.bootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      // anything beyond the expected count would be a duplicate alert
      consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
    }
    assertThat(records.size(), is(count));
    return records;
  }

  private List<JsonNode> reports(File out) throws IOException {
    List<JsonNode> reports = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.toPath())) {
      for (Path p :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".json")
                          && !p.getFileName().toString().equals("run-summary.json"))
              .toList()) {
        reports.add(json.readTree(p.toFile()));
      }
    }
    return reports;
  }

  private static Map<String, Long> rowsByDevice(List<JsonNode> reports) {
    Map<String, Long> rows = new HashMap<>();
    for (JsonNode r : reports) {
      assertThat(
          "one pane per window in a bounded read", r.get("pane").get("index").asLong(), is(0L));
      rows.merge(r.get("key").asText(), r.get("table").get("n").asLong(), Long::sum);
    }
    return rows;
  }

  private JsonNode summary(File out) throws IOException {
    JsonNode s = json.readTree(new File(out, "run-summary.json"));
    assertThat(s.get("balanced").asBoolean(), is(true));
    return s;
  }

  private static String readAll(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }
}
