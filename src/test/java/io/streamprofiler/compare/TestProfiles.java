package io.streamprofiler.compare;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.Schema;
import java.util.ArrayList;
import java.util.List;

/** Profiles of one column made by the real engine, so drift is tested on what profiles store. */
final class TestProfiles {
  static final Schema SCHEMA = Schema.of(List.of("ts", "device", "v"), "device", "ts");
  private static final Profiler PROFILER = new Profiler(SCHEMA, ProfileSettings.defaults());

  private TestProfiles() {}

  static Profile numbers(String key, List<Double> values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      long micros = i * 5_000_000L;
      rows.add(
          new Row(
              i + 2,
              micros,
              key,
              new String[] {null, key, null},
              new double[] {micros / 1e6, Double.NaN, values.get(i)}));
    }
    return PROFILER.profile(rows, new WindowContext(key, 0, 3_600_000_000L, 0, "ON_TIME", true, 0));
  }

  static Profile categories(String key, List<String> values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      long micros = i * 5_000_000L;
      rows.add(
          new Row(
              i + 2,
              micros,
              key,
              new String[] {null, key, values.get(i)},
              new double[] {micros / 1e6, Double.NaN, Double.NaN}));
    }
    return PROFILER.profile(rows, new WindowContext(key, 0, 3_600_000_000L, 0, "ON_TIME", true, 0));
  }
}
