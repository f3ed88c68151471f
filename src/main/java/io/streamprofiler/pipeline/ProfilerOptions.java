package io.streamprofiler.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Every option of the profiling pipeline; runner options (Flink, Dataflow) come with their runners. */
public interface ProfilerOptions extends PipelineOptions {
  @Description("CSV input: a file or a glob; every file has the same header line.")
  @Default.String("data/iot_telemetry_data_1000.csv")
  String getInput();

  void setInput(String value);

  @Description("Directory the reports, rejected/ and run-summary.json are written to.")
  @Default.String("reports")
  String getOutput();

  void setOutput(String value);

  @Description("Column whose value keys the profiles (one profile per key and window).")
  @Default.String("device")
  String getKeyColumn();

  void setKeyColumn(String value);

  @Description("Column holding each row's event time.")
  @Default.String("ts")
  String getTimestampColumn();

  void setTimestampColumn(String value);

  @Description(
      "How the event time is written: epoch_seconds (fractions and 1.59E9 allowed), epoch_millis, "
          + "iso (ISO-8601), or a java.time pattern such as 'MM/dd/yyyy hh:mm:ss a'.")
  @Default.String("epoch_seconds")
  String getTimestampFormat();

  void setTimestampFormat(String value);

  @Description("Time zone of timestamps written without an offset (DST resolved as ZonedDateTime.ofLocal).")
  @Default.String("UTC")
  String getTimeZone();

  void setTimeZone(String value);

  @Description("Comma-separated tokens read as missing values; the empty token means an empty field.")
  @Default.String(",NA,NaN,nan,null,NULL")
  String getMissingValues();

  void setMissingValues(String value);

  @Description("Length of the tumbling event-time windows, aligned to the epoch in UTC: 30s, 5m, 1h, 1d or PT1H.")
  @Default.String("1h")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How long after a window's end late rows still revise its profile.")
  @Default.String("30s")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description("Longest CSV record kept, in characters; longer lines are rejected, not read into memory.")
  @Default.Integer(1_048_576)
  Integer getMaxLineLength();

  void setMaxLineLength(Integer value);
}
