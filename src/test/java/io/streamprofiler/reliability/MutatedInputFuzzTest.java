package io.streamprofiler.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowCoder;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import io.streamprofiler.render.HtmlReport;
import io.streamprofiler.render.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/**
 * A seeded generator of hostile lines (byte flips, truncations, quote storms, huge numbers, control
 * characters, stray separators and newlines, invalid UTF-8) thrown at the CSV reader, the row
 * parser and the engine: no exception escapes, every record is either a row or a reject, every
 * physical line belongs to exactly one record, and every key-window of surviving rows profiles and
 * renders.
 */
public class MutatedInputFuzzTest {
  private static final int LINES = 12_000;
  private static final String[] HEADER = {
    "ts", "device", "co", "humidity", "light", "motion", "note"
  };
  private static final String[] KEYS = {"a", "b", "c", "d\u00e9v", "e,f", "../x", "<script>"};

  @Test
  public void mutatedLinesAreRowsOrRejectsAndTheEngineProfilesTheRows() throws Exception {
    for (long seed : new long[] {11L, 20240611L}) {
      fuzz(seed);
    }
  }

  private void fuzz(long seed) throws Exception {
    Random random = new Random(seed);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes((String.join(",", HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
    int mutated = 0;
    for (int i = 0; i < LINES; i++) {
      byte[] line = validLine(random, i);
      if (random.nextInt(10) < 7) {
        line = mutate(random, line);
        mutated++;
      }
      input.writeBytes(line);
      input.writeBytes(random.nextInt(8) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      if (random.nextInt(100) == 0) {
        input.write('\n'); // an empty line now and then
      }
    }
    byte[] bytes = input.toByteArray();
    long newlines = 0;
    for (byte b : bytes) {
      newlines += b == '\n' ? 1 : 0;
    }

    Schema schema = Schema.of(List.of(HEADER), "device", "ts");
    RowParser parser =
        new RowParser(
            schema,
            TimestampFormat.of("epoch_seconds", "UTC"),
            RowParser.missingTokens(",NA,NaN,nan,null,NULL"));
    TreeMap<String, List<Row>> groups = new TreeMap<>();
    long records = 0;
    long rows = 0;
    long rejects = 0;
    long expectedLine = 2;
    int maxRecordBytes = 4096;
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), maxRecordBytes)) {
      reader.next(); // header
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        records++;
        assertThat("records start where the previous one ended", r.line(), is(expectedLine));
        expectedLine = reader.nextLine();
        assertThat(r.text().length() <= maxRecordBytes, is(true));
        try {
          Row row = parser.parse(r);
          rows++;
          Row back =
              CoderUtils.decodeFromByteArray(
                  RowCoder.of(), CoderUtils.encodeToByteArray(RowCoder.of(), row));
          assertThat(back.key(), is(row.key()));
          long window = Math.floorDiv(row.eventTimeMicros(), 3_600_000_000L);
          groups.computeIfAbsent(row.key() + "\u0000" + window, k -> new ArrayList<>()).add(row);
        } catch (RowParser.RejectedException e) {
          rejects++;
          assertThat(e.getMessage() != null && !e.getMessage().isBlank(), is(true));
        }
      }
    }
    // the input ends with a newline: the records cover exactly its lines, one after the other
    assertThat("every physical line is in one record", expectedLine - 1, is(newlines));
    assertThat(records, is(rows + rejects));
    assertThat(rows, greaterThan(1000L));
    assertThat(rejects, greaterThan(1000L));

    Profiler profiler = new Profiler(schema, ProfileSettings.defaults());
    long profiled = 0;
    for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
      List<Row> window = new ArrayList<>(g.getValue());
      window.sort((x, y) -> Long.compare(x.eventTimeMicros(), y.eventTimeMicros()));
      long start = Math.floorDiv(window.get(0).eventTimeMicros(), 3_600_000_000L) * 3_600_000_000L;
      Profile p =
          profiler.profile(
              window,
              new WindowContext(
                  window.get(0).key(), start, start + 3_600_000_000L, 0, "ON_TIME", true, 0));
      assertThat(((Number) p.section("table").get("n")).longValue(), is((long) window.size()));
      profiled += window.size();
      String json = JsonReport.write(p);
      JsonReport.read(json);
      HtmlReport.render(p);
    }
    assertThat(profiled, is(rows));
    System.out.printf(
        "fuzz seed %d: %d lines (%d mutated), %d records: %d rows in %d key-windows, %d rejects%n",
        seed, LINES, mutated, records, rows, groups.size(), rejects);
  }

  private static byte[] validLine(Random r, int i) {
    long ts = 1594512000L + i * 3L + r.nextInt(3);
    String key = KEYS[r.nextInt(KEYS.length)];
    if (key.contains(",")) {
      key = "\"" + key + "\"";
    }
    return (ts
            + ","
            + key
            + ","
            + r.nextGaussian() / 100
            + ","
            + (50 + r.nextInt(30))
            + ","
            + r.nextBoolean()
            + ","
            + (r.nextInt(20) == 0 ? "" : r.nextInt(2))
            + ",n"
            + r.nextInt(50))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final String[] HUGE = {
    "1e308",
    "-1e308",
    "1e400",
    "9".repeat(400),
    "1" + "0".repeat(5000),
    "0x1p3",
    "1d",
    "NaN",
    "-Infinity",
    "+inf",
    "4.9e-324",
    "-0.0",
    "1e-400",
    "١٢٣",
    "1_000",
    "1,5"
  };

  private static byte[] mutate(Random r, byte[] line) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int kind = r.nextInt(10);
    switch (kind) {
      case 0 -> { // flip bytes
        byte[] copy = line.clone();
        for (int k = 0; k <= r.nextInt(4); k++) {
          copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return copy;
      }
      case 1 -> { // truncate
        return java.util.Arrays.copyOf(line, r.nextInt(line.length));
      }
      case 2 -> { // quote storm
        String q = "\"".repeat(1 + r.nextInt(7));
        int at = r.nextInt(line.length + 1);
        b.write(line, 0, at);
        b.writeBytes(q.getBytes(StandardCharsets.US_ASCII));
        if (r.nextBoolean()) {
          b.writeBytes(
              "\n".getBytes(StandardCharsets.US_ASCII)); // a newline that a quote may swallow
        }
        b.write(line, at, line.length - at);
        return b.toByteArray();
      }
      case 3 -> { // a huge or odd number in place of a field
        String[] f = new String(line, StandardCharsets.UTF_8).split(",", -1);
        f[r.nextInt(f.length)] = HUGE[r.nextInt(HUGE.length)];
        return String.join(",", f).getBytes(StandardCharsets.UTF_8);
      }
      case 4 -> { // control characters
        byte[] copy = line.clone();
        for (int k = 0; k <= r.nextInt(3); k++) {
          copy[r.nextInt(copy.length)] = (byte) r.nextInt(32);
        }
        return copy;
      }
      case 5 -> { // separators added or removed
        String s = new String(line, StandardCharsets.UTF_8);
        return (r.nextBoolean() ? s.replaceFirst(",", "") : s.replaceFirst(",", ",,,"))
            .getBytes(StandardCharsets.UTF_8);
      }
      case 6 -> { // invalid UTF-8
        byte[] bad = {
          (byte) 0xFF,
          (byte) 0xC3,
          (byte) 0x80,
          (byte) 0xED,
          (byte) 0xA0,
          (byte) 0x80,
          (byte) 0xF4,
          (byte) 0x90
        };
        int at = r.nextInt(line.length + 1);
        b.write(line, 0, at);
        b.write(bad, r.nextInt(4), 1 + r.nextInt(4));
        b.write(line, at, line.length - at);
        return b.toByteArray();
      }
      case 7 -> { // random bytes
        byte[] noise = new byte[1 + r.nextInt(60)];
        r.nextBytes(noise);
        return noise;
      }
      case 8 -> { // a long line, past the reader's limit now and then
        String pad = "x".repeat(r.nextInt(8) == 0 ? 5000 : 200);
        return (new String(line, StandardCharsets.UTF_8) + pad).getBytes(StandardCharsets.UTF_8);
      }
      default -> { // a CR or a lone quoted field in the middle
        String s = new String(line, StandardCharsets.UTF_8);
        int at = r.nextInt(s.length() + 1);
        return (s.substring(0, at) + (r.nextBoolean() ? "\r" : "\"a,\"\"b\"\"\"") + s.substring(at))
            .getBytes(StandardCharsets.UTF_8);
      }
    }
  }
}
