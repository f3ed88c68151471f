package io.streamprofiler.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * A batch as one block: its size, then its rows in {@link RowCoder}'s form, each text (the key,
 * booleans, categories) written once for the whole batch.
 */
public final class RowBatchCoder extends AtomicCoder<RowBatch> {
  private static final long serialVersionUID = 1L;
  private static final RowBatchCoder INSTANCE = new RowBatchCoder();

  public static RowBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowBatch batch, OutputStream out) throws IOException {
    Blob.Writer block = new Blob.Writer(32 + batch.size() * 96);
    block.writeVarLong(batch.size());
    Map<String, Integer> texts = new HashMap<>();
    for (Row row : batch.rows()) {
      RowCoder.write(row, block, texts);
    }
    block.writeTo(out);
  }

  @Override
  public RowBatch decode(InputStream in) throws IOException {
    Blob.Reader block = Blob.read(in);
    int n = block.readCount();
    List<Row> rows = new ArrayList<>(n);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowCoder.read(block, texts));
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
