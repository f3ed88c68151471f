package io.streamprofiler.pipeline;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Writes the rows that reach no report as JSON lines, each kind under its own directory: a line
 * {@code KV(kind, json)} goes to {@code <output>/<kind>/<kind>-*.jsonl} ({@code rejected}, {@code
 * late}). In a stream the lines are flushed every few seconds into a new file per firing; a bounded
 * run writes one file per kind. Every kind goes through one {@code FileIO} write: a write is eight
 * tasks on Flink at parallelism 2 (shards, temporary files, two reshuffles, finalisation), set up
 * and torn down with every run (BENCHMARKS.md, 2026-12-06).
 */
public final class WriteJsonLines extends PTransform<PCollection<KV<String, String>>, PDone> {
  private static final Duration FLUSH_EVERY = Duration.standardSeconds(5);
  private final String output;

  public WriteJsonLines(String output) {
    this.output = output;
  }

  @Override
  public PDone expand(PCollection<KV<String, String>> lines) {
    lines
        .apply(
            "BatchForWriting",
            Window.<KV<String, String>>into(new GlobalWindows())
                .triggering(
                    Repeatedly.forever(
                        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(FLUSH_EVERY)))
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes())
        .apply(
            "WriteJsonLines",
            FileIO.<String, KV<String, String>>writeDynamic()
                .by(KV::getKey)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(Contextful.fn(KV::getValue), TextIO.sink())
                .to(output)
                .withNaming(kind -> FileIO.Write.defaultNaming(kind + "/" + kind, ".jsonl"))
                .withNumShards(1));
    return PDone.in(lines.getPipeline());
  }
}
