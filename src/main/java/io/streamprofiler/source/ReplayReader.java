package io.streamprofiler.source;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import io.streamprofiler.record.RowParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * Reads one file of a replay. The watermark is the largest event time seen minus the allowed
 * out-of-orderness; each record is classified against the watermark as it stood when the record
 * arrived (on time, late, or too late), which is the one deterministic place to decide it.
 */
final class ReplayReader extends UnboundedSource.UnboundedReader<SourceLine> {
  private final Counter rowsRead = Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_READ);
  private final ReplayCsvSource source;
  private final String file;
  private final ReplaySettings settings;
  private final ReplayCheckpoint restored;

  private CsvReader reader;
  private String headerProblem;
  private long maxEventMillis = Long.MIN_VALUE;
  private boolean finished;
  private SourceLine current;
  private Instant currentTimestamp;
  private CsvReader.Record pending;
  private long pendingOffset;
  private long pendingLine;
  private long pacingWallStart;
  private long pacingEventStart = Long.MIN_VALUE;

  ReplayReader(ReplayCsvSource source, String file, ReplaySettings settings, ReplayCheckpoint restored) {
    this.source = source;
    this.file = file;
    this.settings = settings;
    this.restored = restored;
  }

  @Override
  public boolean start() throws IOException {
    ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(file, false));
    InputStream in = Channels.newInputStream(channel);
    if (restored == null) {
      reader = CsvReader.utf8(in, settings.maxRecordBytes());
      CsvReader.Record header = reader.next();
      headerProblem = problem(header);
    } else {
      headerProblem = problem(firstRecord());
      seek(channel, in, restored.offset());
      reader = CsvReader.resume(in, settings.maxRecordBytes(), restored.offset(), restored.nextLine());
      maxEventMillis = restored.maxEventMicros() == Long.MIN_VALUE ? Long.MIN_VALUE : restored.maxEventMicros() / 1000;
    }
    return advance();
  }

  private CsvReader.Record firstRecord() throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)));
        CsvReader header = CsvReader.utf8(in, settings.maxRecordBytes())) {
      return header.next();
    }
  }

  private static void seek(ReadableByteChannel channel, InputStream in, long offset) throws IOException {
    if (channel instanceof SeekableByteChannel seekable) {
      seekable.position(offset);
    } else {
      in.skipNBytes(offset);
    }
  }

  private String problem(CsvReader.Record header) {
    try {
      if (header != null && CsvSplitter.split(header.text()).equals(settings.header())) {
        return null;
      }
    } catch (CsvSplitter.MalformedRecordException e) {
      return "the file's header is not valid CSV: " + e.getMessage();
    }
    return "the file's header differs from " + settings.header();
  }

  @Override
  public boolean advance() throws IOException {
    long offsetBefore = pending != null ? pendingOffset : reader.committedOffset();
    long lineBefore = pending != null ? pendingLine : reader.committedLine();
    CsvReader.Record record = pending != null ? pending : settings.follow() ? reader.nextComplete() : reader.next();
    pending = null;
    if (record == null) {
      finished = !settings.follow();
      return false;
    }
    long eventMillis = eventMillis(record);
    if (eventMillis != Long.MIN_VALUE && !due(eventMillis)) {
      pending = record;
      pendingOffset = offsetBefore;
      pendingLine = lineBefore;
      return false;
    }
    rowsRead.inc();
    Progress.ROWS_READ.incrementAndGet();
    Progress.BYTES_READ.addAndGet(reader.committedOffset() - offsetBefore);
    long watermark = watermarkMillis();
    SourceLine.Arrival arrival = SourceLine.Arrival.ON_TIME;
    if (eventMillis != Long.MIN_VALUE) {
      long end = settings.windowEnd(eventMillis);
      if (end + settings.allowedLatenessMillis() <= watermark) {
        arrival = SourceLine.Arrival.TOO_LATE;
      } else if (end <= watermark) {
        arrival = SourceLine.Arrival.LATE;
      }
      maxEventMillis = Math.max(maxEventMillis, eventMillis);
      Progress.WATERMARK_MILLIS.accumulateAndGet(watermarkMillis(), Math::max);
    }
    String problem = headerProblem != null ? headerProblem
        : record.tooLong() ? "line longer than " + settings.maxRecordBytes() + " bytes" : null;
    long watermarkMicros = watermark == Long.MIN_VALUE ? Long.MIN_VALUE : watermark * 1000;
    current = new SourceLine(file, record.line(), record.text(), problem, arrival, watermarkMicros);
    // unparseable records carry the latest event time: they only go to rejected/
    long stamp = eventMillis != Long.MIN_VALUE ? eventMillis : Math.max(maxEventMillis, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    currentTimestamp = new Instant(stamp);
    return true;
  }

  private long eventMillis(CsvReader.Record record) {
    if (headerProblem != null || record.tooLong()) {
      return Long.MIN_VALUE;
    }
    try {
      return Math.floorDiv(settings.parser().eventTimeMicros(record.text()), 1000L);
    } catch (RowParser.RejectedException e) {
      return Long.MIN_VALUE;
    }
  }

  /** With a replay speed, a record is due once the wall clock has caught up with its event time. */
  private boolean due(long eventMillis) {
    if (settings.speed() <= 0) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (pacingEventStart == Long.MIN_VALUE) {
      pacingEventStart = eventMillis;
      pacingWallStart = now;
      return true;
    }
    double wallDue = pacingWallStart + (eventMillis - pacingEventStart) / settings.speed();
    return now >= wallDue;
  }

  private long watermarkMillis() {
    return maxEventMillis == Long.MIN_VALUE ? Long.MIN_VALUE : maxEventMillis - settings.maxOutOfOrdernessMillis();
  }

  @Override
  public Instant getWatermark() {
    if (finished) {
      return BoundedWindow.TIMESTAMP_MAX_VALUE;
    }
    long w = watermarkMillis();
    return w == Long.MIN_VALUE ? BoundedWindow.TIMESTAMP_MIN_VALUE : new Instant(w);
  }

  @Override
  public ReplayCheckpoint getCheckpointMark() {
    long maxMicros = maxEventMillis == Long.MIN_VALUE ? Long.MIN_VALUE : maxEventMillis * 1000;
    // a paced record already read but not yet emitted must be read again after a restore
    return pending != null
        ? new ReplayCheckpoint(pendingOffset, pendingLine, maxMicros)
        : new ReplayCheckpoint(reader.committedOffset(), reader.committedLine(), maxMicros);
  }

  @Override
  public SourceLine getCurrent() {
    if (current == null) {
      throw new NoSuchElementException();
    }
    return current;
  }

  @Override
  public Instant getCurrentTimestamp() {
    if (current == null) {
      throw new NoSuchElementException();
    }
    return currentTimestamp;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  @Override
  public ReplayCsvSource getCurrentSource() {
    return source;
  }
}
