package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import io.streamprofiler.record.ColumnMapping;
import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The run's columns of a glob whose files have different headers, each file's mapping onto them,
 * and the files that are rejected whole, with their reasons.
 */
public class InputHeadersTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path dir;

  private void file(String name, String text) throws IOException {
    if (dir == null) {
      dir = tmp.newFolder("in").toPath();
    }
    Files.writeString(dir.resolve(name), text);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  private static CsvReader.Record header(String text) {
    return new CsvReader.Record(1, text, false);
  }

  private static final Schema RUN =
      Schema.of(List.of("ts", "device", "temp", "humidity", "pressure"), "device", "ts");

  @Test
  public void theRunsColumnsAreTheFirstFilesThenEachNewColumnInOrderOfFirstAppearance()
      throws IOException {
    file("1.csv", "ts,device,temp,humidity\n1,a,2,3\n");
    file("2.csv", "ts,device,temp,pressure\n5,a,2,1000\n");
    file("3.csv", "wind,device,pressure,ts,rain\n4,a,1000,9,0\n");
    file("4.csv", "ts,device,temp,humidity\n9,a,2,3\n"); // the first file's header: no change
    InputHeaders headers = InputHeaders.read(dir + "/*.csv");
    Schema first = Schema.of(headers.first(), "device", "ts");
    List<String> columns = headers.columns(first);
    assertThat(
        columns, is(List.of("ts", "device", "temp", "humidity", "pressure", "wind", "rain")));

    Schema run = first.withColumns(columns);
    assertThat(run.keyIndices()[0], is(1));
    assertThat(run.timestampIndex(), is(0));
    assertThat(
        headers.changes(run),
        is(
            List.of(
                new HeaderChange(
                    path("2.csv"), path("1.csv"), List.of("pressure"), List.of("humidity"), null),
                new HeaderChange(
                    path("3.csv"),
                    path("1.csv"),
                    List.of("wind", "pressure", "rain"),
                    List.of("temp", "humidity"),
                    null))));
    assertThat(
        headers.changes(run).get(0).warning(),
        is(
            "input: "
                + path("2.csv")
                + " has a different header from "
                + path("1.csv")
                + ": adds [pressure], lacks [humidity]; its rows are read under its own header"));
  }

  @Test
  public void aFileWithoutTheKeyOrTimeColumnAddsNoColumnAndIsRejectedWithTheColumnNamed()
      throws IOException {
    file("1.csv", "ts,device,temp\n1,a,2\n");
    file("2.csv", "ts,temp,wind\n1,2,3\n");
    file("3.csv", "device,temp,rain\na,2,3\n");
    file("4.csv", "ts,device,temp,temp\n1,a,2,2\n");
    file("5.csv", "ts,\"device\"x,temp\n1,a,2\n");
    file("6.csv", ""); // nothing to read or reject
    InputHeaders headers = InputHeaders.read(dir + "/*.csv");
    Schema first = Schema.of(headers.first(), "device", "ts");
    assertThat(headers.columns(first), is(List.of("ts", "device", "temp")));
    List<HeaderChange> changes = headers.changes(first.withColumns(headers.columns(first)));
    assertThat(
        changes.stream().map(HeaderChange::rejected).toList(),
        is(
            List.of(
                "the file's header lacks the key column 'device'",
                "the file's header lacks the timestamp column 'ts'",
                "the file's header names column 'temp' twice",
                "the file's header is not valid CSV: unexpected character after closing quote at"
                    + " column 12")));
    assertThat(changes.get(0).adds(), is(List.of("wind")));
    assertThat(changes.get(0).lacks(), is(List.of("device")));
    assertThat(
        changes.get(0).warning(),
        is(
            "input: every row of "
                + path("2.csv")
                + " is rejected: the file's header lacks the key column 'device'"));
    // a pipeline spec may name a column of any file
    assertThat(headers.named(), is(List.of("ts", "device", "temp", "wind", "rain")));
  }

  @Test
  public void theFirstFilesHeaderIsCheckedAsASingleFilesAlwaysWas() throws IOException {
    file("1.csv", "");
    file("2.csv", "ts,device\n1,a\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InputHeaders.read(dir + "/*.csv"));
    assertThat(e.getMessage(), containsString("1.csv is empty; a header line is required"));
  }

  @Test
  public void eachFilesHeaderIsReadAsItIsTheRunsThroughAMappingOrRejected() {
    assertThat(
        FileHeader.check(RUN, header("ts,device,temp,humidity,pressure")).columns(),
        is(nullValue()));
    assertThat(
        FileHeader.check(RUN, header("ts,device,temp,humidity,pressure")).problem(),
        is(nullValue()));

    FileHeader other = FileHeader.check(RUN, header("pressure,ts,device"));
    assertThat(other.problem(), is(nullValue()));
    assertThat(other.columns(), is(new ColumnMapping(3, new int[] {1, 2, -1, -1, 0})));

    assertThat(
        FileHeader.check(RUN, header("ts,device,wind")).problem(),
        is(
            "the file's header has columns [wind] that no file had when the run started; run"
                + " again to profile them"));
    assertThat(
        FileHeader.check(RUN, header("device,temp")).problem(),
        is("the file's header lacks the timestamp column 'ts'"));
    assertThat(FileHeader.check(RUN, null).problem(), is("the file has no header"));
  }
}
