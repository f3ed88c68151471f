package io.streamprofiler.source;

import io.streamprofiler.record.ColumnMapping;
import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import io.streamprofiler.record.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One file's header held against the run's columns, as a reader finds it when it opens the file:
 * the same columns (its records take the usual path), other columns (its records are read under its
 * own header through a {@link ColumnMapping}), or a header its records cannot be read under, with
 * the reason each of them is rejected with.
 *
 * @param columns the mapping of a header other than the run's columns; null when it is the same or
 *     the file is rejected
 * @param problem why every record of the file is rejected; null when they can be read
 */
record FileHeader(ColumnMapping columns, String problem) {
  private static final FileHeader SAME = new FileHeader(null, null);

  /** The file's first record against the run's columns; null when the file is empty. */
  static FileHeader check(Schema run, CsvReader.Record first) {
    if (first == null) {
      return new FileHeader(null, "the file has no header");
    }
    List<String> header;
    try {
      header = CsvSplitter.split(first.text());
    } catch (CsvSplitter.MalformedRecordException e) {
      return new FileHeader(null, "the file's header is not valid CSV: " + e.getMessage());
    }
    if (header.equals(run.columns())) {
      return SAME;
    }
    String problem = problem(header, run);
    if (problem != null) {
      return new FileHeader(null, problem);
    }
    List<String> unknown = new ArrayList<>(header);
    unknown.removeAll(run.columns());
    if (!unknown.isEmpty()) {
      // the run's columns are fixed when the pipeline is built: a file that appeared since then
      // with a column of its own cannot be profiled under them
      return new FileHeader(
          null,
          "the file's header has columns "
              + unknown
              + " that no file had when the run started; run again to profile them");
    }
    return new FileHeader(ColumnMapping.of(run.columns(), header), null);
  }

  /**
   * Why records cannot be read under a header that is not the run's own, or null when they can: the
   * header must name each column once, and hold every key and event-time column, since a row
   * without them has no place in any report.
   */
  static String problem(List<String> header, Schema run) {
    String twice = Schema.repeated(header);
    if (twice != null) {
      return "the file's header names column '" + twice + "' twice";
    }
    for (String key : run.keyColumns()) {
      if (!header.contains(key)) {
        return "the file's header lacks the key column '" + key + "'";
      }
    }
    for (String time : run.timestampColumns()) {
      if (!header.contains(time)) {
        return "the file's header lacks the timestamp column '" + time + "'";
      }
    }
    return null;
  }
}
