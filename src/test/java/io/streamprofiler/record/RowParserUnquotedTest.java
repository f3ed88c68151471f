package io.streamprofiler.record;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.Test;

/**
 * A record without quotes is read field by field from its text, making strings only where needed:
 * it must give the row (or the reason) that splitting it into strings first gives.
 */
public class RowParserUnquotedTest {
  private static final String[] CELLS = {
    "0.0049",
    "-12.5",
    "51",
    "1e3",
    "1E-3",
    "+7",
    ".5",
    "5.",
    "007",
    "0.023712927656643044",
    "1.5945120000078042E9",
    "123456789012345678901234",
    "",
    "NA",
    "NaN",
    "-nan",
    "inf",
    "-Infinity",
    "true",
    "false",
    "t",
    "yes",
    "abc",
    "b8:27:eb:bf:9d:51",
    "-",
    "1e",
    "1.2.3",
    "0x1p3",
    " 1",
    "2020-07-12T00:00:00Z",
    "-999",
    "0" + "0".repeat(420) + "1"
  };

  private static String outcome(RowParser p, long line, List<String> fields) {
    try {
      return describe(p.parse(line, fields));
    } catch (RowParser.RejectedException e) {
      return "rejected: " + e.getMessage();
    }
  }

  private static String outcome(RowParser p, long line, String text) {
    try {
      return describe(p.parse(line, text));
    } catch (RowParser.RejectedException e) {
      return "rejected: " + e.getMessage();
    }
  }

  private static String describe(Row r) {
    StringBuilder b = new StringBuilder();
    b.append(r.line()).append('|').append(r.key()).append('|').append(r.eventTimeMicros());
    for (int i = 0; i < r.size(); i++) {
      b.append('|')
          .append(r.text(i))
          .append('/')
          .append(Long.toHexString(Double.doubleToRawLongBits(r.number(i))));
    }
    return b.toString();
  }

  @Test
  public void unquotedRecordsReadAsTheirSplitFieldsDo() throws Exception {
    Schema plain = Schema.of(List.of("ts", "device", "a", "b", "c"), "device", "ts");
    Schema typed =
        plain.withTypes(
            Map.of("a", ColumnType.NUMERIC, "b", ColumnType.BOOLEAN, "c", ColumnType.DATETIME));
    List<RowParser> parsers =
        List.of(
            new RowParser(
                plain,
                TimestampFormat.of("epoch_seconds", "UTC"),
                RowParser.missingTokens(",NA,NaN,null")),
            new RowParser(
                typed,
                TimestampFormat.of("epoch_seconds", "UTC"),
                RowParser.missingTokens("NA,-999"),
                Map.of("b", Set.of("", "0.0049")),
                "/"));
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 60_000; round++) {
      int width = random.nextInt(10) == 0 ? 3 + random.nextInt(5) : 5;
      StringBuilder b = new StringBuilder();
      for (int f = 0; f < width; f++) {
        if (f > 0) {
          b.append(',');
        }
        b.append(
            f == 0 && random.nextInt(4) > 0
                ? Double.toString(1.5e9 + random.nextInt(100_000))
                : CELLS[random.nextInt(CELLS.length)]);
      }
      String text = b.toString();
      for (RowParser p : parsers) {
        assertEquals(text, outcome(p, 7, CsvSplitter.split(text)), outcome(p, 7, text));
      }
    }
  }

  @Test
  public void aRowReadFromTextKeepsItsNumbersExactly() throws Exception {
    RowParser p =
        new RowParser(
            Schema.of(List.of("ts", "device", "co"), "device", "ts"),
            TimestampFormat.of("epoch_seconds", "UTC"),
            RowParser.missingTokens(""));
    Row row = p.parse(2, "1.5945120943859746E9,b8:27:eb:bf:9d:51,0.004956");
    assertArrayEquals(
        new double[] {1.5945120943859746E9, Double.NaN, 0.004956},
        new double[] {row.number(0), row.number(1), row.number(2)},
        0);
    assertEquals("b8:27:eb:bf:9d:51", row.key());
  }
}
