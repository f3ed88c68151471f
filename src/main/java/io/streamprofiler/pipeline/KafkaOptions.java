package io.streamprofiler.pipeline;

import io.streamprofiler.record.CsvSplitter;
import io.streamprofiler.source.KafkaProperties;
import io.streamprofiler.source.KafkaSettings;
import java.util.Arrays;
import java.util.List;

/** Checks the Kafka options into {@link KafkaSettings}; part of {@link PipelineConfig#from}. */
final class KafkaOptions {
  private KafkaOptions() {}

  /** The columns of Kafka records: there is no file header to read them from. */
  static List<String> header(ProfilerOptions o) {
    String text = o.getCsvHeader() == null ? "" : o.getCsvHeader().trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "--csvHeader: required with --source=kafka, e.g. --csvHeader=ts,device,co,humidity,light,lpg,motion,smoke,temp");
    }
    try {
      return CsvSplitter.split(text);
    } catch (CsvSplitter.MalformedRecordException e) {
      throw new IllegalArgumentException(
          "--csvHeader=" + text + ": not valid CSV: " + e.getMessage());
    }
  }

  static KafkaSettings settings(ProfilerOptions o, boolean reading) {
    String servers = o.getBootstrapServers() == null ? "" : o.getBootstrapServers().trim();
    if (servers.isEmpty()) {
      throw new IllegalArgumentException(
          "--bootstrapServers: required for Kafka, e.g. 127.0.0.1:9092");
    }
    List<String> topics =
        Arrays.stream(o.getTopic().split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    if (reading && topics.isEmpty()) {
      throw new IllegalArgumentException(
          "--topic: required with --source=kafka (several: --topic=a,b)");
    }
    if (!KafkaSettings.START_FROM.contains(o.getStartFrom())) {
      throw new IllegalArgumentException(
          "--startFrom=" + o.getStartFrom() + ": choose earliest or latest");
    }
    if (o.getGroupId() == null || o.getGroupId().isBlank()) {
      throw new IllegalArgumentException(
          "--groupId: must not be empty (offsets are committed to it)");
    }
    if (o.getMaxRecords() == null || o.getMaxRecords() < 0) {
      throw new IllegalArgumentException(
          "--maxRecords=" + o.getMaxRecords() + ": must be 0 (no limit) or more");
    }
    String readTime = o.getMaxReadTime().equals("0") ? "0s" : o.getMaxReadTime();
    long maxReadTime = PipelineConfig.duration("maxReadTime", readTime).getMillis();
    if (maxReadTime < 0) {
      throw new IllegalArgumentException(
          "--maxReadTime=" + o.getMaxReadTime() + ": must be 0 (no limit) or more");
    }
    return new KafkaSettings(
        servers,
        topics,
        o.getGroupId().trim(),
        o.getStartFrom(),
        Boolean.TRUE.equals(o.getKafkaTimestamp()),
        o.getMaxRecords(),
        maxReadTime,
        KafkaProperties.parse(o.getKafkaProperty(), o.getKafkaPropertiesFile()));
  }
}
