package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Test;

/** The bundled sample against the project's pandas-computed fixture, per device in ts order. */
public class IotSampleTest {
  private static final Path CSV = Path.of("data", "iot_telemetry_data_1000.csv");
  private static final String[] COLUMNS = {"co", "humidity", "lpg", "smoke", "temp"};

  @AfterClass
  public static void printErrors() {
    System.out.println(Fixtures.report());
  }

  @Test
  public void numericColumnsOfEachDeviceMatchPandas() throws IOException {
    List<String> lines = Files.readAllLines(CSV);
    String[] header = lines.get(0).split(",");
    List<String> headerList = List.of(header);
    Map<String, List<String[]>> byDevice = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      byDevice
          .computeIfAbsent(cells[headerList.indexOf("device")], k -> new ArrayList<>())
          .add(cells);
    }
    int ts = headerList.indexOf("ts");
    JsonNode fixture = Fixtures.read("/fixtures/iot_sample_expected.json");
    int checked = 0;
    for (JsonNode profile : fixture.get("profiles")) {
      List<String[]> rows = new ArrayList<>(byDevice.get(profile.get("key").asText()));
      rows.sort(
          Comparator.comparingDouble(
              r -> Double.parseDouble(r[ts]))); // stable: equal ts keep file order
      for (String column : COLUMNS) {
        int c = headerList.indexOf(column);
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = Double.parseDouble(rows.get(i)[c]);
        }
        NumericSummary s = NumericSummary.of(values);
        JsonNode expected = profile.get("variables").get(column);
        Fixtures.checkNumeric(profile.get("key").asText() + "/" + column, expected, s);
        checked++;
      }
      assertEquals(profile.get("table").get("n").asLong(), rows.size());
    }
    assertTrue("fixture covered", checked == 15);
  }
}
