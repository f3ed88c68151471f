package io.streamprofiler.source;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import io.streamprofiler.record.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The headers of every file an input pattern matches, read before the pipeline is built. The first
 * file (by name) is the reference, checked as a single file's header always was; the run's columns
 * are the first file's in its order, then each column a later file brings, in order of first
 * appearance. A later file with another header is read under its own ({@link FileHeader}) and is a
 * {@link HeaderChange} of the run.
 */
public final class InputHeaders {
  private final String firstFile;
  private final List<String> first;

  /** Each later file's first record (null when the file is empty), by file name in name order. */
  private final Map<String, CsvReader.Record> later;

  private InputHeaders(String firstFile, List<String> first, Map<String, CsvReader.Record> later) {
    this.firstFile = firstFile;
    this.first = List.copyOf(first);
    this.later = later;
  }

  /**
   * @throws IllegalArgumentException as {@link CsvHeader#read} does for the first file, or when a
   *     file cannot be read at all
   */
  public static InputHeaders read(String filepattern) {
    List<MatchResult.Metadata> files = CsvHeader.match(filepattern);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--input=" + filepattern + ": no such file");
    }
    String firstFile = files.get(0).resourceId().toString();
    List<String> first = CsvHeader.read(filepattern, files.get(0).resourceId());
    Map<String, CsvReader.Record> later = new LinkedHashMap<>();
    for (MatchResult.Metadata m : files.subList(1, files.size())) {
      later.put(m.resourceId().toString(), CsvHeader.firstRecord(filepattern, m.resourceId()));
    }
    return new InputHeaders(firstFile, first, later);
  }

  /** The first file's header. */
  public List<String> first() {
    return first;
  }

  /**
   * The run's columns: the first file's, then the new columns of each later file whose rows can be
   * read (a file rejected whole adds none: they would be missing in every report).
   *
   * @param reference the schema of the first file's header, which names the key and time columns
   */
  public List<String> columns(Schema reference) {
    Set<String> columns = new LinkedHashSet<>(first);
    for (CsvReader.Record record : later.values()) {
      List<String> header = split(record);
      if (header != null && FileHeader.problem(header, reference) == null) {
        columns.addAll(header);
      }
    }
    return new ArrayList<>(columns);
  }

  /**
   * Every column a file's header names, the first file's first: what a pipeline spec may name
   * before the key and time columns are known.
   */
  public List<String> named() {
    Set<String> columns = new LinkedHashSet<>(first);
    for (CsvReader.Record record : later.values()) {
      List<String> header = split(record);
      if (header != null) {
        columns.addAll(header);
      }
    }
    return new ArrayList<>(columns);
  }

  /** Each later file whose header is not the first file's, and how its rows are read. */
  public List<HeaderChange> changes(Schema run) {
    List<HeaderChange> changes = new ArrayList<>();
    for (Map.Entry<String, CsvReader.Record> e : later.entrySet()) {
      if (e.getValue() == null) {
        continue; // an empty file has no rows to read or reject
      }
      String rejected = FileHeader.check(run, e.getValue()).problem();
      List<String> header = split(e.getValue());
      if (header == null) {
        changes.add(new HeaderChange(e.getKey(), firstFile, List.of(), List.of(), rejected));
      } else if (!header.equals(first)) {
        changes.add(HeaderChange.between(e.getKey(), header, firstFile, first, rejected));
      }
    }
    return changes;
  }

  /** A header's names, or null when it is not valid CSV (or the file is empty). */
  private static List<String> split(CsvReader.Record record) {
    if (record == null) {
      return null;
    }
    try {
      return CsvSplitter.split(record.text());
    } catch (CsvSplitter.MalformedRecordException e) {
      return null;
    }
  }
}
