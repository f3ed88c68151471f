package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** JSON messages mapped to schema columns by name, with the numbers' own text. */
public class JsonFieldsTest {
  private static final List<String> COLUMNS = List.of("ts", "device", "temp", "motion");

  @Test
  public void fieldsAreTakenByNameKeepingTheirText() throws Exception {
    assertThat(
        JsonFields.of(
            "{\"temp\":19.700000762939453,\"ts\":1.5945120943859746E9,\"extra\":1,\"device\":\"a\",\"motion\":false}",
            COLUMNS),
        is(List.of("1.5945120943859746E9", "a", "19.700000762939453", "false")));
    assertThat(
        JsonFields.of("{\"ts\":1,\"device\":null}", COLUMNS),
        is(Arrays.asList("1", null, null, null)));
  }

  @Test
  public void whatIsNotAnObjectOfValuesIsRejectedWithAReason() {
    assertThat(reason("[1,2]"), containsString("not a JSON object"));
    assertThat(reason("{\"ts\":"), containsString("not valid JSON"));
    assertThat(reason("{\"ts\":{\"a\":1}}"), containsString("field 'ts'"));
    assertThat(reason("{} {}"), containsString("text after"));
  }

  @Test
  public void aJsonParserReadsRowsAndEventTimes() throws Exception {
    Schema schema = Schema.of(COLUMNS, "device", "ts");
    RowParser parser =
        new RowParser(schema, TimestampFormat.of("epoch_seconds", "UTC"), Set.of("")).forJson();
    assertThat(
        parser.eventTimeMicros("{\"ts\":1594512094.5,\"device\":\"a\"}"),
        is(1_594_512_094_500_000L));
    Row row = parser.parse(7, "{\"ts\":1594512094,\"device\":\"a\",\"temp\":20.5,\"motion\":true}");
    assertThat(row.key(), is("a"));
    assertThat(row.number(2), is(20.5));
    RowParser.RejectedException e =
        assertThrows(
            RowParser.RejectedException.class, () -> parser.parse(8, "{\"device\":\"a\"}"));
    assertThat(e.getMessage(), containsString("missing timestamp"));
  }

  private static String reason(String json) {
    return assertThrows(RowParser.RejectedException.class, () -> JsonFields.of(json, COLUMNS))
        .getMessage();
  }
}
