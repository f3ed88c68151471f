package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class RowParserTest {
  private static final Schema IOT =
      Schema.of(List.of("ts", "device", "co", "humidity", "light"), "device", "ts");

  private static RowParser parser(String format, String zone) {
    return new RowParser(
        IOT, TimestampFormat.of(format, zone), RowParser.missingTokens(",NA,NaN,nan,null,NULL"));
  }

  @Test
  public void parsesEpochSecondsInScientificNotationToMicroseconds() throws Exception {
    Row row =
        parser("epoch_seconds", "UTC")
            .parse(2, "1.5945120943859746E9,b8:27:eb:bf:9d:51,0.0049,51.0,false");
    assertThat(row.eventTimeMicros(), is(1_594_512_094_385_975L));
    assertThat(row.key(), is("b8:27:eb:bf:9d:51"));
    assertThat(row.number(2), is(0.0049));
    assertThat(row.text(4), is("false"));
    assertThat(row.isNumber(3), is(true));
    assertThat(row.line(), is(2L));
  }

  @Test
  public void missingTokensAndNaNSpellingsAreMissingAndInfinityIsANumber() throws Exception {
    Row row = parser("epoch_seconds", "UTC").parse(1, "10,d,NA,-Infinity,");
    assertThat(row.isMissing(2), is(true));
    assertThat(row.number(3), is(Double.NEGATIVE_INFINITY));
    assertThat(row.isMissing(4), is(true));
    Row nan = parser("epoch_seconds", "UTC").parse(1, "10,d,-nan,inf,NaN");
    assertThat(nan.isMissing(2), is(true));
    assertThat(nan.number(3), is(Double.POSITIVE_INFINITY));
  }

  @Test
  public void missingTokensOfAnyLengthAreFoundPerColumn() throws Exception {
    String longToken = "not-measured-".repeat(6); // past the length bits' last exact length
    RowParser p =
        new RowParser(
            IOT,
            TimestampFormat.of("epoch_seconds", "UTC"),
            RowParser.missingTokens("-999," + longToken),
            java.util.Map.of("humidity", java.util.Set.of("0.0")),
            "/");
    Row row = p.parse(1, "10,d,-999," + "0.0" + "," + longToken);
    assertThat(row.isMissing(2), is(true));
    assertThat(row.isMissing(3), is(true)); // the column's own token
    assertThat(row.isMissing(4), is(true));
    Row kept = p.parse(2, "10,d,-9990,-999,0.00");
    assertThat(kept.number(2), is(-9990.0));
    assertThat(kept.number(3), is(-999.0)); // humidity's tokens replace the shared ones
    assertThat(kept.number(4), is(0.0));
  }

  @Test
  public void quotedKeysWithCommasSurvive() throws Exception {
    Row row = parser("epoch_millis", "UTC").parse(3, "1000,\"room 1, north\",1,2,true");
    assertThat(row.key(), is("room 1, north"));
    assertThat(row.eventTimeMicros(), is(1_000_000L));
  }

  @Test
  public void patternsWithZonesResolveDstLikeZonedDateTime() throws Exception {
    RowParser paris = parser("MM/dd/yyyy hh:mm:ss a", "Europe/Paris");
    // 2020-03-29 02:30 does not exist in Paris: it moves forward by the gap to 03:30 CEST = 01:30Z
    assertThat(
        paris.parse(1, "03/29/2020 02:30:00 AM,d,1,2,t").eventTimeMicros(),
        is(micros("2020-03-29T01:30:00Z")));
    // 2020-10-25 02:30 happens twice: the earlier offset (+02:00) wins
    assertThat(
        paris.parse(1, "10/25/2020 02:30:00 AM,d,1,2,t").eventTimeMicros(),
        is(micros("2020-10-25T00:30:00Z")));
    assertThat(
        paris.parse(1, "07/12/2020 01:15:00 PM,d,1,2,t").eventTimeMicros(),
        is(micros("2020-07-12T11:15:00Z")));
  }

  @Test
  public void isoTimestampsWithAndWithoutOffset() throws Exception {
    RowParser iso = parser("iso", "America/New_York");
    assertThat(
        iso.parse(1, "2020-07-12T00:00:01.5+02:00,d,1,2,t").eventTimeMicros(),
        is(micros("2020-07-11T22:00:01.5Z")));
    assertThat(
        iso.parse(1, "2020-07-12T00:00:00Z,d,1,2,t").eventTimeMicros(),
        is(micros("2020-07-12T00:00:00Z")));
    assertThat(
        iso.parse(1, "2020-07-12 00:00:00,d,1,2,t").eventTimeMicros(),
        is(micros("2020-07-12T04:00:00Z")));
  }

  @Test
  public void rejectsWithAReason() {
    RowParser p = parser("epoch_seconds", "UTC");
    assertThat(reason(p, "1,d,1,2"), is("expected 5 fields, found 4"));
    assertThat(reason(p, ""), is("empty line"));
    assertThat(reason(p, "x,d,1,2,t"), containsString("unparseable timestamp in column 'ts'"));
    assertThat(reason(p, "1,NA,1,2,t"), is("missing key in column 'device'"));
    assertThat(reason(p, ",d,1,2,t"), is("missing timestamp in column 'ts'"));
    assertThat(reason(p, "1,\"d,1,2,t"), containsString("unterminated quoted field"));
  }

  @Test
  public void badOptionsNameTheOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TimestampFormat.of("yyyy-MM-dd qqqqqq", "UTC"));
    assertThat(e.getMessage(), containsString("--timestampFormat"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> TimestampFormat.of("iso", "Mars/Olympus"));
    assertThat(e.getMessage(), containsString("--timeZone"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Schema.of(List.of("a", "b"), "device", "a"));
    assertThat(e.getMessage(), containsString("--keyColumn=device: no such column"));
  }

  @Test
  public void strictNumbers() {
    assertThat(Numbers.parse("1d"), is(Double.NaN));
    assertThat(Numbers.parse("0x1p3"), is(Double.NaN));
    assertThat(Numbers.parse(" 1"), is(Double.NaN));
    assertThat(Numbers.parse("-1.5e-3"), is(-0.0015));
    assertThat(Numbers.parse("+INF"), is(Double.POSITIVE_INFINITY));
    assertThat(Numbers.parse("."), is(Double.NaN));
  }

  @Test
  public void durations() {
    assertThat(Durations.parse("30s").getSeconds(), is(30L));
    assertThat(Durations.parse("1h").getSeconds(), is(3600L));
    assertThat(Durations.parse("7d").getSeconds(), is(7 * 86400L));
    assertThat(Durations.parse("PT1H").getSeconds(), is(3600L));
    assertThat(Durations.format(Durations.parse("PT90M")), is("90m"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1 hour"));
    assertThat(
        e.getMessage(),
        is("\"1 hour\" is not a duration; write 30s, 5m, 1h, 1d or ISO-8601 such as PT1H"));
  }

  private static long micros(String instant) {
    java.time.Instant i = java.time.Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private static String reason(RowParser p, String line) {
    try {
      p.parse(1, line);
      return null;
    } catch (RowParser.RejectedException e) {
      return e.getMessage();
    }
  }

  @Test
  public void missingRowValuesHaveNoDisplay() throws Exception {
    Row row = parser("epoch_seconds", "UTC").parse(1, "10,d,,1,t");
    assertThat(row.display(2), is(nullValue()));
    assertThat(row.display(3), is("1.0"));
  }
}
