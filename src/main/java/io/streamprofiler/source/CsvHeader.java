package io.streamprofiler.source;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Reads the header of the first file an input pattern matches, before the pipeline is built. */
public final class CsvHeader {
  private CsvHeader() {}

  /**
   * @throws IllegalArgumentException when nothing matches, the file is empty or the header is not
   *     valid CSV: the message says which and names the option
   */
  public static List<String> read(String filepattern) {
    return read(filepattern, firstMatch(filepattern).resourceId());
  }

  /** The header of one file the pattern matched, with the checks and messages of {@link #read}. */
  static List<String> read(String filepattern, ResourceId file) {
    CsvReader.Record header = firstRecord(filepattern, file);
    if (header == null || header.text().isEmpty()) {
      throw new IllegalArgumentException(
          "--input=" + filepattern + ": " + file + " is empty; a header line is required");
    }
    try {
      return CsvSplitter.split(header.text());
    } catch (CsvSplitter.MalformedRecordException e) {
      throw new IllegalArgumentException(
          "--input=" + filepattern + ": the header is not valid CSV: " + e.getMessage());
    }
  }

  /** A file's first record, unsplit; null when the file is empty. */
  static CsvReader.Record firstRecord(String filepattern, ResourceId file) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file));
        CsvReader reader = CsvReader.utf8(in, 1 << 20)) {
      return reader.next();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--input=" + filepattern + ": cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The first data record of the first file, unsplit, or null when the file has only a header. */
  public static String firstDataRecord(String filepattern) {
    MatchResult.Metadata first = firstMatch(filepattern);
    try (InputStream in = Channels.newInputStream(FileSystems.open(first.resourceId()));
        CsvReader reader = CsvReader.utf8(in, 1 << 20)) {
      reader.next();
      CsvReader.Record record = reader.next();
      return record == null ? null : record.text();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--input=" + filepattern + ": cannot read " + first.resourceId() + ": " + e.getMessage());
    }
  }

  /** The files an input pattern names, sorted by name. */
  public static List<MatchResult.Metadata> match(String filepattern) {
    try {
      MatchResult result = FileSystems.match(filepattern);
      if (result.status() != MatchResult.Status.OK || result.metadata().isEmpty()) {
        throw new IllegalArgumentException("--input=" + filepattern + ": no such file");
      }
      return result.metadata().stream()
          .filter(m -> !m.resourceId().isDirectory())
          .sorted((a, b) -> a.resourceId().toString().compareTo(b.resourceId().toString()))
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("--input=" + filepattern + ": " + e.getMessage());
    }
  }

  private static MatchResult.Metadata firstMatch(String filepattern) {
    List<MatchResult.Metadata> files = match(filepattern);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--input=" + filepattern + ": no such file");
    }
    return files.get(0);
  }
}
