package io.streamprofiler.pipeline;

import io.streamprofiler.sink.MetricsRows;
import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The metrics table: each report's columns as rows of a Parquet file, written with Beam's Parquet
 * sink, one file per profile pane under its day's partition ({@code <dir>/day=2020-07-12/...}). A
 * file per pane, written whole and renamed into place as the reports are, works the same in a
 * bounded run and on a stream that never ends, and a revised pane adds a file rather than rewriting
 * one; a lake that wants fewer files compacts a day once it is complete. Each profile is passed on
 * once its rows are written, so the step sits in the line before rendering rather than beside it
 * (see {@code ProfilePipeline.report}).
 */
final class WriteMetricsTable extends PTransform<PCollection<Drifted>, PCollection<Drifted>> {
  private final String directory;

  WriteMetricsTable(String directory) {
    this.directory = directory;
  }

  @Override
  public PCollection<Drifted> expand(PCollection<Drifted> profiles) {
    return profiles
        .apply("WriteParquetRows", ParDo.of(new WriteFn(directory)))
        .setCoder(profiles.getCoder());
  }

  static final class WriteFn extends DoFn<Drifted, Drifted> {
    private final String directory;
    private transient ParquetIO.Sink sink;

    WriteFn(String directory) {
      this.directory = directory;
    }

    /**
     * One sink, and one Hadoop configuration without Hadoop's default resources, for every file:
     * the sink writes to a stream, not through a Hadoop file system, and a default configuration
     * parses Hadoop's XML files again for each file it is made for (a third of a run's time at one
     * file per pane).
     */
    @Setup
    public void setup() {
      sink =
          ParquetIO.sink(MetricsRows.SCHEMA)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .withConfiguration(new Configuration(false));
    }

    @ProcessElement
    public void process(@Element Drifted drifted, OutputReceiver<Drifted> out) throws IOException {
      List<GenericRecord> rows = MetricsRows.of(drifted.profile());
      ByteArrayChannel bytes = new ByteArrayChannel(16 * 1024);
      sink.open(bytes);
      for (GenericRecord r : rows) {
        sink.write(r);
      }
      sink.flush();
      AtomicFiles.write(directory, MetricsRows.file(drifted.profile()), bytes.toByteArray());
      out.output(drifted);
    }
  }
}
