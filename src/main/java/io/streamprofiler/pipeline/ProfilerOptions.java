package io.streamprofiler.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Every option of the profiling pipeline; runner options (Flink, Dataflow) come with their runners.
 */
public interface ProfilerOptions extends PipelineOptions {
  @Description(
      "A pipeline spec (pipelines/*.yaml) to run; options given on the command line override it.")
  String getPipeline();

  void setPipeline(String value);

  @Description("CSV input: a file or a glob; every file has the same header line.")
  @Default.String("data/iot_telemetry_data_1000.csv")
  String getInput();

  void setInput(String value);

  @Description("Directory the reports, rejected/ and run-summary.json are written to.")
  @Default.String("reports")
  String getOutput();

  void setOutput(String value);

  @Description(
      "Column whose value keys the profiles (one profile per key and window); several columns separated "
          + "by commas (site,sensor) make a key of their values joined with --keySeparator.")
  @Default.String("device")
  String getKeyColumn();

  void setKeyColumn(String value);

  @Description(
      "Column holding each row's event time; several columns separated by commas (year,month,day,hour) "
          + "are joined with a space and read with --timestampFormat (e.g. 'yyyy M d H').")
  @Default.String("ts")
  String getTimestampColumn();

  void setTimestampColumn(String value);

  @Description(
      "How the event time is written: epoch_seconds (fractions and 1.59E9 allowed), epoch_millis, "
          + "iso (ISO-8601), or a java.time pattern such as 'MM/dd/yyyy hh:mm:ss a'.")
  @Default.String("epoch_seconds")
  String getTimestampFormat();

  void setTimestampFormat(String value);

  @Description(
      "Time zone of timestamps written without an offset (DST resolved as ZonedDateTime.ofLocal).")
  @Default.String("UTC")
  String getTimeZone();

  void setTimeZone(String value);

  @Description(
      "Comma-separated tokens read as missing values; the empty token means an empty field.")
  @Default.String(",NA,NaN,nan,null,NULL")
  String getMissingValues();

  void setMissingValues(String value);

  @Description(
      "Joins the values of a key of several columns; a separator inside a value is escaped with a backslash.")
  @Default.String("/")
  String getKeySeparator();

  void setKeySeparator(String value);

  @Description(
      "Declared column types, which win over inference: {column: type, ...} with type numeric, boolean, "
          + "categorical, text, datetime or auto (YAML or JSON flow mapping; empty for none).")
  @Default.String("")
  String getColumnTypes();

  void setColumnTypes(String value);

  @Description(
      "Per-column missing tokens, replacing --missingValues for those columns: {column: [token, ...], ...} "
          + "(YAML or JSON flow mapping; empty for none).")
  @Default.String("")
  String getColumnMissingValues();

  void setColumnMissingValues(String value);

  @Description(
      "Length of the tumbling event-time windows, aligned to the epoch in UTC: 30s, 5m, 1h, 1d or PT1H.")
  @Default.String("1h")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How long after a window's end late rows still revise its profile.")
  @Default.String("30s")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description(
      "Log level of the command line: debug, info, warn or error. Secrets are never logged at any level.")
  @Default.String("warn")
  String getLogLevel();

  void setLogLevel(String value);

  @Description(
      "Longest CSV record kept, in bytes; longer lines are rejected (to rejected/, with their line number), not read into memory.")
  @Default.Integer(1_048_576)
  Integer getMaxLineLength();

  void setMaxLineLength(Integer value);

  @Description(
      "Where rows come from: replay (the CSV as an unbounded stream in file order, with a watermark; "
          + "the default), file (a bounded batch read), or kafka.")
  @Default.String("replay")
  String getSource();

  void setSource(String value);

  @Description(
      "The watermark trails the largest event time seen by this much: rows out of order by less are on time.")
  @Default.String("30s")
  String getMaxOutOfOrderness();

  void setMaxOutOfOrderness(String value);

  @Description(
      "Replay pace: 0 as fast as possible; N plays rows at N times their event-time spacing.")
  @Default.Double(0)
  Double getReplaySpeed();

  void setReplaySpeed(Double value);

  @Description("Keep reading input files that grow (new lines appended) until the job is stopped.")
  @Default.Boolean(false)
  Boolean getFollow();

  void setFollow(Boolean value);

  @Description(
      "Provisional EARLY reports of a window every this often (processing time), e.g. 1m; 0 for none.")
  @Default.String("0")
  String getEarlyFiringInterval();

