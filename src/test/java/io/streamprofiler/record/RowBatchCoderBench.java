package io.streamprofiler.record;

import io.streamprofiler.source.TelemetryGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link RowBatchCoder} on batches of parsed telemetry rows (9 columns: ts, device, five
 * gas/climate numbers, light and motion as true/false texts, 1% of cells missing), the shape that
 * crosses the shuffle after parsing: {@code java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms1g
 * -Xmx1g -XX:+AlwaysPreTouch -cp target/classes:target/test-classes:<deps>
 * io.streamprofiler.record.RowBatchCoderBench [batches] [rows per batch]} (8 and 1000 unless given;
 * a chunk of 1000 lines from 3 devices makes batches of about 333, from many devices batches of a
 * few rows). Prints the median, 90th percentile and mean per row of encoding and of decoding after
 * warm-up, and the encoded bytes per row. The rows come from the parser, so each holds its own text
 * instances as in a run.
 *
 * <p>Without a fixed, pre-touched heap a third of the runs are twice as slow: while the heap grows,
 * the young generation's new pages fault in on first use, and those runs measure the kernel.
 */
public final class RowBatchCoderBench {
  private RowBatchCoderBench() {}

  public static void main(String[] args) throws Exception {
    int batchCount = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int batchRows = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    List<RowBatch> batches = batches(batchCount, batchRows);
    int rows = batchCount * batchRows;
    RowBatchCoder coder = RowBatchCoder.of();
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    byte[][] encoded = new byte[batchCount][];
    for (int b = 0; b < batchCount; b++) {
      out.reset();
      coder.encode(batches.get(b), out);
      encoded[b] = out.toByteArray();
      if (!coder.decode(new ByteArrayInputStream(encoded[b])).equals(batches.get(b))) {
        throw new AssertionError("batch " + b + " does not come back equal");
      }
    }
    long bytes = Arrays.stream(encoded).mapToLong(e -> e.length).sum();

    int warmups = 300;
    int runs = 300;
    double[] encodeNs = new double[runs];
    double[] decodeNs = new double[runs];
    long sink = 0;
    for (int i = -warmups; i < runs; i++) {
      long t0 = System.nanoTime();
      for (RowBatch batch : batches) {
        out.reset();
        coder.encode(batch, out);
      }
      long t1 = System.nanoTime();
      for (byte[] e : encoded) {
        sink += coder.decode(new ByteArrayInputStream(e)).size();
      }
      long t2 = System.nanoTime();
      if (i >= 0) {
        encodeNs[i] = (t1 - t0) / (double) rows;
        decodeNs[i] = (t2 - t1) / (double) rows;
      }
    }
    report("encode", encodeNs);
    report("decode", decodeNs);
    System.out.printf(
        Locale.ROOT,
        "%.1f bytes per row (%d batches of %d rows) (%d)%n",
        bytes / (double) rows,
        batchCount,
        batchRows,
        sink % 7);
  }

  /** Parsed rows of one device, cut into batches as the parse step cuts them per key. */
  private static List<RowBatch> batches(int count, int size) throws Exception {
    StringWriter csv = new StringWriter();
    new TelemetryGenerator(
            new TelemetryGenerator.Settings(
                (long) count * size,
                1,
                5.1,
                TelemetryGenerator.DEFAULT_START,
                7,
                0.01,
                0,
                0,
                0,
                List.of()))
        .write(csv);
    List<Row> rows = new ArrayList<>();
    try (CsvReader reader =
        CsvReader.utf8(
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
      Schema schema = Schema.of(CsvSplitter.split(reader.next().text()), "device", "ts");
      RowParser parser =
          new RowParser(
              schema, TimestampFormat.of("epoch_seconds", "UTC"), RowParser.missingTokens(",NA"));
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        rows.add(parser.parse(r));
      }
    }
    List<RowBatch> batches = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      batches.add(new RowBatch(rows.subList(b * size, (b + 1) * size)));
    }
    return batches;
  }

  /** The mean counts the collections a coder's garbage causes; the median leaves them out. */
  private static void report(String what, double[] ns) {
    double mean = Arrays.stream(ns).average().orElse(0);
    Arrays.sort(ns);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.1f ns/row, p90 %.1f, mean %.1f over %d runs%n",
        what,
        ns[ns.length / 2],
        ns[ns.length * 9 / 10],
        mean,
        ns.length);
  }
}
