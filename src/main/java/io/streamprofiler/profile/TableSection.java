package io.streamprofiler.profile;

import io.streamprofiler.profile.stats.Duplicates;
import io.streamprofiler.profile.stats.ValueCount;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The window as a whole: the table statistics, the first and last rows, and duplicated rows. */
final class TableSection {
  static final int SAMPLE_ROWS = 10;

  private TableSection() {}

  static Tree table(
      List<Row> rows,
      List<VariableSection.Described> vars,
      Duplicates.DuplicateSummary<RowCells> duplicates) {
    long cells = (long) rows.size() * vars.size();
    long missing = vars.stream().mapToLong(v -> v.column().nMissing).sum();
    Map<VariableType, Integer> types = new EnumMap<>(VariableType.class);
    vars.forEach(v -> types.merge(v.type(), 1, Integer::sum));
    Tree typeCounts = Tree.object();
    types.forEach((type, count) -> typeCounts.put(type.name(), count));
    Tree t =
        Tree.object()
            .put("n", (long) rows.size())
            .put("n_var", vars.size())
            .put("n_cells_missing", missing)
            .put("p_cells_missing", VariableSection.ratio(missing, cells))
            .put("n_vars_with_missing", vars.stream().filter(v -> v.column().nMissing > 0).count())
            .put(
                "n_vars_all_missing",
                vars.stream().filter(v -> v.column().nMissing == rows.size()).count())
            .put("n_duplicates", duplicates.nDuplicates())
            .put("p_duplicates", duplicates.pDuplicates())
            .put("types", typeCounts)
            .put("exact", true);
    if (!rows.isEmpty()) {
      t.put("first_event", VariableSection.iso(rows.get(0).eventTimeMicros()))
          .put("last_event", VariableSection.iso(rows.get(rows.size() - 1).eventTimeMicros()));
    }
    return t;
  }

  static List<List<String>> asText(List<Row> rows, int columns) {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new RowCells(r, columns).display());
    }
    return out;
  }

  static Tree sample(List<Row> rows, Schema schema) {
    int n = rows.size();
    return Tree.object()
        .put("columns", schema.columns())
        .put("head", asText(rows.subList(0, Math.min(SAMPLE_ROWS, n)), schema.size()))
        .put("tail", asText(rows.subList(Math.max(0, n - SAMPLE_ROWS), n), schema.size()));
  }

  static List<Object> duplicates(Duplicates.DuplicateSummary<RowCells> summary) {
    List<Object> list = new ArrayList<>();
    for (ValueCount<RowCells> row : summary.mostFrequent()) {
      list.add(Tree.object().put("row", row.value().display()).put("count", row.count()).build());
    }
    return list;
  }
}
