package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class CsvReaderTest {
  private static List<CsvReader.Record> read(String text, int max) throws IOException {
    List<CsvReader.Record> records = new ArrayList<>();
    try (CsvReader reader =
        CsvReader.utf8(
            new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max)) {
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  @Test
  public void crlfAndLfBothEndRecordsAndLineNumbersCountPhysicalLines() throws IOException {
    List<CsvReader.Record> r = read("a,b\r\n1,2\n\"x\ny\",3\r\n4,5", 1000);
    assertThat(r.size(), is(4));
    assertThat(r.get(0).text(), is("a,b"));
    assertThat(r.get(1).text(), is("1,2"));
    assertThat(r.get(2).text(), is("\"x\ny\",3"));
    assertThat(r.get(2).line(), is(3L));
    assertThat(r.get(3).line(), is(5L));
  }

  @Test
  public void byteOrderMarkIsDroppedAndBadBytesBecomeReplacementCharacters() throws IOException {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', (byte) 0xFF, '\n'};
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), 100)) {
      assertThat(reader.next().text(), is("a,\uFFFD"));
      assertThat(reader.next(), is(nullValue()));
    }
  }

  @Test
  public void overlongRecordsAreCutAndFlagged() throws IOException {
    List<CsvReader.Record> r = read("x".repeat(5000) + "\nok\n", 100);
    assertThat(r.get(0).tooLong(), is(true));
    assertThat(r.get(0).text().length(), is(100));
    assertThat(r.get(1).text(), is("ok"));
    assertThat(r.get(1).tooLong(), is(false));
  }

  @Test
  public void splitsQuotedFieldsWithCommasQuotesAndNewlines() throws Exception {
    assertThat(
        CsvSplitter.split("\"a,b\",\"say \"\"hi\"\"\",,\"l1\nl2\""),
        contains("a,b", "say \"hi\"", "", "l1\nl2"));
    assertThat(CsvSplitter.split("\"device id\",ts"), contains("device id", "ts"));
    assertThat(CsvSplitter.split(""), contains(""));
  }

  @Test
  public void malformedQuotesAreReasonsNotCrashes() {
    CsvSplitter.MalformedRecordException e =
        assertThrows(
            CsvSplitter.MalformedRecordException.class, () -> CsvSplitter.split("\"open,1"));
    assertThat(e.getMessage(), containsString("unterminated"));
    assertThrows(CsvSplitter.MalformedRecordException.class, () -> CsvSplitter.split("\"a\"b,1"));
  }

  @Test
  public void readsUtf8Text() throws IOException {
    byte[] bytes = "température,ü\n".getBytes(StandardCharsets.UTF_8);
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), 100)) {
      assertThat(reader.next().text(), is("température,ü"));
    }
  }

  @Test
  public void recordsLongerThanTheReadBufferAndQuotedNewlinesAcrossItStayWhole()
      throws IOException {
    String big = "y".repeat(200_000);
    String quoted = "\"" + "z".repeat(70_000) + "\n" + "z".repeat(70_000) + "\"";
    List<CsvReader.Record> r = read("a," + big + "\n" + quoted + ",1\r\nlast", 1 << 20);
    assertThat(r.size(), is(3));
    assertThat(r.get(0).text(), is("a," + big));
    assertThat(r.get(1).text(), is(quoted + ",1"));
    assertThat(r.get(1).line(), is(2L));
    assertThat(r.get(2).text(), is("last"));
    assertThat(r.get(2).line(), is(4L));
  }

  /** A file that is still being written: a cut line waits for its end, offsets stay exact. */
  @Test
  public void aLineCutByTheEndOfAGrowingFileIsCompletedLater() throws IOException {
    GrowingInput in = new GrowingInput();
    in.append("ts,v\n1,2");
    try (CsvReader reader = CsvReader.utf8(in, 1 << 20)) {
      assertThat(reader.nextComplete().text(), is("ts,v"));
      assertThat(reader.committedOffset(), is(5L));
      assertThat(reader.nextComplete(), is(nullValue()));
      in.append("0,3\n\"x\ny\",4");
      CsvReader.Record r = reader.nextComplete();
      assertThat(r.text(), is("1,20,3"));
      assertThat(r.line(), is(2L));
      assertThat(reader.committedOffset(), is(12L));
      assertThat(reader.nextComplete(), is(nullValue()));
      in.append("\n");
      assertThat(reader.nextComplete().text(), is("\"x\ny\",4"));
      assertThat(reader.committedLine(), is(5L));
    }
  }

  /** An input stream that returns what has been appended so far, and -1 when it has no more yet. */
  private static final class GrowingInput extends java.io.InputStream {
    private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    private int read;

    void append(String text) {
      data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() {
      byte[] all = data.toByteArray();
      return read < all.length ? all[read++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      byte[] all = data.toByteArray();
      int n = Math.min(len, all.length - read);
      if (n <= 0) {
        return -1;
      }
      System.arraycopy(all, read, b, off, n);
      read += n;
      return n;
    }
  }
}
