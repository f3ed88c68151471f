package io.streamprofiler.profile;

import io.streamprofiler.profile.stats.Duplicates;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.Schema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profiling engine: the rows of one key-window in, an immutable {@link Profile} out. Plain
 * Java, no Beam: a pipeline, a test or a benchmark calls it the same way. Thread-safe and cheap to
 * serialise: it holds only the schema and the settings.
 */
public final class Profiler implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String GENERATOR = "stream-profiler 0.1.0";

  private final Schema schema;
  private final ProfileSettings settings;

  public Profiler(Schema schema, ProfileSettings settings) {
    this.schema = schema;
    this.settings = settings;
  }

  /**
   * @param rows the rows of the window, in event-time order (ties in arrival order)
   */
  public Profile profile(List<Row> rows, WindowContext context) {
    return profile(rows, context, Overrides.NONE);
  }

  /**
   * As {@link #profile(List, WindowContext)}, with what {@code overrides} knows better than {@code
   * rows} put in before the alerts are decided: the state path profiles a downsampled series and
   * overrides it with the exact and sketched statistics of every row.
   */
  Profile profile(List<Row> rows, WindowContext context, Overrides overrides) {
    List<VariableSection.Described> vars = new ArrayList<>(schema.size());
    long[] eventTimes = rows.stream().mapToLong(Row::eventTimeMicros).toArray();
    Tree variables = Tree.object();
    List<ColumnValues> columns = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      ColumnValues column = ColumnValues.of(schema.column(i), i, rows);
      columns.add(column);
      VariableSection.Described v =
          overrides.variable(
              i,
              VariableSection.describe(
                  column,
                  i == schema.timestampIndex() ? eventTimes : null,
                  schema.type(i),
                  settings));
      vars.add(v);
      variables.put(column.name, v.fields());
    }
    Duplicates.DuplicateSummary<RowCells> duplicates =
        Duplicates.of(RowCells.of(rows, schema.size()), TableSection.SAMPLE_ROWS);
    Map<String, Object> correlations =
        overrides.correlations(CorrelationSection.of(vars, settings.correlations()).build());
    Tree tree =
        Tree.object()
            .put("analysis", analysis(context))
            .put("key", context.key())
            .put(
                "window",
                Tree.object()
                    .put("start", VariableSection.iso(context.startMicros()))
                    .put("end", VariableSection.iso(context.endMicros())))
            .put(
                "pane",
                Tree.object()
                    .put("index", context.paneIndex())
                    .put("timing", context.timing())
                    .put("is_last", context.isLast())
                    .put("late_rows", context.lateRows()))
            .put("table", overrides.table(TableSection.table(rows, vars, duplicates).build()))
            .put("variables", variables)
            .put("correlations", correlations)
            .put("interactions", interactions(vars))
            .put("missing", overrides.missing(MissingSection.of(columns, rows.size()).build()))
            .put(
                "alerts",
                AlertRules.evaluate(
                    vars,
                    schema.keyColumns(),
                    correlations,
                    overrides.rows(rows.size()),
                    duplicates.nDuplicates(),
                    settings))
            .put("sample", overrides.sample(TableSection.sample(rows, schema).build()))
            .put("duplicates", TableSection.duplicates(duplicates));
    return new Profile(context, tree.build());
  }

  private static List<Object> interactions(List<VariableSection.Described> vars) {
    CorrelationSection.NumericColumns numeric = CorrelationSection.numericColumns(vars);
    return InteractionSection.of(numeric.names(), numeric.values());
  }

  private Tree analysis(WindowContext context) {
    return Tree.object()
        .put("title", schema.keyColumn() + " " + context.key())
        .put("generator", GENERATOR)
        .put("key_column", schema.keyColumn())
        .put("timestamp_column", schema.timestampColumn())
        .putIfPresent(
            "column_types", schema.declaredTypes().isEmpty() ? null : schema.declaredTypes())
        .put("settings", settings.asMap());
  }
}
