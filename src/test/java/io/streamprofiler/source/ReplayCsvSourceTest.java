package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.record.ColumnMapping;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The replay source reads every line exactly once, also across checkpoints and restores. */
public class ReplayCsvSourceTest {
  private static final String SAMPLE = "data/iot_telemetry_data_1000.csv";
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  static ReplaySettings settings(
      String file, long windowMillis, long latenessMillis, long outOfOrderMillis) {
    return settings(file, windowMillis, latenessMillis, outOfOrderMillis, SourceChunk.MAX_LINES);
  }

  static ReplaySettings settings(
      String file, long windowMillis, long latenessMillis, long outOfOrderMillis, int chunkLines) {
    List<String> header = CsvHeader.read(file);
    Schema schema = Schema.of(header, "device", "ts");
    RowParser parser =
        new RowParser(
            schema, TimestampFormat.of("epoch_seconds", "UTC"), RowParser.missingTokens(",NA"));
    return new ReplaySettings(
        parser,
        1 << 20,
        windowMillis,
        latenessMillis,
        outOfOrderMillis,
        0,
        false,
        chunkLines,
        true,
        ReplaySettings.LATE_SETTLE_MILLIS);
  }

  /** {@code base} with {@code follow} and {@code pauseAtWindowEnds} set. */
  private static ReplaySettings with(ReplaySettings base, boolean follow, boolean pause) {
    return new ReplaySettings(
        base.parser(),
        base.maxRecordBytes(),
        base.windowMillis(),
        base.allowedLatenessMillis(),
        base.maxOutOfOrdernessMillis(),
        base.speed(),
        follow,
        base.chunkLines(),
        pause,
        base.lateSettleMillis());
  }

  private static UnboundedSource.UnboundedReader<SourceChunk> reader(
      String file, ReplaySettings settings) throws IOException {
    return ReplayCsvSource.of(file, settings).split(1, OPTIONS).get(0).createReader(OPTIONS, null);
  }

