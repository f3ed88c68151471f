package io.streamprofiler.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * Hostile CSV end to end through {@link Main#run}, with the replay source (a stream) and the file
 * source (a batch): every rejected line in {@code rejected/} with its line number and reason, the
 * good rows still profiled, exit 0 when the input was readable, and the accounting identity.
 */
@RunWith(Parameterized.class)
public class BadCsvInputTest {
  @Parameterized.Parameters(name = "{0}")
  public static List<Object[]> sources() {
    return List.of(new Object[] {"replay"}, new Object[] {"file"});
  }

  @Parameterized.Parameter public String source;
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int TEN_MB = 10 * 1024 * 1024;

  /** Line number → the reason's expected start; every other record is a row. */
  private final Map<Long, String> rejects = new LinkedHashMap<>();

  private long records;
  private long line = 1;
  private OutputStream file;

  private void row(String text) throws IOException {
    record(text.getBytes(StandardCharsets.UTF_8), "\n", null);
  }

  private void bad(String text, String reason) throws IOException {
    record(text.getBytes(StandardCharsets.UTF_8), "\n", reason);
  }

  private void record(byte[] bytes, String end, String reason) throws IOException {
    if (reason != null) {
      rejects.put(line, reason);
    }
    records++;
    file.write(bytes);
    file.write(end.getBytes(StandardCharsets.US_ASCII));
    for (byte b : bytes) {
      line += b == '\n' ? 1 : 0;
    }
    line++;
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object p : parts) {
      b.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p);
    }
    return b.toByteArray();
  }

  private Path hostileFile() throws IOException {
    Path csv = tmp.getRoot().toPath().resolve("hostile.csv");
    try (OutputStream o = Files.newOutputStream(csv)) {
      file = o;
      o.write(BOM);
      o.write("ts,device,temp,note\r\n".getBytes(StandardCharsets.US_ASCII));
      line = 2;
      record(bytes("1594512000,a,1.5,crlf"), "\r\n", null);
      bad("1594512001,a,2.5", "expected 4 fields, found 3");
      bad("1594512002,a,1.0,x,extra", "expected 4 fields, found 5");
      bad("", "empty line");
      record(bytes("1594512003,b,abc,a number that is text"), "\r\n", null);
      bad("yesterday,a,1.0,x", "unparseable timestamp in column 'ts'");
      bad("1594512003.5.5,a,1.0,x", "unparseable timestamp in column 'ts'");
      bad(",a,1.0,x", "missing timestamp in column 'ts'");
      bad("1594512003,,1.0,x", "missing key in column 'device'");
      bad("300000000000,a,1.0,x", "timestamp out of range"); // year 11476
      bad("99999999999999,a,1.0,x", "'99999999999999' is out of range");
      bad("1e300,a,1.0,x", "'1e300' is out of range");
      row("1594512004,a,3.0,\"comma, inside\"");
      row("1594512005,a,4.0,\"quote \"\" inside\"");
      row("1594512006,a,5.0,\"new\r\nline, \"\"and\"\" more\nlines inside\"");
      row("1594512007,a,6.0,a stray \" quote");
      bad("1594512007,a,6.0,\"closed\"then more", "unexpected character after closing quote");
      record(bytes("1594512008,a,7.0,caf", new byte[] {(byte) 0xE9}, " \u00e9t\u00e9"), "\n", null);
      record(
          bytes("1594512009,", new byte[] {(byte) 0xFF, (byte) 0xFE}, ",1.0,bad bytes in the key"),
          "\n",
          null);
      record(
          bytes("1594512009,a,1.0,", new byte[] {(byte) 0xC3}, ""),
          "\r\n",
          null); // cut multi-byte sequence
      byte[] huge = new byte[TEN_MB];
      Arrays.fill(huge, (byte) 'x');
      record(bytes("1594512010,a,1.0,", huge), "\n", "line longer than the limit of 1048576 bytes");
      row("1594512011,a,8.0,after the huge line");
      String[] nan = {"NaN", "nan", "NAN", "-nan", "+NaN", "nAn"};
      String[] inf = {
        "inf",
        "-inf",
        "+inf",
        "INF",
        "Infinity",
        "-Infinity",
        "infinity",
        "+INFINITY",
        "1e400",
        "-1e400"
      };
      long t = 1594512100;
      for (String v : nan) {
        row((t++) + ",c," + v + ",nan");
      }
      for (String v : inf) {
        row((t++) + ",c," + v + ",inf");
      }
      row((t++) + ",c,2.5,plain");
      row((t++) + ",c,-0.0,zero");
      row((t++) + ",c,1e308,huge");
      row((t++) + ",c,\t1\u0000,control chars"); // text, not a number
      // A quote that opens a field and never closes makes the rest of the file one record (as
      // pandas
      // and RFC 4180 read it): that record is rejected, with the line it starts on.
      bad(
          "1594512200,a,\"never closed\n1594512201,a,1.0,swallowed by the open quote",
          "unterminated quoted field");
    }
    return csv;
  }

  @Test
  public void everyBadLineIsRejectedWithItsLineAndReasonAndTheGoodRowsAreProfiled()
      throws IOException {
    Path csv = hostileFile();
    long start = System.nanoTime();
    Runs r =
        Runs.run(
            tmp.getRoot().toPath().resolve("out"),
            "--source=" + source,
            "--input=" + csv,
            "--keyColumn=device",
            "--timestampColumn=ts");
    System.out.printf(
        "hostile file (%s): %d ms%n", source, (System.nanoTime() - start) / 1_000_000);
    assertThat(r.toString(), r.exit, is(Main.OK));

    TreeMap<Long, JsonNode> rejected = r.rejected();
    assertThat(
        rejected.keySet().toString(),
        rejected.keySet(),
        is(new java.util.TreeSet<>(rejects.keySet())));
    for (Map.Entry<Long, String> e : rejects.entrySet()) {
      JsonNode j = rejected.get(e.getKey());
      assertThat("line " + e.getKey(), j.get("reason").asText(), containsString(e.getValue()));
      assertThat(j.get("source").asText(), containsString("hostile.csv"));
      assertThat(
          "a rejected line keeps at most 2,000 characters",
          j.get("raw").asText().length(),
          lessThan(2_002));
    }

    long rowsRead = r.count("rows_read");
    assertThat(rowsRead, is(records));
    assertThat(r.count("rows_rejected"), is((long) rejects.size()));
    assertThat(r.count("rows_dropped_late"), is(0L));
    assertThat(r.count("rows_profiled"), is(records - rejects.size()));
    assertThat(r.summary().get("balanced").asBoolean(), is(true));

    TreeMap<String, JsonNode> reports = r.reports();
    String window = "@2020-07-12T00:00:00Z";
    assertThat(
        reports.keySet().toString(),
        reports.keySet(),
        is(
            new java.util.TreeSet<>(
                List.of("a" + window, "b" + window, "c" + window, "\uFFFD\uFFFD" + window))));
    long profiled = 0;
    for (JsonNode rep : reports.values()) {
      profiled += rep.get("table").get("n").asLong();
    }
    assertThat(profiled, is(records - rejects.size()));

    JsonNode a = reports.get("a" + window).get("variables");
    assertThat(
        a.get("temp").get("type").asText(), is(not("Text"))); // every temp of device a is a number
    assertThat(a.get("temp").get("n_missing").asLong(), is(0L));
    String notes =
        reports.get("a" + window).get("sample").toString() + a.get("note").get("value_counts");
    assertThat(notes, containsString("comma, inside"));
    assertThat(notes, containsString("quote \\\" inside"));
    assertThat(notes, containsString("new\\r\\nline, \\\"and\\\" more\\nlines inside"));
    assertThat(notes, containsString("a stray \\\" quote"));
    assertThat(notes, containsString("caf\uFFFD \u00e9t\u00e9"));

    // An unparseable number is not a reject: the value is kept as text and the column is no longer
    // numeric.
    JsonNode b = reports.get("b" + window).get("variables").get("temp");
    assertThat(b.get("type").asText(), is(not("Numeric")));
    assertThat(b.get("value_counts").get(0).get("value").asText(), is("abc"));

    // NaN in every spelling is missing; infinities (and overflowing numbers) are counted, not in
    // the moments.
    JsonNode c = reports.get("c" + window).get("variables").get("temp");
    assertThat(c.toString(), c.get("n_missing").asLong(), is(6L));
    assertThat(c.toString(), c.get("count").asLong(), is(14L));
    JsonNode cRep = reports.get("c" + window);
    JsonNode control = cRep.get("variables").get("temp").get("value_counts");
    assertThat(control.toString(), containsString("\\t1\\u0000"));
  }

  @Test
  public void aHeaderOnlyGivesNoReportsAndExitZero() throws IOException {
    Path csv = tmp.newFile("header-only.csv").toPath();
    Files.write(csv, bytes(BOM, "ts,device,temp\r\n"));
    Runs r =
        Runs.run(tmp.getRoot().toPath().resolve("out"), "--source=" + source, "--input=" + csv);
    assertThat(r.toString(), r.exit, is(Main.OK));
    assertThat(r.reports().isEmpty(), is(true));
    assertThat(r.count("rows_read"), is(0L));
    assertThat(r.summary().get("balanced").asBoolean(), is(true));
  }

  @Test
  public void unreadableInputIsOneLineAndExitTwo() throws IOException {
    Path empty = tmp.newFile("empty.csv").toPath();
    Path dup = tmp.newFile("dup.csv").toPath();
    Files.writeString(dup, "ts,device,temp,temp\n1594512000,a,1,2\n");
    Path bomOnly = tmp.newFile("bom.csv").toPath();
    Files.write(bomOnly, BOM);
    Object[][] cases = {
      {empty.toString(), "is empty; a header line is required"},
      {bomOnly.toString(), "is empty; a header line is required"},
      {tmp.getRoot() + "/no-such-file.csv", "no such file"},
      {dup.toString(), "the header names column 'temp' twice"},
    };
    for (Object[] c : cases) {
      Runs r =
          Runs.run(
              tmp.getRoot().toPath().resolve("out-" + Math.abs(c[0].hashCode())),
              "--source=" + source,
              "--input=" + c[0]);
      assertThat(r.toString(), r.exit, is(Main.USAGE));
      assertThat(r.toString(), r.err.strip().lines().count(), is(1L));
      assertThat(r.err, containsString("error: "));
      assertThat(r.err, containsString((String) c[1]));
      assertThat(r.err, not(containsString("Exception")));
    }
  }
}
