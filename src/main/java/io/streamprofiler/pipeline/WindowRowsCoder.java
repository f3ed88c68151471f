package io.streamprofiler.pipeline;

import io.streamprofiler.profile.state.WindowState;
import io.streamprofiler.record.RowBatch;
import io.streamprofiler.record.RowBatchCoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;

/** Encodes a {@link WindowRows}: its batches as {@link RowBatchCoder} does, its state as bytes. */
final class WindowRowsCoder extends AtomicCoder<WindowRows> {
  private static final long serialVersionUID = 1L;
  private static final RowBatchCoder BATCH = RowBatchCoder.of();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  @Override
  public void encode(WindowRows w, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(w.columns);
    data.writeLong(w.exactMaxRows);
    data.writeLong(w.rows);
    data.writeInt(w.batches.size());
    data.flush();
    for (RowBatch b : w.batches) {
      BATCH.encode(b, out);
    }
    data.writeBoolean(w.state != null);
    data.flush();
    if (w.state != null) {
      BYTES.encode(w.state.toBytes(), out);
    }
  }

  @Override
  public WindowRows decode(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int columns = data.readInt();
    long max = data.readLong();
    long rows = data.readLong();
    int n = data.readInt();
    List<RowBatch> batches = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batches.add(BATCH.decode(in));
    }
    WindowState state = data.readBoolean() ? WindowState.fromBytes(BYTES.decode(in)) : null;
    return new WindowRows(columns, max, batches, rows, state);
  }

  @Override
  public void verifyDeterministic() {}
}
