package io.streamprofiler.source;

import io.streamprofiler.record.ColumnMapping;
import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.RowParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * Reads one file of a replay. The watermark is the largest event time seen minus the allowed
 * out-of-orderness; each record is classified against the watermark as it stood when the record
 * arrived (on time, late, or too late), which is the one deterministic place to decide it.
 */
final class ReplayReader extends UnboundedSource.UnboundedReader<SourceChunk> {
  private final ReplayCsvSource source;
  private final String file;
  private final ReplaySettings settings;
  private final ReplayCheckpoint restored;

  private CsvReader reader;
  private String headerProblem;

  /** How the file's fields land in the run's columns; null when its header is the run's own. */
  private ColumnMapping columns;

  private long maxEventMillis = Long.MIN_VALUE;
  private boolean finished;
  private SourceChunk current;
  private long lineStamp;
  private boolean atEnd;
  private boolean pauseAfterWindowEnd;

  private long windowEndPassedAt = Long.MIN_VALUE / 2;
  private Instant currentTimestamp;
  private CsvReader.Record pending;
  private long pendingOffset;
  private long pendingLine;
  private long pacingWallStart;
  private long pacingEventStart = Long.MIN_VALUE;

  ReplayReader(
      ReplayCsvSource source, String file, ReplaySettings settings, ReplayCheckpoint restored) {
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
      checkHeader(reader.next());
    } else {
      checkHeader(firstRecord());
      seek(channel, in, restored.offset());
      reader =
          CsvReader.resume(in, settings.maxRecordBytes(), restored.offset(), restored.nextLine());
      maxEventMillis =
          restored.maxEventMicros() == Long.MIN_VALUE
              ? Long.MIN_VALUE
              : restored.maxEventMicros() / 1000;
    }
    return advance();
  }

  private CsvReader.Record firstRecord() throws IOException {
    try (InputStream in =
            Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)));
        CsvReader header = CsvReader.utf8(in, settings.maxRecordBytes())) {
      return header.next();
    }
  }

  private static void seek(ReadableByteChannel channel, InputStream in, long offset)
      throws IOException {
    if (channel instanceof SeekableByteChannel seekable) {
      seekable.position(offset);
    } else {
      in.skipNBytes(offset);
    }
  }

  private void checkHeader(CsvReader.Record header) {
    FileHeader checked = FileHeader.check(settings.parser().schema(), header);
    headerProblem = checked.problem();
    columns = checked.columns();
  }

  @Override
  public boolean advance() throws IOException {
    if (pauseAfterWindowEnd) {
      // Say "nothing yet" once: the runner closes the bundle and publishes the watermark that just
      // passed a window's end, so that window fires alone, before the lines that follow arrive
      // (ReplaySettings.pauseAtWindowEnds says on which runners).
      pauseAfterWindowEnd = false;
      return false;
    }
    List<SourceLine> lines = new ArrayList<>();
    long minStamp = Long.MAX_VALUE;
    long windowOfWatermark = windowOfWatermark();
    long watermarkAtStart = watermarkMillis();
    while (lines.size() < settings.chunkLines()) {
      SourceLine line = readLine();
      if (line == null) {
        break;
      }
      lines.add(line);
      minStamp = Math.min(minStamp, lineStamp);
      long nowWindow = windowOfWatermark();
      boolean passedWindowEnd =
          windowOfWatermark != Long.MIN_VALUE && nowWindow != windowOfWatermark;
      windowOfWatermark = nowWindow;
      if (passedWindowEnd) {
        // The watermark just passed a window's end: the chunk ends here, and a line late for that
        // window waits (ReplaySettings.lateSettleMillis), so it reaches the window after its
        // on-time report. Only late lines wait, and only right after a window closes: an orderly
        // replay never does.
        pauseAfterWindowEnd = settings.pauseAtWindowEnds();
        windowEndPassedAt = System.currentTimeMillis();
        break;
      }
    }
    if (lines.isEmpty()) {
      finished = atEnd && !settings.follow();
      return false;
    }
    current = new SourceChunk(lines, columns);
    // Stamped no earlier than the watermark the chunk was read under: a late line inside must not
    // hold the runner's watermark back, or the window's on-time report would wait for it.
    currentTimestamp = new Instant(Math.max(minStamp, watermarkAtStart));
    return true;
  }

  /**
   * The next line that is due, or null at the end of the file or when the next line is not due yet.
   */
  private SourceLine readLine() throws IOException {
    long offsetBefore = pending != null ? pendingOffset : reader.committedOffset();
    long lineBefore = pending != null ? pendingLine : reader.committedLine();
    CsvReader.Record record =
        pending != null ? pending : settings.follow() ? reader.nextComplete() : reader.next();
    pending = null;
    if (record == null) {
      atEnd = true;
      return null;
    }
    long eventMillis = eventMillis(record);
    long watermark = watermarkMillis();
    SourceLine.Arrival arrival = arrival(eventMillis, watermark);
    boolean settling =
        arrival == SourceLine.Arrival.LATE
            && System.currentTimeMillis() < windowEndPassedAt + settings.lateSettleMillis();
    if (eventMillis != Long.MIN_VALUE && (settling || !due(eventMillis))) {
      pending = record;
      pendingOffset = offsetBefore;
      pendingLine = lineBefore;
      return null;
    }
    Progress.ROWS_READ.incrementAndGet();
    Progress.BYTES_READ.addAndGet(reader.committedOffset() - offsetBefore);
    if (eventMillis != Long.MIN_VALUE) {
      maxEventMillis = Math.max(maxEventMillis, eventMillis);
      Progress.WATERMARK_MILLIS.accumulateAndGet(watermarkMillis(), Math::max);
    }
    String problem =
        headerProblem != null
            ? headerProblem
            : record.tooLong()
                ? "line longer than the limit of "
                    + settings.maxRecordBytes()
                    + " bytes (--maxLineLength)"
                : null;
    long watermarkMicros = watermark == Long.MIN_VALUE ? Long.MIN_VALUE : watermark * 1000;
    // unparseable records carry the latest event time: they only go to rejected/
    lineStamp =
        eventMillis != Long.MIN_VALUE
            ? eventMillis
            : Math.max(maxEventMillis, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    return new SourceLine(file, record.line(), record.text(), problem, arrival, watermarkMicros);
  }

  /**
   * Too late when its window's end plus the allowed lateness is behind the watermark; late when its
   * end is.
   */
  private SourceLine.Arrival arrival(long eventMillis, long watermark) {
    if (eventMillis == Long.MIN_VALUE || watermark == Long.MIN_VALUE) {
      return SourceLine.Arrival.ON_TIME;
    }
    long end = settings.windowEnd(eventMillis);
    if (end + settings.allowedLatenessMillis() <= watermark) {
      return SourceLine.Arrival.TOO_LATE;
    }
    return end <= watermark ? SourceLine.Arrival.LATE : SourceLine.Arrival.ON_TIME;
  }

  private long eventMillis(CsvReader.Record record) {
    if (headerProblem != null || record.tooLong()) {
      return Long.MIN_VALUE;
    }
    try {
      return Math.floorDiv(settings.parser().eventTimeMicros(record.text(), columns), 1000L);
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

  private long windowOfWatermark() {
    long w = watermarkMillis();
    return w == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(w, settings.windowMillis());
  }

  private long watermarkMillis() {
    return maxEventMillis == Long.MIN_VALUE
        ? Long.MIN_VALUE
        : maxEventMillis - settings.maxOutOfOrdernessMillis();
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
  public SourceChunk getCurrent() {
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