  void setEarlyFiringInterval(String value);

  @Description(
      "Key-windows of at most this many rows are profiled exactly from their rows; larger ones from"
          + " a mergeable state (sketches and a downsampled series) in bounded memory.")
  @Default.Long(1_000_000)
  Long getExactMaxRows();

  void setExactMaxRows(Long value);

  @Description(
      "Roll-up windows, comma-separated multiples of --windowSize (e.g. 1d,7d): per key, a profile of"
          + " each merged from its windows' states, without re-reading rows.")
  @Default.String("")
  String getRollups();

  void setRollups(String value);

  @Description("Also write a fleet profile of every window over all keys, under <output>/_fleet/.")
  @Default.Boolean(false)
  Boolean getFleet();

  void setFleet(Boolean value);

  @Description("Turns off the per-report lines on standard output.")
  @Default.Boolean(false)
  Boolean getQuiet();

  void setQuiet(Boolean value);

  @Description(
      "Correlation matrices to compute, comma-separated: pearson, spearman, kendall, cramers, auto (empty for none).")
  @Default.String("pearson,spearman,kendall,cramers,auto")
  String getCorrelations();

  void setCorrelations(String value);

  @Description("Largest ACF/PACF lag (also capped at count/2 - 1).")
  @Default.Integer(100)
  Integer getMaxLags();

  void setMaxLags(Integer value);

  @Description("ADF p-value under which a time series is stationary (unless seasonal).")
  @Default.Double(0.05)
  Double getSignificance();

  void setSignificance(Double value);

  @Description(
      "Autocorrelation at lag 1, 7, 12, 24 or 30 from which a numeric column is a TimeSeries.")
  @Default.Double(0.7)
  Double getTimeSeriesAutocorrelation();

  void setTimeSeriesAutocorrelation(Double value);

  @Description("A numeric column with at most this many distinct values is Categorical.")
  @Default.Integer(5)
  Integer getCategoricalMaxDistinct();

  void setCategoricalMaxDistinct(Integer value);

  @Description(
      "Most distinct values counted per column and key-window for value counts; past it, new values are "
          + "only counted as an \"other\" tail (value_counts_other) and n_distinct is a lower bound. Bounds memory "
          + "against one hostile column. Must exceed 100, --categoricalMaxDistinct and --highCardinalityThreshold.")
  @Default.Integer(100_000)
  Integer getMaxDistinctTracked();

  void setMaxDistinctTracked(Integer value);

  @Description("MISSING alert when the share of missing values exceeds this.")
  @Default.Double(0.01)
  Double getMissingThreshold();

  void setMissingThreshold(Double value);

  @Description("ZEROS alert when the share of zeros exceeds this.")
  @Default.Double(0.01)
  Double getZerosThreshold();

  void setZerosThreshold(Double value);

  @Description("INFINITE alert when the share of infinite values exceeds this.")
  @Default.Double(0.01)
  Double getInfiniteThreshold();

  void setInfiniteThreshold(Double value);

  @Description("SKEWED alert when |skewness| exceeds this.")
  @Default.Double(20)
  Double getSkewnessThreshold();

  void setSkewnessThreshold(Double value);

  @Description("IMBALANCE alert (Categorical, Boolean) when imbalance exceeds this.")
  @Default.Double(0.5)
  Double getImbalanceThreshold();

  void setImbalanceThreshold(Double value);

  @Description("HIGH_CARDINALITY alert for a Categorical column with more distinct values.")
  @Default.Integer(50)
  Integer getHighCardinalityThreshold();

  void setHighCardinalityThreshold(Integer value);

  @Description("HIGH_CORRELATION alert when |coefficient| reaches this on any computed matrix.")
  @Default.Double(0.9)
  Double getCorrelationThreshold();

  void setCorrelationThreshold(Double value);

  @Description("UNIFORM alert when the chi-squared p-value against equal shares exceeds this.")
  @Default.Double(0.999)
  Double getUniformThreshold();

  void setUniformThreshold(Double value);

  @Description(
      "What each report is compared with for drift: previous (the key's previous window), fleet (every other key in the same window) or none.")
  @Default.String("previous")
  String getDriftBaseline();

  void setDriftBaseline(String value);

  @Description("PSI from which a column's change is reported as moderate (no alert); Siddiqi 2006.")
  @Default.Double(0.1)
  Double getDriftPsiWarn();

  void setDriftPsiWarn(Double value);

