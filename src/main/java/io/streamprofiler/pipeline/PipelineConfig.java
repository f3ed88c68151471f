package io.streamprofiler.pipeline;

import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.record.ColumnMapping;
import io.streamprofiler.record.Durations;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import io.streamprofiler.source.ArrivalRule;
import io.streamprofiler.source.CsvHeader;
import io.streamprofiler.source.HeaderChange;
import io.streamprofiler.source.InputHeaders;
import io.streamprofiler.source.KafkaSettings;
import io.streamprofiler.source.ReplaySettings;
import io.streamprofiler.source.SourceChunk;
import java.io.Serializable;
import java.util.List;
import org.joda.time.Duration;

/**
 * The checked, plain values a pipeline is built from. Every check of the options happens here,
 * before any transform exists, so a wrong option ends with one line that names it.
 *
 * @param headerChanges the input's files whose header differs from the first file's: the run's
 *     columns are all of theirs together, and the command line warns of each
 */
public record PipelineConfig(
    String source,
    String input,
    String output,
    RowParser parser,
    Duration windowSize,
    Duration allowedLateness,
    Duration maxOutOfOrderness,
    double replaySpeed,
    boolean follow,
    Duration earlyFiringInterval,
    int maxLineLength,
    ProfileSettings settings,
    boolean quiet,
    DriftConfig drift,
    KafkaSettings kafka,
    String alertsTopic,
    long exactMaxRows,
    List<Duration> rollups,
    boolean fleet,
    String metricsTable,
    List<HeaderChange> headerChanges)
    implements Serializable {

  public static final java.util.Set<String> SOURCES = java.util.Set.of("replay", "file", "kafka");
  public static final java.util.Set<String> FORMATS = java.util.Set.of("csv", "json");

  /**
   * @throws IllegalArgumentException naming the option that is wrong and what would be right
   */
  public static PipelineConfig from(ProfilerOptions options) {
    if (!SOURCES.contains(options.getSource())) {
      throw new IllegalArgumentException(
          "--source=" + options.getSource() + ": choose replay, file or kafka");
    }
    boolean kafkaSource = options.getSource().equals("kafka");
    if (!FORMATS.contains(options.getFormat())
        || (!kafkaSource && !options.getFormat().equals("csv"))) {
      throw new IllegalArgumentException(
          "--format=" + options.getFormat() + ": choose csv, or json with --source=kafka");
    }
    InputHeaders files = kafkaSource ? null : InputHeaders.read(options.getInput());
    List<String> header = kafkaSource ? KafkaOptions.header(options) : files.first();
    // the key and time columns are looked up in the first file's header, as for a single file
    Schema first = Schema.of(header, options.getKeyColumn(), options.getTimestampColumn());
    Schema schema =
        (files == null ? first : first.withColumns(files.columns(first)))
            .withTypes(ColumnOptions.types(options.getColumnTypes()));
    TimestampFormat timestamps =
        TimestampFormat.of(options.getTimestampFormat(), options.getTimeZone());
    RowParser parser =
        new RowParser(
            schema,
            timestamps,
            RowParser.missingTokens(options.getMissingValues()),
            ColumnOptions.missingValues(options.getColumnMissingValues()),
            options.getKeySeparator());
    if (options.getFormat().equals("json")) {
      parser = parser.forJson();
    }
    if (!kafkaSource) {
      checkFirstTimestamp(options, parser, header);
    }
    String alertsTopic = options.getAlertsTopic() == null ? "" : options.getAlertsTopic().trim();
    KafkaSettings kafka =
        kafkaSource || !alertsTopic.isEmpty() ? KafkaOptions.settings(options, kafkaSource) : null;
    Duration size = duration("windowSize", options.getWindowSize());
    if (size.getMillis() <= 0) {
      throw new IllegalArgumentException(
          "--windowSize=" + options.getWindowSize() + ": must be longer than zero");
    }
    if (!java.util.Set.of("debug", "info", "warn", "error")
        .contains(String.valueOf(options.getLogLevel()).toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException(
          "--logLevel=" + options.getLogLevel() + ": choose debug, info, warn or error");
    }
    if (options.getMaxLineLength() == null || options.getMaxLineLength() < 16) {
      throw new IllegalArgumentException(
          "--maxLineLength=" + options.getMaxLineLength() + ": must be at least 16");
    }
    if (options.getReplaySpeed() == null
        || options.getReplaySpeed() < 0
        || options.getReplaySpeed().isInfinite()) {
      throw new IllegalArgumentException(
          "--replaySpeed="
              + options.getReplaySpeed()
              + ": must be 0 (as fast as possible) or more");
    }
    return new PipelineConfig(
        options.getSource(),
        options.getInput(),
        options.getOutput(),
        parser,
        size,
        duration("allowedLateness", options.getAllowedLateness()),
        duration("maxOutOfOrderness", options.getMaxOutOfOrderness()),
        options.getReplaySpeed(),
        Boolean.TRUE.equals(options.getFollow()),
        duration(
            "earlyFiringInterval",
            options.getEarlyFiringInterval().equals("0") ? "0s" : options.getEarlyFiringInterval()),
        options.getMaxLineLength(),
        settings(options),
        Boolean.TRUE.equals(options.getQuiet()),
        DriftConfig.from(options),
        kafka,
        alertsTopic,
        exactMaxRows(options),
        rollups(options.getRollups(), size),
        Boolean.TRUE.equals(options.getFleet()),
        options.getMetricsTable() == null ? "" : options.getMetricsTable().trim(),
        files == null ? List.of() : files.changes(schema));
  }

  /** Whether windows must keep their mergeable state: for roll-ups or the fleet profile. */
  public boolean keepStates() {
    return fleet || !rollups.isEmpty();
  }

  private static long exactMaxRows(ProfilerOptions o) {
    if (o.getExactMaxRows() == null || o.getExactMaxRows() < 0) {
      throw new IllegalArgumentException(
          "--exactMaxRows="
              + o.getExactMaxRows()
              + ": must be 0 (always from the mergeable state) or more");
    }
    return o.getExactMaxRows();
  }

  /**
   * Roll-up durations, each a multiple of the window size and longer than it, in ascending order.
   */
  static List<Duration> rollups(String text, Duration windowSize) {
    java.util.TreeSet<Duration> all = new java.util.TreeSet<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Duration d;
      try {
        d = Duration.millis(Durations.parse(part).toMillis());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--rollups=" + text + ": " + e.getMessage());
      }
      if (d.getMillis() <= windowSize.getMillis() || d.getMillis() % windowSize.getMillis() != 0) {
        throw new IllegalArgumentException(
            "--rollups="
                + text
                + ": "
                + part.trim()
                + " is not a multiple of --windowSize ("
                + Durations.format(java.time.Duration.ofMillis(windowSize.getMillis()))
                + ") longer than it; write e.g. 1d,7d");
      }
      all.add(d);
    }
    return List.copyOf(all);
  }

  /** How a streaming source classifies arrivals, derived from this configuration. */
  public ArrivalRule arrivalRule() {
    return new ArrivalRule(
        windowSize.getMillis(), allowedLateness.getMillis(), maxOutOfOrderness.getMillis());
  }

  /**
   * The replay source's settings, derived from this configuration; {@code pauseAtWindowEnds} and
   * {@code lateSettleMillis} depend on the runner (see {@link ReplaySettings}).
   */
  public ReplaySettings replaySettings(boolean pauseAtWindowEnds, long lateSettleMillis) {
    return new ReplaySettings(
        parser,
        maxLineLength,
        windowSize.getMillis(),
        allowedLateness.getMillis(),
        maxOutOfOrderness.getMillis(),
        replaySpeed,
        follow,
        SourceChunk.MAX_LINES,
        pauseAtWindowEnds,
        lateSettleMillis);
  }

  public Schema schema() {
    return parser.schema();
  }

  private static ProfileSettings settings(ProfilerOptions o) {
    java.util.Set<String> methods = new java.util.LinkedHashSet<>();
    for (String m : o.getCorrelations().split(",")) {
      String method = m.trim().toLowerCase(java.util.Locale.ROOT);
      if (method.isEmpty()) {
        continue;
      }
      if (!ProfileSettings.ALL_CORRELATIONS.contains(method)) {
        throw new IllegalArgumentException(
            "--correlations="
                + o.getCorrelations()
                + ": unknown method '"
                + method
                + "'; choose from pearson, spearman, kendall, cramers, auto");
      }
      methods.add(method);
    }
    positive("maxLags", o.getMaxLags());
    positive("categoricalMaxDistinct", o.getCategoricalMaxDistinct());
    share("significance", o.getSignificance());
    share("timeSeriesAutocorrelation", o.getTimeSeriesAutocorrelation());
    share("missingThreshold", o.getMissingThreshold());
    share("zerosThreshold", o.getZerosThreshold());
    share("infiniteThreshold", o.getInfiniteThreshold());
    share("imbalanceThreshold", o.getImbalanceThreshold());
    share("correlationThreshold", o.getCorrelationThreshold());
    share("uniformThreshold", o.getUniformThreshold());
    int floor =
        Math.max(
            100,
            Math.max(
                o.getCategoricalMaxDistinct(),
                o.getHighCardinalityThreshold() == null ? 0 : o.getHighCardinalityThreshold()));
    if (o.getMaxDistinctTracked() == null || o.getMaxDistinctTracked() <= floor) {
      throw new IllegalArgumentException(
          "--maxDistinctTracked="
              + o.getMaxDistinctTracked()
              + ": must be more than "
              + floor
              + " (100, --categoricalMaxDistinct and --highCardinalityThreshold), so type inference and alerts stay exact");
    }
    return new ProfileSettings(
        methods,
        o.getMaxLags(),
        o.getSignificance(),
        o.getTimeSeriesAutocorrelation(),
        o.getCategoricalMaxDistinct(),
        o.getMaxDistinctTracked(),
        o.getMissingThreshold(),
        o.getZerosThreshold(),
        o.getInfiniteThreshold(),
        o.getSkewnessThreshold(),
        o.getImbalanceThreshold(),
        o.getHighCardinalityThreshold(),
        o.getCorrelationThreshold(),
        o.getUniformThreshold());
  }

  private static void positive(String option, Integer value) {
    if (value == null || value < 0) {
      throw new IllegalArgumentException(
          "--" + option + "=" + value + ": must be a whole number, 0 or more");
    }
  }

  private static void share(String option, Double value) {
    if (value == null || value < 0 || value > 1) {
      throw new IllegalArgumentException("--" + option + "=" + value + ": must be between 0 and 1");
    }
  }

  /**
   * A format that does not read the first row's timestamp would reject every row: say so now, with
   * the value, instead of profiling nothing.
   */
  private static void checkFirstTimestamp(
      ProfilerOptions options, RowParser parser, List<String> header) {
    String first = CsvHeader.firstDataRecord(options.getInput());
    if (first == null) {
      return;
    }
    List<String> columns = parser.schema().columns();
    try {
      parser.parse(2, first, header.equals(columns) ? null : ColumnMapping.of(columns, header));
    } catch (RowParser.RejectedException e) {
      if (e.getMessage().startsWith("unparseable timestamp")) {
        throw new IllegalArgumentException(
            "--timestampFormat="
                + options.getTimestampFormat()
                + ": the first row's "
                + e.getMessage());
      }
    }
  }

  static Duration duration(String option, String text) {
    try {
      return Duration.millis(Durations.parse(text).toMillis());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + option + "=" + text + ": " + e.getMessage());
    }
  }
}
