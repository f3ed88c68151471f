package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * A record of a file with a header of its own becomes a row of the run's columns: each field in its
 * column, the columns the file lacks missing, its field count held to its own header.
 */
public class RowParserMappedTest {
  private static final List<String> RUN = List.of("ts", "device", "temp", "humidity", "pressure");

  /** The second file: humidity dropped, pressure added, the time column moved to the end. */
  private static final ColumnMapping SECOND =
      ColumnMapping.of(RUN, List.of("device", "temp", "pressure", "ts"));

  private static final RowParser PARSER =
      new RowParser(
          Schema.of(RUN, "device", "ts"),
          TimestampFormat.of("epoch_seconds", "UTC"),
          RowParser.missingTokens(",NA"),
          Map.of("pressure", Set.of("-1")),
          "/");

  @Test
  public void theMappingSaysWhichFieldHoldsEachColumn() {
    assertThat(SECOND.fields(), is(4));
    assertThat(SECOND.columns(), is(5));
    assertThat(
        List.of(
            SECOND.fieldOf(0),
            SECOND.fieldOf(1),
            SECOND.fieldOf(2),
            SECOND.fieldOf(3),
            SECOND.fieldOf(4)),
        is(List.of(3, 0, 1, -1, 2)));
    assertThat(
        SECOND.place(List.of("d", "21.5", "1000", "60")),
        is(java.util.Arrays.asList("60", "d", "21.5", null, "1000")));
    assertThrows(
        IllegalArgumentException.class, () -> ColumnMapping.of(RUN, List.of("ts", "wind")));
  }

  @Test
  public void eachFieldLandsInItsColumnAndTheColumnsTheFileLacksAreMissing() throws Exception {
    Row row = PARSER.parse(7, "d,21.5,1013.25,60", SECOND);
    assertThat(row.line(), is(7L));
    assertThat(row.key(), is("d"));
    assertThat(row.eventTimeMicros(), is(60_000_000L));
    assertThat(row.size(), is(5));
    assertThat(row.number(2), is(21.5));
    assertThat(row.isMissing(3), is(true));
    assertThat(row.number(4), is(1013.25));
    // the same row written in the run's own column order parses to the same values
    Row same = PARSER.parse(7, "60,d,21.5,,1013.25");
    assertThat(row, is(same));
  }

  @Test
  public void quotedFieldsAndPerColumnMissingTokensFollowTheirColumn() throws Exception {
    Row row = PARSER.parse(3, "\"d, north\",\"high\",-1,60", SECOND);
    assertThat(row.key(), is("d, north"));
    assertThat(row.text(2), is("high"));
    assertThat(row.isMissing(4), is(true)); // pressure's own missing token
  }

  @Test
  public void aRecordIsCountedAgainstItsOwnHeader() {
    RowParser.RejectedException tooFew =
        assertThrows(RowParser.RejectedException.class, () -> PARSER.parse(9, "d,21.5,60", SECOND));
    assertThat(tooFew.getMessage(), is("expected 4 fields, found 3"));
    RowParser.RejectedException tooMany =
        assertThrows(
            RowParser.RejectedException.class, () -> PARSER.parse(9, "60,d,21.5,,1013", SECOND));
    assertThat(tooMany.getMessage(), is("expected 4 fields, found 5"));
    RowParser.RejectedException empty =
        assertThrows(RowParser.RejectedException.class, () -> PARSER.parse(9, "", SECOND));
    assertThat(empty.getMessage(), is("empty line"));
    RowParser.RejectedException noKey =
        assertThrows(
            RowParser.RejectedException.class, () -> PARSER.parse(9, ",21.5,1,60", SECOND));
    assertThat(noKey.getMessage(), is("missing key in column 'device'"));
  }

  @Test
  public void theEventTimeIsReadFromTheFilesOwnTimeColumn() throws Exception {
    assertThat(PARSER.eventTimeMicros("d,21.5,1013.25,60", SECOND), is(60_000_000L));
    RowParser.RejectedException shortRecord =
        assertThrows(
            RowParser.RejectedException.class, () -> PARSER.eventTimeMicros("d,21.5", SECOND));
    assertThat(shortRecord.getMessage(), is("missing timestamp in column 'ts'"));
  }

  @Test
  public void aKeyOfSeveralColumnsAndDeclaredTypesKeepTheirColumnsOverMoreColumns()
      throws Exception {
    Schema first =
        Schema.of(List.of("site", "ts", "device", "temp"), "site,device", "ts")
            .withTypes(Map.of("temp", ColumnType.NUMERIC));
    Schema run = first.withColumns(List.of("site", "ts", "device", "temp", "wind"));
    assertThat(run.keyColumns(), is(List.of("site", "device")));
    assertThat(run.timestampColumns(), is(List.of("ts")));
    assertThat(run.type(3), is(ColumnType.NUMERIC));
    assertThat(run.type(4), is(ColumnType.AUTO));
    ColumnMapping second =
        ColumnMapping.of(run.columns(), List.of("wind", "device", "ts", "site", "temp"));
    RowParser parser =
        new RowParser(
            run, TimestampFormat.of("epoch_seconds", "UTC"), RowParser.missingTokens(",NA"));
    Row row = parser.parse(2, "3.5,d1,60,north,20", second);
    assertThat(row.key(), is("north/d1"));
    assertThat(row.number(4), is(3.5));
    RowParser.RejectedException notANumber =
        assertThrows(
            RowParser.RejectedException.class,
            () -> parser.parse(2, "3.5,d1,60,north,warm", second));
    assertThat(
        notANumber.getMessage(), is("column 'temp' is declared numeric: 'warm' is not a number"));
    assertThrows(IllegalArgumentException.class, () -> first.withColumns(List.of("ts", "temp")));
  }
}
