package io.streamprofiler.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/** A batch as its size and its rows, each in {@link RowCoder}'s compact form. */
public final class RowBatchCoder extends AtomicCoder<RowBatch> {
  private static final long serialVersionUID = 1L;
  private static final RowBatchCoder INSTANCE = new RowBatchCoder();

  public static RowBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowBatch batch, OutputStream out) throws IOException {
    VarInt.encode(batch.size(), out);
    for (Row row : batch.rows()) {
      RowCoder.of().encode(row, out);
    }
  }

  @Override
  public RowBatch decode(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(RowCoder.of().decode(in));
    }
    return new RowBatch(rows);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
