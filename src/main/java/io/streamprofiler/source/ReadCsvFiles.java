package io.streamprofiler.source;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads every file of a pattern as a bounded collection of CSV records, skipping each file's
 * header. A file whose header is not the run's columns is read under its own header: its chunks
 * carry the mapping of its fields onto the run's columns ({@link FileHeader}). A file whose header
 * cannot be read under (not valid CSV, a name twice, no key or time column) has all its records
 * marked with that problem rather than being read under the wrong column names.
 *
 * <p>A large uncompressed file is cut into parts of about {@value #PART_BYTES} bytes at exact
 * record starts (one quote-aware pass over its bytes, {@link CsvReader#boundaries}), and the parts
 * are dealt out, so that several workers read and parse one file: a single reader was the slowest
 * step of a batch run. Each record keeps its line number.
 */
public final class ReadCsvFiles extends PTransform<PBegin, PCollection<SourceChunk>> {
  /**
   * Parts of this size keep 2 to 16 workers busy on files of tens to hundreds of megabytes, and
   * evenly: parts are dealt out at random, so how unevenly two workers end is a few parts' work
   * (with 8 MB parts a 500 MB file kept one of two workers waiting ~0.8 s for the other).
   */
  static final long PART_BYTES = 2L << 20;

  private final String filepattern;
  private final Schema schema;
  private final int maxRecordChars;
  private final long partBytes;

  /**
   * @param schema the run's columns (every file's header together) and its key and time columns
   */
  public ReadCsvFiles(String filepattern, Schema schema, int maxRecordChars) {
    this(filepattern, schema, maxRecordChars, PART_BYTES);
  }

  /** With parts of {@code partBytes}: tests cut small files into many parts. */
  ReadCsvFiles(String filepattern, Schema schema, int maxRecordChars, long partBytes) {
    this.filepattern = filepattern;
    this.schema = schema;
    this.maxRecordChars = maxRecordChars;
    this.partBytes = partBytes;
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
        .apply("CutIntoParts", ParDo.of(new CutFn(schema, maxRecordChars, partBytes)))
        .setCoder(SerializableCoder.of(FilePart.class))
        .apply("DealOutParts", Reshuffle.viaRandomKey())
        .apply("ReadRecords", ParDo.of(new ReadPartFn(maxRecordChars)))
        .setCoder(SourceChunkCoder.of());
  }

  /** Reads a file's header and cuts the rest into parts at record starts. */
  static final class CutFn extends DoFn<FileIO.ReadableFile, FilePart> {
    private final Schema schema;
    private final int maxRecordChars;
    private final long partBytes;

    CutFn(Schema schema, int maxRecordChars, long partBytes) {
      this.schema = schema;
      this.maxRecordChars = maxRecordChars;
      this.partBytes = partBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<FilePart> out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      Compression compression = file.getCompression();
      CsvReader.Boundary first;
      FileHeader header;
      try (InputStream in = Channels.newInputStream(file.open());
          CsvReader reader = CsvReader.utf8(in, maxRecordChars)) {
        header = FileHeader.check(schema, reader.next());
        first = new CsvReader.Boundary(reader.offset(), reader.nextLine());
      }
      Progress.BYTES_READ.addAndGet(first.offset());
      if (compression != Compression.UNCOMPRESSED
          || file.getMetadata().sizeBytes() < 2 * partBytes) {
        out.output(
            new FilePart(
                name,
                compression,
                first.offset(),
                -1,
                first.line(),
                header.problem(),
                header.columns()));
        return;
      }
      List<CsvReader.Boundary> cuts;
      try (SeekableByteChannel channel = file.openSeekable()) {
        channel.position(first.offset());
        cuts = CsvReader.boundaries(Channels.newInputStream(channel), first, partBytes);
      }
      for (int i = 0; i < cuts.size(); i++) {
        long end = i + 1 < cuts.size() ? cuts.get(i + 1).offset() : -1;
        out.output(
            new FilePart(
                name,
                Compression.UNCOMPRESSED,
                cuts.get(i).offset(),
                end,
                cuts.get(i).line(),
                header.problem(),
                header.columns()));
      }
    }
  }

  /** Reads the records of one part, in chunks of at most {@link SourceChunk#MAX_LINES}. */
  static final class ReadPartFn extends DoFn<FilePart, SourceChunk> {
    private final int maxRecordChars;

    ReadPartFn(int maxRecordChars) {
      this.maxRecordChars = maxRecordChars;
    }

    @ProcessElement
    public void process(@Element FilePart part, OutputReceiver<SourceChunk> out)
        throws IOException {
      ResourceId resource = FileSystems.matchNewResource(part.resource(), false);
      try (InputStream in = open(resource, part);
          CsvReader reader = CsvReader.resume(in, maxRecordChars, part.start(), part.firstLine())) {
        long offset = reader.offset();
        List<SourceLine> chunk = new ArrayList<>(SourceChunk.MAX_LINES);
        while (part.end() < 0 || reader.offset() < part.end()) {
          CsvReader.Record r = reader.next();
          if (r == null) {
            break;
          }
          Progress.ROWS_READ.incrementAndGet();
          Progress.BYTES_READ.addAndGet(reader.offset() - offset);
          offset = reader.offset();
          String why =
              part.problem() != null
                  ? part.problem()
                  : r.tooLong()
                      ? "line longer than the limit of "
                          + maxRecordChars
                          + " bytes (--maxLineLength)"
                      : null;
          chunk.add(
              why == null
                  ? SourceLine.of(part.resource(), r.line(), r.text())
                  : SourceLine.rejected(part.resource(), r.line(), r.text(), why));
          if (chunk.size() == SourceChunk.MAX_LINES) {
            out.output(new SourceChunk(chunk, part.columns()));
            chunk.clear();
          }
        }
        if (!chunk.isEmpty()) {
          out.output(new SourceChunk(chunk, part.columns()));
        }
      }
    }

    /** The file from the part's first byte (a compressed one is decompressed up to it). */
    private InputStream open(ResourceId resource, FilePart part) throws IOException {
      ReadableByteChannel channel = FileSystems.open(resource);
      if (part.compression() != Compression.UNCOMPRESSED) {
        InputStream in = Channels.newInputStream(part.compression().readDecompressed(channel));
        in.skipNBytes(part.start());
        return in;
      }
      if (part.start() > 0) {
        ((SeekableByteChannel) channel).position(part.start());
      }
      return Channels.newInputStream(channel);
    }
  }
}