  @Description(
      "DRIFT alert needs PSI at least this (Siddiqi 2006: 0.25 is a significant shift) and a large effect.")
  @Default.Double(0.25)
  Double getDriftPsi();

  void setDriftPsi(Double value);

  @Description(
      "Large effect for numbers: |mean difference| of at least this many baseline standard deviations.")
  @Default.Double(2.0)
  Double getDriftMeanShift();

  void setDriftMeanShift(Double value);

  @Description(
      "Large effect for numbers: the standard deviation grew or shrank by at least this factor.")
  @Default.Double(2.0)
  Double getDriftStdRatio();

  void setDriftStdRatio(Double value);

  @Description(
      "Large effect for categories: Cramer's V of the baseline-versus-current table of at least this.")
  @Default.Double(0.3)
  Double getDriftCramersV();

  void setDriftCramersV(Double value);

  @Description(
      "Against the previous window, once a key has 2 earlier moves: a column's mean (or log robust spread) must move at least this many times its median move over the key's last 4 windows.")
  @Default.Double(3.0)
  Double getDriftMoveFactor();

  void setDriftMoveFactor(Double value);

  @Description(
      "Against the previous window: a mean move must also be at least this many baseline standard deviations (or resolution steps).")
  @Default.Double(0.35)
  Double getDriftMinShift();

  void setDriftMinShift(Double value);

  @Description(
      "Kafka bootstrap servers (host:port, comma-separated) for --source=kafka and --alertsTopic.")
  @Default.String("127.0.0.1:9092")
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description("Kafka topics to read with --source=kafka, comma-separated.")
  @Default.String("")
  String getTopic();

  void setTopic(String value);

  @Description(
      "Kafka consumer group; a restart with the same group reads on from its committed offsets.")
  @Default.String("stream-profiler")
  String getGroupId();

  void setGroupId(String value);

  @Description("Where a consumer group without committed offsets starts: earliest or latest.")
  @Default.String("earliest")
  String getStartFrom();

  void setStartFrom(String value);

  @Description(
      "Kafka message format: csv (one CSV line, columns as --csvHeader) or json (one object, fields named as --csvHeader).")
  @Default.String("csv")
  String getFormat();

  void setFormat(String value);

  @Description(
      "Column names, comma-separated, of Kafka records (required with --source=kafka), e.g. ts,device,co,humidity,light,lpg,motion,smoke,temp.")
  @Default.String("")
  String getCsvHeader();

  void setCsvHeader(String value);

  @Description(
      "Use the Kafka broker's record timestamp as event time instead of the timestamp column.")
  @Default.Boolean(false)
  Boolean getKafkaTimestamp();

  void setKafkaTimestamp(Boolean value);

  @Description(
      "Further Kafka client properties, name=value, comma-separated in ONE flag (a flag given twice is an "
          + "error), e.g. security.protocol=SASL_SSL,sasl.mechanism=PLAIN. Secret values are never printed; "
          + "prefer --kafkaPropertiesFile for them (and for values with commas).")
  @Default.String("")
  @JsonIgnore
  String getKafkaProperty();

  void setKafkaProperty(String value);

  @Description(
      "A Java properties file of Kafka client properties (overrides --kafkaProperty); the place for secrets.")
  @Default.String("")
  String getKafkaPropertiesFile();

  void setKafkaPropertiesFile(String value);

  @Description(
      "Bounded Kafka read: stop after this many records and write run-summary.json (0: read forever).")
  @Default.Long(0)
  Long getMaxRecords();

  void setMaxRecords(Long value);

  @Description("Bounded Kafka read: stop after reading this long, e.g. 30s (0: read forever).")
  @Default.String("0")
  String getMaxReadTime();

  void setMaxReadTime(String value);

  @Description(
      "Directory of a Parquet metrics table: one row per key, window, pane and column, partitioned by day (day=YYYY-MM-DD/); empty: none.")
  @Default.String("")
  String getMetricsTable();

  void setMetricsTable(String value);

  @Description(
      "Kafka topic to publish every report's alerts to, one JSON message per alert keyed by the key (empty: none).")
  @Default.String("")
  String getAlertsTopic();

  void setAlertsTopic(String value);

  @Description(
      "Wait for the job to finish and write run-summary.json (true), or return once it is submitted (false: Flex Templates, long-running streams on a cluster).")
  @Default.Boolean(true)
  Boolean getWaitUntilFinish();

  void setWaitUntilFinish(Boolean value);
}
