package io.streamprofiler.pipeline;

import io.streamprofiler.profile.state.WindowState;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window step holds of one key-window: its rows, batch by batch, while there are at most
 * {@code exactMaxRows} of them (the exact path), and past that only the mergeable state of all of
 * them (the state path), so a window of any size takes bounded memory.
 */
final class WindowRows {
  final int columns;
  final long exactMaxRows;
  final List<RowBatch> batches;
  long rows;
  WindowState state;

  WindowRows(int columns, long exactMaxRows) {
    this(columns, exactMaxRows, new ArrayList<>(), 0, null);
  }

  WindowRows(int columns, long exactMaxRows, List<RowBatch> batches, long rows, WindowState state) {
    this.columns = columns;
    this.exactMaxRows = exactMaxRows;
    this.batches = batches;
    this.rows = rows;
    this.state = state;
  }

  /** Whether every row is held: the window is profiled exactly. */
  boolean exact() {
    return rows <= exactMaxRows;
  }

  void add(RowBatch batch) {
    rows += batch.size();
    spillIfTooMany();
    if (state != null) {
      addTo(state, batch);
    }
    if (exact()) {
      batches.add(batch);
    }
  }

  void merge(WindowRows other) {
    rows += other.rows;
    spillIfTooMany();
    if (state != null) {
      if (other.state != null) {
        state.merge(other.state);
      } else {
        other.batches.forEach(b -> addTo(state, b));
      }
    }
    if (exact()) {
      batches.addAll(other.batches);
    }
  }

  /** Past the limit: the rows held so far go into the state and are let go. */
  private void spillIfTooMany() {
    if (exact()) {
      return;
    }
    if (state == null) {
      state = new WindowState(columns);
      batches.forEach(b -> addTo(state, b));
    }
    batches.clear();
  }

  private static void addTo(WindowState state, RowBatch batch) {
    for (Row r : batch.rows()) {
      state.add(r);
    }
  }

  /** A copy that later additions to this one do not change (batches are immutable). */
  WindowRows snapshot() {
    return new WindowRows(
        columns, exactMaxRows, new ArrayList<>(batches), rows, state == null ? null : state.copy());
  }
}
