package io.streamprofiler.sink;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileAdditions;
import io.streamprofiler.profile.WindowContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The rows of the metrics table: one per column of a profile (a key's window, a roll-up or the
 * fleet), each pane of it. Values are read from the profile as its JSON report holds them; a
 * statistic a column's type does not have is null. The schema is documented in README.md ("Metrics
 * table").
 */
public final class MetricsRows {
  /** Quantile columns and the profile fields they come from. */
  private static final String[][] QUANTILES = {
    {"p5", "5%"}, {"p25", "25%"}, {"p50", "50%"}, {"p75", "75%"}, {"p95", "95%"}
  };

  /** Drift scores and the fields of a column's drift entry they come from. */
  private static final String[][] DRIFT = {
    {"drift_psi", "psi"},
    {"drift_js_distance", "js_distance"},
    {"drift_ks", "ks"},
    {"drift_mean_shift", "mean_shift"},
    {"drift_std_ratio", "std_ratio"},
    {"drift_cramers_v", "cramers_v"}
  };

  public static final Schema SCHEMA = schema();

  private MetricsRows() {}

  private static Schema schema() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    SchemaBuilder.FieldAssembler<Schema> f =
        SchemaBuilder.record("ColumnMetrics")
            .namespace("io.streamprofiler")
            .doc("One column of one profile pane (Stream Profiler's metrics table)")
            .fields()
            .requiredString("key")
            .requiredString("scope")
            .name("window_start")
            .type(micros)
            .noDefault()
            .name("window_end")
            .type(micros)
            .noDefault()
            .requiredLong("pane_index")
            .requiredString("pane_timing")
            .requiredBoolean("exact")
            .requiredLong("rows")
            .requiredString("column")
            .requiredString("type")
            .optionalLong("count")
            .optionalLong("missing")
            .optionalLong("distinct")
            .optionalDouble("mean")
            .optionalDouble("std")
            .optionalDouble("min")
            .optionalDouble("max");
    for (String[] q : QUANTILES) {
      f = f.optionalDouble(q[0]);
    }
    f = f.name("alerts").type().array().items().stringType().noDefault();
    f = f.optionalString("drift_level");
    for (String[] d : DRIFT) {
      f = f.optionalDouble(d[0]);
    }
    return f.endRecord();
  }

  /** The day partition of a profile's window: {@code day=2020-07-12}. */
  public static String partition(Profile profile) {
    return "day="
        + Instant.ofEpochSecond(Math.floorDiv(profile.context().startMicros(), 1_000_000L))
            .atZone(ZoneOffset.UTC)
            .toLocalDate();
  }

  /**
   * The file of a profile's rows within its partition: the report's name with its folder joined by
   * {@code _} ({@code 00_0f_00_70_91_0a-88b2..._20200712T000000Z_pane0.parquet}), so a partition is
   * flat and a revised pane is a file of its own.
   */
  public static String file(Profile profile) {
    WindowContext w = profile.context();
    String report =
        ReportNames.report(
            w.key(), w.startMicros(), w.paneIndex(), "parquet", ProfileAdditions.scopeTag(profile));
    return partition(profile) + "/" + report.replace('/', '_');
  }

  public static List<GenericRecord> of(Profile profile) {
    WindowContext w = profile.context();
    Map<String, Object> table = profile.section("table");
    String scope = ProfileAdditions.scopeTag(profile);
    Map<String, Object> driftColumns = driftColumns(profile);
    List<GenericRecord> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> v : profile.variables().entrySet()) {
      Map<String, Object> var = v.getValue();
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("key", w.key());
      r.put("scope", scope.isEmpty() ? "window" : scope);
      r.put("window_start", w.startMicros());
      r.put("window_end", w.endMicros());
      r.put("pane_index", w.paneIndex());
      r.put("pane_timing", w.timing());
      r.put("exact", !Boolean.FALSE.equals(table.get("exact")));
      r.put("rows", asLong(table.get("n")));
      r.put("column", v.getKey());
      r.put("type", String.valueOf(var.get("type")));
      r.put("count", asLong(var.get("count")));
      r.put("missing", asLong(var.get("n_missing")));
      r.put("distinct", asLong(var.get("n_distinct")));
      for (String name : new String[] {"mean", "std", "min", "max"}) {
        r.put(name, asDouble(var.get(name)));
      }
      for (String[] q : QUANTILES) {
        r.put(q[0], asDouble(var.get(q[1])));
      }
      r.put("alerts", alerts(profile, v.getKey()));
      Object drift = driftColumns.get(v.getKey());
      if (drift instanceof Map<?, ?> d) {
        r.put("drift_level", d.get("level") == null ? null : String.valueOf(d.get("level")));
        for (String[] s : DRIFT) {
          r.put(s[0], asDouble(d.get(s[1])));
        }
      }
      rows.add(r);
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> driftColumns(Profile profile) {
    Object drift = profile.tree().get("drift");
    if (drift instanceof Map<?, ?> d && d.get("columns") instanceof Map<?, ?> columns) {
      return (Map<String, Object>) columns;
    }
    return Map.of();
  }

  /** The names of the alerts on this column, alone or in a pair, in the report's order. */
  private static List<String> alerts(Profile profile, String column) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> a : profile.alerts()) {
      boolean on =
          column.equals(a.get("column"))
              || (a.get("columns") instanceof List<?> pair && pair.contains(column));
      if (on) {
        names.add(String.valueOf(a.get("type")));
      }
    }
    return names;
  }

  private static Long asLong(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }

  /**
   * Numbers as they are; the drift section's infinite scores (a mean shift from a constant window)
   * are the strings "Infinity" and "-Infinity" in the profile, as JSON has no infinity, and
   * infinities again here, as Parquet has.
   */
  private static Double asDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if ("Infinity".equals(v)) {
      return Double.POSITIVE_INFINITY;
    }
    return "-Infinity".equals(v) ? Double.NEGATIVE_INFINITY : null;
  }
}
