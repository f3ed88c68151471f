package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The bundled IoT sample: per device, the numeric matrices pandas computed. */
public class IotSampleCorrelationTest {
  private static final List<String> COLUMNS = List.of("co", "humidity", "lpg", "smoke", "temp");

  @Test
  public void matchesPandasPerDevice() throws IOException {
    Map<String, List<double[]>> rowsByDevice = readSample();
    JsonNode profiles = Fixtures.load("/fixtures/iot_sample_expected.json").get("profiles");
    assertEquals(rowsByDevice.size(), profiles.size());
    Fixtures.Errors errors = new Fixtures.Errors();
    for (JsonNode profile : profiles) {
      String device = profile.get("key").asText();
      List<double[]> rows = rowsByDevice.get(device);
      double[][] columns = new double[COLUMNS.size()][rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        for (int j = 0; j < COLUMNS.size(); j++) {
          columns[j][i] = rows.get(i)[j];
        }
      }
      NumericCorrelations all = Correlations.numeric(COLUMNS, columns);
      JsonNode expected = profile.get("correlations");
      for (String method : List.of("pearson", "spearman", "kendall")) {
        JsonNode m = expected.get(method);
        CorrelationMatrix actual =
            switch (method) {
              case "pearson" -> all.pearson();
              case "spearman" -> all.spearman();
              default -> all.kendall();
            };
        errors.check(
            device + " " + method,
            Fixtures.strings(m.get("columns")),
            Fixtures.matrix(m.get("matrix")),
            actual);
        // The single-matrix entry points give the same numbers.
        CorrelationMatrix single =
            switch (method) {
              case "pearson" -> Correlations.pearson(COLUMNS, columns);
              case "spearman" -> Correlations.spearman(COLUMNS, columns);
              default -> Correlations.kendall(COLUMNS, columns);
            };
        errors.check(device + " " + method + " (single)", COLUMNS, actual.matrix(), single);
      }
    }
    errors.report("iot sample");
  }

  /** Rows of co, humidity, lpg, smoke, temp per device; the sample is one hour of each. */
  static Map<String, List<double[]>> readSample() throws IOException {
    Path csv = Path.of("data", "iot_telemetry_data_1000.csv");
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int device = header.indexOf("device");
    int[] idx = COLUMNS.stream().mapToInt(header::indexOf).toArray();
    Map<String, List<double[]>> byDevice = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      double[] row = new double[idx.length];
      for (int j = 0; j < idx.length; j++) {
        row[j] = Double.parseDouble(f[idx[j]]);
      }
      byDevice.computeIfAbsent(f[device], k -> new ArrayList<>()).add(row);
    }
    return byDevice;
  }
}
