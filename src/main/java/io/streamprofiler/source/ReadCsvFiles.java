package io.streamprofiler.source;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads every file of a pattern as a bounded collection of CSV records in file order, skipping each
 * file's header. A file whose header differs from the expected one has all its records marked with
 * that problem rather than being read under the wrong column names.
 */
public final class ReadCsvFiles extends PTransform<PBegin, PCollection<SourceChunk>> {
  private final String filepattern;
  private final List<String> header;
  private final int maxRecordChars;

  public ReadCsvFiles(String filepattern, List<String> header, int maxRecordChars) {
    this.filepattern = filepattern;
    this.header = List.copyOf(header);
    this.maxRecordChars = maxRecordChars;
  }

  @Override
  public PCollection<SourceChunk> expand(PBegin input) {
    return input
        .apply(
            "MatchFiles",
            FileIO.match()
                .filepattern(filepattern)
                .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadRecords", ParDo.of(new ReadRecordsFn(header, maxRecordChars)))
        .setCoder(SourceChunkCoder.of());
  }

  static final class ReadRecordsFn extends DoFn<FileIO.ReadableFile, SourceChunk> {
    private final List<String> header;
    private final int maxRecordChars;

    ReadRecordsFn(List<String> header, int maxRecordChars) {
      this.header = header;
      this.maxRecordChars = maxRecordChars;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<SourceChunk> out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      try (InputStream in = Channels.newInputStream(file.open());
          CsvReader reader = CsvReader.utf8(in, maxRecordChars)) {
        String problem = headerProblem(reader.next());
        long offset = reader.offset();
        java.util.List<SourceLine> chunk = new java.util.ArrayList<>(SourceChunk.MAX_LINES);
        Progress.BYTES_READ.addAndGet(offset);
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
          Progress.ROWS_READ.incrementAndGet();
          Progress.BYTES_READ.addAndGet(reader.offset() - offset);
          offset = reader.offset();
          String why =
              problem != null
                  ? problem
                  : r.tooLong()
                      ? "line longer than the limit of "
                          + maxRecordChars
                          + " bytes (--maxLineLength)"
                      : null;
          chunk.add(
              why == null
                  ? SourceLine.of(name, r.line(), r.text())
                  : SourceLine.rejected(name, r.line(), r.text(), why));
          if (chunk.size() == SourceChunk.MAX_LINES) {
            out.output(new SourceChunk(chunk));
            chunk.clear();
          }
        }
        if (!chunk.isEmpty()) {
          out.output(new SourceChunk(chunk));
        }
      }
    }

    private String headerProblem(CsvReader.Record first) {
      try {
        if (first != null && CsvSplitter.split(first.text()).equals(header)) {
          return null;
        }
      } catch (CsvSplitter.MalformedRecordException e) {
        return "the file's header is not valid CSV: " + e.getMessage();
      }
      return "the file's header differs from " + header;
    }
  }
}
