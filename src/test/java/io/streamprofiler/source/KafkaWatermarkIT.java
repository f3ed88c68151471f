package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.pipeline.PipelineConfig;
import io.streamprofiler.pipeline.ProfilePipeline;
import io.streamprofiler.pipeline.ProfilerOptions;
import io.streamprofiler.testing.Deadline;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * The watermark of a stream read from Kafka (no end): partitions without records must not hold the
 * windows of a busy one open, and records already waiting in a partition must not be overtaken by
 * the watermark the other partitions move up. Each test writes the sample (one hour of three
 * devices) and one record two hours later, which closes the first hour's windows, to chosen
 * partitions before the read starts, then waits for the first hour's reports and stops the job.
 */
public class KafkaWatermarkIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  private static final String HEADER = BrokerResource.SAMPLE_HEADER;
  private static final Map<String, Long> SAMPLE_ROWS = BrokerResource.SAMPLE_ROWS;
  private static final String END = "1594519300,zz-end,0.004,51.0,false,0.007,false,0.02,20";

  @ClassRule public static final BrokerResource BROKER = new BrokerResource();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final ObjectMapper json = new ObjectMapper();

  @Test
  public void emptyPartitionsDoNotHoldTheWindowsOfTheBusyOneOpen() throws Exception {
    PublishCsv.createTopic(BROKER.bootstrap(), "one-busy", 3);
    publish("one-busy", device -> 0); // partitions 1 and 2 never get a record
    File out = tmp.newFolder("one-busy");
    assertThat(firstHour(stream("one-busy", out), out), is(SAMPLE_ROWS));
  }

  @Test
  public void recordsWaitingInAQuietPartitionAreNotOvertakenByTheWatermark() throws Exception {
    PublishCsv.createTopic(BROKER.bootstrap(), "behind", 2);
    // partition 0 runs two hours ahead; partition 1 holds one device's first hour, unread
    publish("behind", device -> device.startsWith("1c:") ? 1 : 0);
    File out = tmp.newFolder("behind");
    assertThat(firstHour(stream("behind", out), out), is(SAMPLE_ROWS));
    assertThat("nothing too late", new File(out, "late").exists(), is(false));
  }

  /** The sample, then the record that closes its hour, each device to the partition chosen. */
  private void publish(String topic, java.util.function.ToIntFunction<String> partitionOf)
      throws Exception {
    List<String> lines = Files.readAllLines(Path.of("data/iot_telemetry_data_1000.csv"));
    Map<String, Object> config = new HashMap<>(KafkaProperties.PRODUCER_DEFAULTS);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrap());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String line : lines.subList(1, lines.size())) {
        String device = line.split(",")[1];
        producer.send(new ProducerRecord<>(topic, partitionOf.applyAsInt(device), device, line));
      }
      producer.send(new ProducerRecord<>(topic, 0, "zz-end", END)).get();
    }
  }

  private PipelineResult stream(String topic, File out) {
    String[] args = {
      "--runner=DirectRunner",
      "--blockOnRun=false",
      "--source=kafka",
      "--bootstrapServers=" + BROKER.bootstrap(),
      "--topic=" + topic,
      "--groupId=" + topic,
      "--csvHeader=" + HEADER,
      "--quiet=true",
      "--output=" + out
    };
    PipelineOptionsFactory.register(ProfilerOptions.class);
    ProfilerOptions options = PipelineOptionsFactory.fromArgs(args).as(ProfilerOptions.class);
    return ProfilePipeline.run(options, PipelineConfig.from(options));
  }

  /**
   * Rows per device of the first hour's reports, once all three are written; every one on time,
   * with no late row. Stops the job.
   */
  private Map<String, Long> firstHour(PipelineResult job, File out) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    try {
      Map<String, Long> rows = Map.of();
      while (System.nanoTime() < deadline) {
        rows = rows(out, pane -> pane == 0);
        if (rows.size() == SAMPLE_ROWS.size()) {
          Thread.sleep(1_500); // a late revision, if any, would land now
          assertThat("only on-time panes", rows(out, pane -> pane > 0), is(Map.of()));
          return rows;
        }
        Thread.sleep(200);
      }
      return rows;
    } finally {
      job.cancel();
    }
  }

  private Map<String, Long> rows(File out, IntPredicate paneWanted) throws IOException {
    Map<String, Long> rows = new HashMap<>();
    if (!out.exists()) {
      return rows;
    }
    try (Stream<Path> files = Files.walk(out.toPath())) {
      for (Path p : files.filter(f -> f.toString().matches(".*_pane[0-9]+\\.json")).toList()) {
        JsonNode r = json.readTree(Files.readString(p, StandardCharsets.UTF_8));
        if (!paneWanted.test(r.get("pane").get("index").asInt())
            || !r.get("window").get("start").asText().equals("2020-07-12T00:00:00Z")) {
          continue;
        }
        assertThat(r.get("pane").get("timing").asText(), is("ON_TIME"));
        assertThat(r.get("pane").get("late_rows").asLong(), is(0L));
        rows.put(r.get("key").asText(), r.get("table").get("n").asLong());
      }
    }
    return rows;
  }
}
