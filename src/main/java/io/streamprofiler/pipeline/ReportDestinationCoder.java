package io.streamprofiler.pipeline;

import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.sink.ReportDestination;
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
 * Deterministic coder for report destinations: FileIO groups files by their encoded destination.
 */
final class ReportDestinationCoder extends AtomicCoder<ReportDestination> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();

  @Override
  public void encode(ReportDestination d, OutputStream out) throws IOException {
    TEXT.encode(d.path(), out);
    DataOutputStream data = new DataOutputStream(out);
    IndexEntry e = d.entry();
    data.writeBoolean(e != null);
    if (e != null) {
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
    }
    data.flush();
  }

  @Override
  public ReportDestination decode(InputStream in) throws IOException {
    String path = TEXT.decode(in);
    DataInputStream data = new DataInputStream(in);
    if (!data.readBoolean()) {
      return new ReportDestination(path, null);
    }
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
    IndexEntry e =
        new IndexEntry(
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
    return new ReportDestination(path, e);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
