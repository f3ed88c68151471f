package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportFile;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * Renders the profiles of {@link DriftAgainstBaseline} and adds its comparison pages to the files
 * to write.
 */
final class RenderWithComparisons extends PTransform<PCollectionTuple, PCollection<ReportFile>> {
  private final String keyColumn;
  private final boolean quiet;

  RenderWithComparisons(String keyColumn, boolean quiet) {
    this.keyColumn = keyColumn;
    this.quiet = quiet;
  }

  @Override
  public PCollection<ReportFile> expand(PCollectionTuple drifted) {
    PCollection<ReportFile> reports =
        drifted
            .get(DriftAgainstBaseline.PROFILES)
            .apply("RenderJsonAndHtml", new RenderReports(keyColumn, quiet));
    // Flatten needs one window function; WriteReports moves every file into the global window
    // anyway.
    return PCollectionList.of(reports.apply("ReportsGlobal", eachFileAlone()))
        .and(
            drifted
                .get(DriftAgainstBaseline.COMPARISONS)
                .apply("ComparisonsGlobal", eachFileAlone()))
        .apply("WithComparisonPages", Flatten.pCollections());
  }

  /** One windowing for both inputs of the flatten: every file is complete on its own. */
  private static Window<ReportFile> eachFileAlone() {
    return Window.<ReportFile>into(new GlobalWindows())
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes();
  }
}
