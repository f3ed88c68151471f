package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.streamprofiler.testing.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * Kafka secrets given as an option and in a properties file, in real runs at {@code
 * --logLevel=debug} against a real broker (alerts published by a file run; the sample read from
 * Kafka): neither secret appears on standard output or error, in any report, the index, {@code
 * rejected/} or {@code run-summary.json}. Each run is its own JVM, so debug logging is really on.
 */
public class SecretsIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  private static final String OPTION_SECRET = "s3cr3t-0pt10n";
  private static final String FILE_SECRET = "f1le-s3cr3t";
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\""
          + OPTION_SECRET
          + "\";";
  private static final String HEADER = BrokerResource.SAMPLE_HEADER;

  @ClassRule public static final BrokerResource BROKER = new BrokerResource();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private String[] secretOptions() throws IOException {
    Path props = tmp.newFile("client.properties").toPath();
    Files.writeString(
        props,
        "ssl.truststore.password="
            + FILE_SECRET
            + "\nsasl.password="
            + FILE_SECRET
            + "\nclient.id=secrets-it\n");
    return new String[] {
      "--kafkaProperty=sasl.mechanism=PLAIN,sasl.jaas.config=" + JAAS,
      "--kafkaPropertiesFile=" + props,
      "--bootstrapServers=" + BROKER.bootstrap(),
      "--logLevel=debug"
    };
  }

  @Test
  public void aFileRunPublishingAlertsShowsNoSecret() throws Exception {
    Path out = tmp.newFolder("file-run").toPath();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=data/iot_telemetry_data_1000.csv",
                "--output=" + out,
                "--alertsTopic=secret-alerts"));
    args.addAll(List.of(secretOptions()));
    assertNoSecret(run(args), out);
  }

  @Test
  public void aKafkaRunShowsNoSecret() throws Exception {
    assertThat(
        PublishCsv.publish(
            BROKER.bootstrap(),
            Path.of("data/iot_telemetry_data_1000.csv"),
            "secret-in",
            "device",
            2,
            0),
        is(999L));
    Path out = tmp.newFolder("kafka-run").toPath();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--source=kafka",
                "--topic=secret-in",
                "--csvHeader=" + HEADER,
                "--maxRecords=999",
                "--maxReadTime=120s",
                "--groupId=secrets",
                "--output=" + out));
    args.addAll(List.of(secretOptions()));
    assertNoSecret(run(args), out);
  }

  private static void assertNoSecret(Path log, Path out) throws IOException {
    boolean summary = false;
    long debug = 0;
    long lines = 0;
    try (java.io.BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        summary |= line.startsWith("summary: rows_read=999 rows_profiled=999");
        debug += line.contains("DEBUG") ? 1 : 0;
        assertThat(line, not(containsString(OPTION_SECRET)));
        assertThat(line, not(containsString(FILE_SECRET)));
      }
    }
    System.out.printf(
        "%s: %d lines printed, %d at DEBUG, %d MB%n",
        out.getFileName(), lines, debug, Files.size(log) >> 20);
    assertThat(summary, is(true));
    assertThat("debug logging is on", debug, greaterThan(100L));
    int files = 0;
    try (Stream<Path> all = Files.walk(out)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        assertThat(f.toString(), text, not(containsString(OPTION_SECRET)));
        assertThat(f.toString(), text, not(containsString(FILE_SECRET)));
        files++;
      }
    }
    assertThat(files, greaterThan(6));
    assertThat(Files.exists(out.resolve("run-summary.json")), is(true));
    assertThat(Files.exists(out.resolve("index.html")), is(true));
  }

  /** Main in a JVM of its own; its standard output and error together. */
  private Path run(List<String> args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.streamprofiler.cli.Main"));
    command.addAll(args);
    Path log = tmp.newFile().toPath();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(150, TimeUnit.SECONDS)) {
        throw new AssertionError("the run did not end in 150 s");
      }
    } finally {
      p.destroyForcibly();
    }
    if (p.exitValue() != 0) {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new AssertionError(
          "exit "
              + p.exitValue()
              + ":\n"
              + String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size())));
    }
    return log;
  }
}
