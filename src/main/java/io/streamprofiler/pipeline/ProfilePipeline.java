package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.record.RowBatch;
import io.streamprofiler.record.RowBatchCoder;
import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.source.ReadCsvFiles;
import io.streamprofiler.source.ReadKafka;
import io.streamprofiler.source.ReplayCsvSource;
import io.streamprofiler.source.ReplaySettings;
import io.streamprofiler.source.SourceChunk;
import io.streamprofiler.source.SourceChunkCoder;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The profiling pipeline: read → parse and stamp → key → window and group → profile → render →
 * write, with rejected records written beside the reports.
 */
public final class ProfilePipeline {
  private ProfilePipeline() {}

  /** Builds the pipeline for {@code options} and starts it; only the command line waits. */
  public static PipelineResult run(ProfilerOptions options, PipelineConfig config) {
    Pipeline pipeline = Pipeline.create(options);
    applyTransforms(pipeline, config);
    return pipeline.run();
  }

  private static boolean onFlink(Pipeline pipeline) {
    return pipeline.getOptions().getRunner().getSimpleName().equals("FlinkRunner");
  }

  /** How long a replayed late line waits: Flink publishes watermarks on a clock of its own. */
  static long lateSettleMillis(Pipeline pipeline) {
    return ReplaySettings.lateSettleFor(
        onFlink(pipeline)
            ? pipeline.getOptions().as(FlinkPipelineOptions.class).getAutoWatermarkInterval()
            : null);
  }

  /** Adds every step to {@code pipeline}; tests call this directly with a TestPipeline. */
  public static void applyTransforms(Pipeline pipeline, PipelineConfig config) {
    PCollection<SourceChunk> chunks =
        switch (config.source()) {
          case "file" ->
              pipeline.apply(
                  "ReadCsv",
                  new ReadCsvFiles(config.input(), config.schema(), config.maxLineLength()));
          case "kafka" ->
              pipeline
                  .apply(
                      "ReadKafka",
                      new ReadKafka(config.kafka(), config.parser(), config.arrivalRule()))
                  .apply(
                      "OneLineChunks",
                      MapElements.into(TypeDescriptor.of(SourceChunk.class)).via(SourceChunk::of))
                  .setCoder(SourceChunkCoder.of());
          default ->
              pipeline.apply(
                  "ReplayCsv",
                  Read.from(
                      ReplayCsvSource.of(
                          config.input(),
                          config.replaySettings(!onFlink(pipeline), lateSettleMillis(pipeline)))));
        };
    boolean brokerTime = config.source().equals("kafka") && config.kafka().brokerTime();
    PCollectionTuple parsed =
        chunks.apply(
            "ParseRecords",
            new ParseRecords(config.parser(), brokerTime, config.windowSize().getMillis()));
    parsed
        .get(ParseRecords.SET_ASIDE)
        .apply("WriteRejectedAndLate", new WriteJsonLines(config.output()));
    profile(parsed.get(ParseRecords.ROWS), config);
  }

  /** The part after parsing, shared by every source. */
  static void profile(PCollection<RowBatch> rows, PipelineConfig config) {
    PCollectionTuple profiled =
        rows.apply(
                "KeyBy" + camel(config.schema().keyColumn()),
                WithKeys.of((RowBatch batch) -> batch.key()).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), RowBatchCoder.of()))
            .apply(
                "ProfileWindows",
                new ProfileWindows(
                    config.windowSize(),
                    config.allowedLateness(),
                    config.earlyFiringInterval(),
                    config.schema(),
                    config.settings(),
                    config.exactMaxRows(),
                    config.keepStates()));
    PCollection<Drifted> drifted =
        profiled
            .get(ProfileWindows.PROFILES)
            .apply(
                "DriftAgainstBaseline",
                new DriftAgainstBaseline(
                    config.drift(),
                    DriftAgainstBaseline.keptWindows(
                        config.windowSize(), config.allowedLateness())));
    PCollection<KV<ReportDestination, String>> written =
        report(drifted, "WriteMetricsTable", "RenderReports", config);
    PCollection<Drifted> merged = null;
    if (config.keepStates()) {
      merged =
          profiled.get(ProfileWindows.STATES).apply("RollUpsAndFleet", new MergeStates(config));
      written =
          PCollectionList.of(
                  written.apply(
                      "WrittenIntoGlobalWindow",
                      Window.<KV<ReportDestination, String>>into(new GlobalWindows())))
              .and(report(merged, "RollUpsAndFleetMetricsTable", "RenderRollUpsAndFleet", config))
              .apply("AllReportsWritten", Flatten.pCollections());
    }
    written.apply("WriteIndex", new WriteIndex(config.output()));
    written.apply(
        "CountReportedRows",
        new CountReportedRows(
            CountReportedRows.keptWindows(config.windowSize(), config.allowedLateness())));
    if (!config.alertsTopic().isEmpty()) {
      (merged == null ? drifted : all(drifted, merged))
          .apply(
              "DriftedProfiles",
              MapElements.into(TypeDescriptor.of(Profile.class)).via(Drifted::profile))
          .setCoder(new ProfileCoder())
          .apply(
              "PublishAlerts",
              new PublishAlerts(
                  config.kafka().bootstrapServers(),
                  config.alertsTopic(),
                  config.kafka().properties()));
    }
  }

  /**
   * Writes each profile's metrics-table rows when there is a table, then renders and writes its
   * reports: one line of steps, each with one consumer, so Flink chains them and hands each profile
   * on as the same object. A profile read by two steps, or flattened with another stream before
   * rendering, crossed Flink's network stack instead: encoded and decoded once per reader, which
   * was most of what the metrics table and the roll-ups added to a Flink run.
   */
  private static PCollection<KV<ReportDestination, String>> report(
      PCollection<Drifted> profiles, String tableStep, String renderStep, PipelineConfig config) {
    if (!config.metricsTable().isEmpty()) {
      profiles = profiles.apply(tableStep, new WriteMetricsTable(config.metricsTable()));
    }
    return profiles.apply(
        renderStep,
        new RenderReports(config.schema().keyColumn(), config.quiet(), config.output()));
  }

  /** The windows' profiles and the roll-ups' and fleet's, for the alerts. */
  private static PCollection<Drifted> all(
      PCollection<Drifted> drifted, PCollection<Drifted> merged) {
    return PCollectionList.of(
            drifted
                .apply("IntoGlobalWindow", Window.<Drifted>into(new GlobalWindows()))
                .setCoder(new DriftedCoder()))
        .and(merged)
        .apply("AllProfiles", Flatten.pCollections())
        .setCoder(new DriftedCoder());
  }

  private static String camel(String column) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : column.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return b.length() == 0 ? "Key" : b.toString();
  }
}
