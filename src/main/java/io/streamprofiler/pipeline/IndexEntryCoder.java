package io.streamprofiler.pipeline;

import io.streamprofiler.render.IndexEntry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Deterministic coder for index entries, field by field. The index's batches and its list of
 * entries are Beam state, which the DirectRunner copies through this coder each time a step reads
 * it (a batch of n entries is copied n times as it fills); Java serialization, which the entries
 * used before, spent most of that copying describing the record's class again.
 */
final class IndexEntryCoder extends AtomicCoder<IndexEntry> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();

  @Override
  public void encode(IndexEntry e, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    TEXT.encode(e.key(), out);
    TEXT.encode(e.windowStart(), out);
    TEXT.encode(e.windowEnd(), out);
    data.writeLong(e.paneIndex());
    TEXT.encode(e.timing(), out);
    data.writeBoolean(e.isLast());
    data.writeInt(e.alertCount());
    data.writeLong(e.rows());
    TEXT.encode(e.href(), out);
    TEXT.encode(e.driftLevel(), out);
    data.writeInt(e.driftedColumns().size());
    for (String c : e.driftedColumns()) {
      TEXT.encode(c, out);
    }
    TEXT.encode(e.comparisonHref(), out);
    TEXT.encode(e.scope(), out);
    data.flush();
  }

  @Override
  public IndexEntry decode(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    String key = TEXT.decode(in);
    String start = TEXT.decode(in);
    String end = TEXT.decode(in);
    long pane = data.readLong();
    String timing = TEXT.decode(in);
    boolean last = data.readBoolean();
    int alerts = data.readInt();
    long rows = data.readLong();
    String href = TEXT.decode(in);
    String level = TEXT.decode(in);
    List<String> columns = new ArrayList<>();
    for (int i = data.readInt(); i > 0; i--) {
      columns.add(TEXT.decode(in));
    }
    return new IndexEntry(
        key,
        start,
        end,
        pane,
        timing,
        last,
        alerts,
        rows,
        href,
        level,
        columns,
        TEXT.decode(in),
        TEXT.decode(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
