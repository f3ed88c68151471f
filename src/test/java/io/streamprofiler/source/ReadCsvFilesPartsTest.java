package io.streamprofiler.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A file read in parts gives exactly the records, texts and line numbers of one reader, even where
 * quoted fields hold newlines and commas around the cuts.
 */
public class ReadCsvFilesPartsTest {
  private static final List<String> HEADER = List.of("ts", "device", "note", "temp");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  /** A CSV (with a byte-order mark) where every few rows a quoted note spans lines. */
  private static byte[] csv(int rows, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
    for (int i = 0; i < rows; i++) {
      String note =
          switch (r.nextInt(6)) {
            case 0 -> "\"line one\nline \"\"two\"\",\nthree\"";
            case 1 -> "\"comma, inside\"";
            case 2 -> "Gerät µ";
            case 3 -> "";
            default -> "plain";
          };
      b.append(1_594_512_000 + i)
          .append(",dev-")
          .append(i % 3)
          .append(',')
          .append(note)
          .append(',')
          .append(20 + r.nextGaussian())
          .append(i % 5 == 0 ? "\r\n" : "\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> oneReader(byte[] bytes) throws IOException {
    List<String> records = new ArrayList<>();
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), 1 << 20)) {
      reader.next(); // header
      for (CsvReader.Record rec = reader.next(); rec != null; rec = reader.next()) {
        records.add(rec.line() + "|" + rec.text());
      }
    }
    return records;
  }

  @Test
  public void boundariesAreRecordStartsOfOneReader() throws IOException {
    byte[] bytes = csv(3000, 1);
    CsvReader.Boundary first;
    List<Long> starts = new ArrayList<>();
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), 1 << 20)) {
      reader.next();
      first = new CsvReader.Boundary(reader.offset(), reader.nextLine());
      while (reader.next() != null) {
        starts.add(reader.offset());
      }
    }
    InputStream rest = new ByteArrayInputStream(bytes);
    rest.skipNBytes(first.offset());
    List<CsvReader.Boundary> cuts = CsvReader.boundaries(rest, first, 4096);
    assertTrue("cut into many parts: " + cuts.size(), cuts.size() > 20);
    assertEquals(first, cuts.get(0));
    for (CsvReader.Boundary cut : cuts.subList(1, cuts.size())) {
      assertTrue(cut + " is a record start", starts.contains(cut.offset()));
    }
  }

  @Test
  public void partsReadTheSameRecordsAsOneReader() throws IOException {
    byte[] bytes = csv(3000, 2);
    Path file = folder.getRoot().toPath().resolve("telemetry.csv");
    Files.write(file, bytes);
    PCollection<String> records =
        pipeline
            .apply(
                new ReadCsvFiles(file.toString(), Schema.of(HEADER, "device", "ts"), 1 << 20, 4096))
            .apply(
                FlatMapElements.into(TypeDescriptors.strings())
                    .via(
                        (SourceChunk c) -> {
                          List<String> out = new ArrayList<>();
                          for (SourceLine l : c.lines()) {
                            out.add(l.line() + "|" + l.text());
                          }
                          return out;
                        }));
    PAssert.that(records).containsInAnyOrder(oneReader(bytes));
    pipeline.run().waitUntilFinish();
  }
}
