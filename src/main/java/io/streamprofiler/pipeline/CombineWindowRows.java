package io.streamprofiler.pipeline;

import io.streamprofiler.record.RowBatch;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines the row batches of a key-window into a {@link WindowRows}: the rows themselves up to
 * {@code exactMaxRows}, the mergeable state beyond, so a runner's combining state (Flink's, in a
 * stream) never holds more than that many rows of one window.
 */
final class CombineWindowRows extends Combine.CombineFn<RowBatch, WindowRows, WindowRows> {
  private final int columns;
  private final long exactMaxRows;

  CombineWindowRows(int columns, long exactMaxRows) {
    this.columns = columns;
    this.exactMaxRows = exactMaxRows;
  }

  @Override
  public WindowRows createAccumulator() {
    return new WindowRows(columns, exactMaxRows);
  }

  @Override
  public WindowRows addInput(WindowRows rows, RowBatch batch) {
    rows.add(batch);
    return rows;
  }

  @Override
  public WindowRows mergeAccumulators(Iterable<WindowRows> all) {
    WindowRows merged = null;
    for (WindowRows w : all) {
      if (merged == null) {
        merged = w;
      } else {
        merged.merge(w);
      }
    }
    return merged == null ? createAccumulator() : merged;
  }

  @Override
  public WindowRows extractOutput(WindowRows rows) {
    return rows.snapshot();
  }

  @Override
  public Coder<WindowRows> getAccumulatorCoder(CoderRegistry registry, Coder<RowBatch> input) {
    return new WindowRowsCoder();
  }

  @Override
  public Coder<WindowRows> getDefaultOutputCoder(CoderRegistry registry, Coder<RowBatch> input) {
    return new WindowRowsCoder();
  }
}
