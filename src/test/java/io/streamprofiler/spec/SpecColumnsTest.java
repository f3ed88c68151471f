package io.streamprofiler.spec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.ColumnType;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * The record and engine features specs need: keys and event times of several columns, per-column
 * missing tokens, declared types.
 */
public class SpecColumnsTest {
  private static final List<String> HEADER =
      List.of("site", "sensor", "year", "month", "day", "hour", "level", "ok", "note");

  private static RowParser parser(Map<String, ColumnType> types, Map<String, Set<String>> missing) {
    Schema schema = Schema.of(HEADER, "site,sensor", "year,month,day,hour").withTypes(types);
    return new RowParser(
        schema, TimestampFormat.of("yyyy M d H", "Europe/Berlin"), Set.of("", "NA"), missing, "/");
  }

  @Test
  public void keyOfTwoColumnsIsJoinedAndNeverAmbiguous() throws Exception {
    RowParser p = parser(Map.of(), Map.of());
    assertThat(p.parse(2, "dresden,A,2021,3,28,1,150,yes,x").key(), is("dresden/A"));
    assertThat(p.parse(2, "a/b,c,2021,3,28,1,150,yes,x").key(), is("a\\/b/c"));
    assertThat(p.parse(2, "a,b/c,2021,3,28,1,150,yes,x").key(), is("a/b\\/c"));
    RowParser.RejectedException e =
        assertThrows(
            RowParser.RejectedException.class,
            () -> p.parse(2, "dresden,NA,2021,3,28,1,150,yes,x"));
    assertThat(e.getMessage(), is("missing key in column 'sensor'"));
  }

  @Test
  public void eventTimeOfSeveralColumnsInALocalZoneAcrossDst() throws Exception {
    RowParser p = parser(Map.of(), Map.of());
    // 28 March 2021, Europe/Berlin: 01:00 CET is 00:00 UTC, 03:00 CEST is 01:00 UTC, 02:00 does not
    // exist (moves forward)
    assertThat(p.parse(2, "s,A,2021,3,28,1,1,y,x").eventTimeMicros(), is(1_616_889_600_000_000L));
    assertThat(p.parse(2, "s,A,2021,3,28,3,1,y,x").eventTimeMicros(), is(1_616_893_200_000_000L));
    assertThat(p.parse(2, "s,A,2021,3,28,2,1,y,x").eventTimeMicros(), is(1_616_893_200_000_000L));
    assertThat(p.eventTimeMicros("s,A,2021,3,28,3,1,y,x"), is(1_616_893_200_000_000L));
    RowParser.RejectedException e =
        assertThrows(RowParser.RejectedException.class, () -> p.parse(2, "s,A,2021,3,,3,1,y,x"));
    assertThat(e.getMessage(), is("missing timestamp in column 'day'"));
    e = assertThrows(RowParser.RejectedException.class, () -> p.parse(2, "s,A,2021,13,28,3,1,y,x"));
    assertThat(
        e.getMessage().startsWith("unparseable timestamp in columns 'year+month+day+hour'"),
        is(true));
  }

  @Test
  public void perColumnMissingTokensReplaceTheStreamWideOnes() throws Exception {
    RowParser p = parser(Map.of(), Map.of("level", Set.of("-999"), "note", Set.of()));
    Row r = p.parse(2, "s,A,2021,3,28,1,-999,NA,NA");
    assertThat(r.isMissing(6), is(true));
    assertThat(r.isMissing(7), is(true));
    assertThat(r.text(8), is("NA"));
    assertThat(p.parse(2, "s,A,2021,3,28,1,NA,y,x").text(6), is("NA"));
  }

  @Test
  public void declaredTypesHoldValuesAndWinOverInference() throws Exception {
    RowParser p =
        parser(
            Map.of(
                "level", ColumnType.NUMERIC, "ok", ColumnType.BOOLEAN, "note", ColumnType.DATETIME),
            Map.of());
    RowParser.RejectedException e =
        assertThrows(
            RowParser.RejectedException.class,
            () -> p.parse(2, "s,A,2021,3,28,1,high,y,2021-03-01"));
    assertThat(e.getMessage(), is("column 'level' is declared numeric: 'high' is not a number"));
    e =
        assertThrows(
            RowParser.RejectedException.class,
            () -> p.parse(2, "s,A,2021,3,28,1,1,maybe,2021-03-01"));
    assertThat(e.getMessage(), is("column 'ok' is declared boolean: 'maybe' is not true or false"));
    Row r = p.parse(2, "s,A,2021,3,28,1,1,Y,2021-03-01T12:00");
    assertThat(r.text(7), is("true"));
    assertThat(r.text(8), is("2021-03-01T11:00:00Z"));

    // numbers with few distinct values: Categorical by inference, a number type when declared
    // numeric; text declared categorical
    Schema inferred = Schema.of(HEADER, "site,sensor", "year,month,day,hour");
    Schema declared =
        inferred.withTypes(
            Map.of(
                "level",
                ColumnType.NUMERIC,
                "note",
                ColumnType.TEXT,
                "hour",
                ColumnType.CATEGORICAL));
    List<Row> rows = new ArrayList<>();
    RowParser plain = new RowParser(inferred, TimestampFormat.of("yyyy M d H", "UTC"), Set.of(""));
    for (int i = 0; i < 20; i++) {
      rows.add(plain.parse(2 + i, "s,A,2021,3,28," + i + "," + (i % 3) + ",y,n" + (i % 2)));
    }
    WindowContext w = new WindowContext("s/A", 0, 3_600_000_000L, 0, "ON_TIME", true, 0);
    Map<String, Object> before =
        vars(new Profiler(inferred, ProfileSettings.defaults()).profile(rows, w).tree());
    Map<String, Object> after =
        vars(new Profiler(declared, ProfileSettings.defaults()).profile(rows, w).tree());
    assertThat(type(before, "level"), is("Categorical"));
    assertThat(
        type(after, "level"), is("TimeSeries")); // numeric, and period 3: lag-12 autocorrelation 1
    assertThat(type(before, "note"), is("Categorical"));
    assertThat(type(after, "note"), is("Text"));
    assertThat(type(after, "hour"), is("Categorical"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> vars(Map<String, Object> tree) {
    return (Map<String, Object>) tree.get("variables");
  }

  @SuppressWarnings("unchecked")
  private static String type(Map<String, Object> vars, String column) {
    return (String) ((Map<String, Object>) vars.get(column)).get("type");
  }
}
