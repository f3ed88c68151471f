package io.streamprofiler.pipeline;

import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.record.Durations;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import io.streamprofiler.source.CsvHeader;
import java.io.Serializable;
import java.util.List;
import org.joda.time.Duration;

/**
 * The checked, plain values a pipeline is built from. Every check of the options happens here,
 * before any transform exists, so a wrong option ends with one line that names it.
 */
public record PipelineConfig(
    String input,
    String output,
    RowParser parser,
    Duration windowSize,
    Duration allowedLateness,
    int maxLineLength,
    ProfileSettings settings,
    boolean quiet)
    implements Serializable {

  /** @throws IllegalArgumentException naming the option that is wrong and what would be right */
  public static PipelineConfig from(ProfilerOptions options) {
    List<String> header = CsvHeader.read(options.getInput());
    Schema schema = Schema.of(header, options.getKeyColumn(), options.getTimestampColumn());
    TimestampFormat timestamps = TimestampFormat.of(options.getTimestampFormat(), options.getTimeZone());
    RowParser parser = new RowParser(schema, timestamps, RowParser.missingTokens(options.getMissingValues()));
    Duration size = duration("windowSize", options.getWindowSize());
    if (size.getMillis() <= 0) {
      throw new IllegalArgumentException("--windowSize=" + options.getWindowSize() + ": must be longer than zero");
    }
    if (options.getMaxLineLength() == null || options.getMaxLineLength() < 16) {
      throw new IllegalArgumentException("--maxLineLength=" + options.getMaxLineLength() + ": must be at least 16");
    }
    return new PipelineConfig(
        options.getInput(),
        options.getOutput(),
        parser,
        size,
        duration("allowedLateness", options.getAllowedLateness()),
        options.getMaxLineLength(),
        ProfileSettings.defaults(),
        false);
  }

  public Schema schema() {
    return parser.schema();
  }

  private static Duration duration(String option, String text) {
    try {
      return Duration.millis(Durations.parse(text).toMillis());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + option + "=" + text + ": " + e.getMessage());
    }
  }
}