  /** Lines of up to {@code limit} chunks. */
  private static List<SourceLine> readAll(
      UnboundedSource.UnboundedReader<SourceChunk> reader, boolean started, int limit)
      throws IOException {
    List<SourceLine> lines = new ArrayList<>();
    boolean more = started || reader.start();
    int chunks = 0;
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      if (more) {
        lines.addAll(reader.getCurrent().lines());
        if (++chunks == limit) {
          break; // do not advance past what was taken: the checkpoint must not skip a line
        }
      } else if (reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE)
          || System.currentTimeMillis() > deadline) {
        break;
      } else {
        Thread.yield(); // "nothing yet": after a window closes, late lines wait a moment
      }
      more = reader.advance();
    }
    return lines;
  }

  @Test
  public void readsEveryLineInFileOrderAndEndsWithTheWatermarkAtTheEndOfTime() throws Exception {
    ReplayCsvSource source =
        ReplayCsvSource.of(SAMPLE, settings(SAMPLE, 3_600_000, 30_000, 30_000));
    UnboundedSource.UnboundedReader<SourceChunk> reader =
        source.split(1, OPTIONS).get(0).createReader(OPTIONS, null);
    List<SourceLine> lines = readAll(reader, false, Integer.MAX_VALUE);
    assertThat(lines.size(), is(999));
    assertThat(lines.get(0).line(), is(2L));
    assertThat(lines.get(998).line(), is(1000L));
    assertThat(lines.stream().allMatch(l -> l.arrival() == SourceLine.Arrival.ON_TIME), is(true));
    assertThat(reader.getWatermark(), is(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  public void restoringFromACheckpointMidFileReadsEveryLineExactlyOnce() throws Exception {
    ReplayCsvSource source =
        ReplayCsvSource.of(SAMPLE, settings(SAMPLE, 3_600_000, 30_000, 30_000, 97))
            .split(1, OPTIONS)
            .get(0);
    List<Long> seen = new ArrayList<>();
    ReplayCheckpoint checkpoint = null;
    // read in slices of 97 lines, restoring a new reader from an encoded checkpoint every time
    while (true) {
      UnboundedSource.UnboundedReader<SourceChunk> reader =
          source.createReader(OPTIONS, checkpoint);
      List<SourceLine> slice = readAll(reader, false, 1); // one chunk of at most 97 lines
      slice.forEach(l -> seen.add(l.line()));
      checkpoint =
          CoderUtils.clone(
              source.getCheckpointMarkCoder(), (ReplayCheckpoint) reader.getCheckpointMark());
      if (slice.isEmpty()) {
        break;
      }
      assertThat(slice.size() <= 97, is(true));
    }
    assertThat(seen.size(), is(999));
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i), is(i + 2L));
    }
  }

  @Test
  public void classifiesDisplacedRowsAgainstTheWatermarkWhenTheyArrive() throws Exception {
    File file = tmp.newFile("displaced.csv");
    // watermark trails by 10 s; 1-minute windows; 20 s allowed lateness
    Files.writeString(
        file.toPath(),
        String.join(
                "\n",
                "ts,device,v",
                "0,a,1",
                "50,a,2",
                "70,a,3", // watermark 60: window [0,60) is closed
                "55,a,4", // window end 60 <= watermark 60 < 60+20: LATE
                "100,a,5", // watermark 90
                "59,a,6", // 60 + 20 <= 90: TOO_LATE
                "95,a,7")
            + "\n"); // out of order but not late: on time
    ReplayCsvSource source =
        ReplayCsvSource.of(file.getPath(), settings(file.getPath(), 60_000, 20_000, 10_000));
    List<SourceLine> lines =
        readAll(source.split(1, OPTIONS).get(0).createReader(OPTIONS, null), false, 100);
    List<String> arrivals = lines.stream().map(l -> l.arrival().name()).toList();
    assertThat(
        arrivals,
        is(List.of("ON_TIME", "ON_TIME", "ON_TIME", "LATE", "ON_TIME", "TOO_LATE", "ON_TIME")));
    assertThat(lines.get(5).watermarkMicros(), is(90_000_000L));
  }

  @Test
  public void aChunkEndsAtAWindowsEndAndTheReaderPausesThereOnlyWhenAsked() throws Exception {
    File file = tmp.newFile("two-windows.csv");
    // 1-minute windows, watermark trailing by 10 s: the line at 70 s moves it past 60 s
    Files.writeString(file.toPath(), "ts,device,v\n10,a,1\n50,a,2\n70,a,3\n80,a,4\n90,a,5\n");
    ReplaySettings pausing = settings(file.getPath(), 60_000, 0, 10_000);
    for (boolean pause : List.of(true, false)) {
      UnboundedSource.UnboundedReader<SourceChunk> reader =
          reader(file.getPath(), with(pausing, false, pause));
      assertThat(reader.start(), is(true));
      assertThat(reader.getCurrent().lines().size(), is(3)); // up to the line that closed [0, 60)
      // pausing: "nothing yet" once, then the rest; not pausing: the rest at once
      assertThat(reader.advance(), is(!pause));
      if (pause) {
        assertThat(reader.advance(), is(true));
      }
      assertThat(reader.getCurrent().lines().size(), is(2));
    }
  }

  @Test
  public void followingAGrowingFileReadsAppendedLinesAndNeverEndsOnItsOwn() throws Exception {
    File file = tmp.newFile("growing.csv");
    Files.writeString(file.toPath(), "ts,device,v\n1,a,1\n2,a,2\n3,a,");
    ReplaySettings base = settings(file.getPath(), 60_000, 0, 0);
    UnboundedSource.UnboundedReader<SourceChunk> reader =
        reader(file.getPath(), with(base, true, true));
    assertThat(reader.start(), is(true));
    List<Long> seen = new ArrayList<>();
    reader.getCurrent().lines().forEach(l -> seen.add(l.line()));
    // the half-written last line is not read until its newline arrives
    assertThat(seen, is(List.of(2L, 3L)));
    assertThat(reader.advance(), is(false));
    assertThat(reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE), is(false));
    Files.writeString(file.toPath(), "3\n4,a,4\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(reader.advance(), is(true));
    reader.getCurrent().lines().forEach(l -> seen.add(l.line()));
    assertThat(seen, is(List.of(2L, 3L, 4L, 5L)));
    assertThat(reader.getCurrent().lines().get(0).text(), is("3,a,3"));
    assertThat(reader.advance(), is(false));
    assertThat(reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE), is(false));
    reader.close();
  }

  /** Settings whose run's columns are {@code columns}, keyed by device, timed by ts. */
  private static ReplaySettings settingsOver(List<String> columns) {
    RowParser parser =
        new RowParser(
            Schema.of(columns, "device", "ts"),
            TimestampFormat.of("epoch_seconds", "UTC"),
            RowParser.missingTokens(",NA"));
    return new ReplaySettings(
        parser,
        1 << 20,
        60_000,
        0,
        10_000,
        0,
        false,
        SourceChunk.MAX_LINES,
        true,
        ReplaySettings.LATE_SETTLE_MILLIS);
  }

  @Test
  public void aFileWithItsOwnHeaderIsReplayedUnderItWithItsEventTimesAndItsMapping()
      throws Exception {
    File file = tmp.newFile("b.csv");
    // the time column moved to the end and v is not there: read under its own header
    Files.writeString(file.toPath(), "device,w,ts\na,x,100\na,y,130\n");
    UnboundedSource.UnboundedReader<SourceChunk> reader =
        ReplayCsvSource.of(file.getPath(), settingsOver(List.of("ts", "device", "v", "w")))
            .split(1, OPTIONS)
            .get(0)
            .createReader(OPTIONS, null);
    assertThat(reader.start(), is(true));
    SourceChunk chunk = reader.getCurrent();
    assertThat(
        chunk.lines().stream().map(SourceLine::problem).toList(), is(Arrays.asList(null, null)));
    // run column ts is field 2, device field 0, v is missing, w field 1
    assertThat(chunk.columns(), is(new ColumnMapping(3, new int[] {2, 0, -1, 1})));
    // the event times came from the file's own time column
    assertThat(reader.getCurrentTimestamp().getMillis(), is(100_000L));
    assertThat(reader.getWatermark().getMillis(), is(120_000L));
    reader.close();
  }

  @Test
  public void aFileWithoutTheKeyColumnHasEveryLineRejectedWithTheReason() throws Exception {
    File file = tmp.newFile("nokey.csv");
    Files.writeString(file.toPath(), "ts,v\n100,1\n130,2\n");
    ReplayCsvSource source =
        ReplayCsvSource.of(file.getPath(), settingsOver(List.of("ts", "device", "v")));
    List<SourceLine> lines =
        readAll(source.split(1, OPTIONS).get(0).createReader(OPTIONS, null), false, 100);
    assertThat(
        lines.stream().map(SourceLine::problem).toList(),
        is(
            List.of(
                "the file's header lacks the key column 'device'",
                "the file's header lacks the key column 'device'")));
  }

  @Test
  public void unparseableLinesStillFlowToBeRejectedDownstream() throws Exception {
    File file = tmp.newFile("bad.csv");
    Files.writeString(file.toPath(), "ts,device,v\nx,a,1\n5,a,2\n\"open,a,3\n");
    ReplayCsvSource source =
        ReplayCsvSource.of(file.getPath(), settings(file.getPath(), 60_000, 0, 0));
    List<SourceLine> lines =
        readAll(source.split(1, OPTIONS).get(0).createReader(OPTIONS, null), false, 100);
    assertThat(lines.size(), is(3));
  }
}
