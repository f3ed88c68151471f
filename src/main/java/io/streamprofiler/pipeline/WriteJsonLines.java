package io.streamprofiler.pipeline;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Writes records as JSON lines under {@code <directory>/<prefix>-*.jsonl} (rejected and too-late
 * rows). In a stream the lines are flushed every few seconds into a new file per firing; a bounded
 * run writes one file.
 */
public final class WriteJsonLines<T> extends PTransform<PCollection<T>, PDone> {
  private static final Duration FLUSH_EVERY = Duration.standardSeconds(5);
  private final String directory;
  private final String prefix;
  private final SerializableFunction<T, String> toJson;

  public WriteJsonLines(String directory, String prefix, SerializableFunction<T, String> toJson) {
    this.directory = directory;
    this.prefix = prefix;
    this.toJson = toJson;
  }

  @Override
  public PDone expand(PCollection<T> records) {
    records
        .apply(
            "BatchForWriting",
            Window.<T>into(new GlobalWindows())
                .triggering(
                    Repeatedly.forever(
                        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(FLUSH_EVERY)))
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes())
        .apply("ToJsonLines", MapElements.into(TypeDescriptors.strings()).via(toJson))
        .setCoder(StringUtf8Coder.of())
        .apply(
            "WriteJsonLines",
            FileIO.<String>write()
                .via(TextIO.sink())
                .to(directory)
                .withPrefix(prefix)
                .withSuffix(".jsonl")
                .withNumShards(1));
    return PDone.in(records.getPipeline());
  }
}
