package io.streamprofiler.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Replays CSV files as an unbounded stream: records in file order (handed on in chunks of up to
 * {@value SourceChunk#MAX_LINES} lines that are due), stamped with their event time, under a
 * watermark that trails the largest event time seen by the allowed out-of-orderness. At the end of
 * a file the watermark jumps to the end of time, so the pipeline finishes by itself on every runner
 * (unless it follows a growing file). Each file is one split.
 */
public final class ReplayCsvSource extends UnboundedSource<SourceChunk, ReplayCheckpoint> {
  private static final long serialVersionUID = 1L;

  private final String filepattern;
  private final String file;
  private final ReplaySettings settings;

  private ReplayCsvSource(String filepattern, String file, ReplaySettings settings) {
    this.filepattern = filepattern;
    this.file = file;
    this.settings = settings;
  }

  /** All files of a pattern; {@link #split} gives one source per file. */
  public static ReplayCsvSource of(String filepattern, ReplaySettings settings) {
    return new ReplayCsvSource(filepattern, null, settings);
  }

  @Override
  public List<ReplayCsvSource> split(int desiredNumSplits, PipelineOptions options) {
    if (file != null) {
      return List.of(this);
    }
    List<ReplayCsvSource> splits = new ArrayList<>();
    for (MatchResult.Metadata m : CsvHeader.match(filepattern)) {
      splits.add(new ReplayCsvSource(filepattern, m.resourceId().toString(), settings));
    }
    return splits;
  }

  @Override
  public UnboundedReader<SourceChunk> createReader(
      PipelineOptions options, ReplayCheckpoint checkpoint) throws IOException {
    String target =
        file != null ? file : CsvHeader.match(filepattern).get(0).resourceId().toString();
    return new ReplayReader(this, target, settings, checkpoint);
  }

  @Override
  public Coder<ReplayCheckpoint> getCheckpointMarkCoder() {
    return SerializableCoder.of(ReplayCheckpoint.class);
  }

  @Override
  public Coder<SourceChunk> getOutputCoder() {
    return SourceChunkCoder.of();
  }

  @Override
  public boolean requiresDeduping() {
    return false;
  }
}
