package io.streamprofiler.pipeline;

import io.streamprofiler.compare.CompareReport;
import io.streamprofiler.compare.Drift;
import io.streamprofiler.compare.SchemaChanges;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileAdditions;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.render.Html;
import io.streamprofiler.render.HtmlReport;
import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.render.JsonReport;
import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.sink.ReportFile;
import io.streamprofiler.sink.ReportNames;
import io.streamprofiler.source.Accounting;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Renders each profile to its JSON and HTML files, and its comparison page when it has a baseline,
 * writes each file as soon as it is rendered ({@link ReportWriter}), and prints one line per
 * report, as the reference Bytewax flow does: {@code device <key> profiled at hour <window start>}.
 * Emits each written file's destination and full name, for the index. Rendering and writing are one
 * step: the DirectRunner keeps a step's outputs until its whole bundle is done, and a bundle of
 * rendered reports (a key's hundreds of windows at the end of a batch run, ~350 KB each) stayed on
 * the heap until the next step wrote it.
 */
public final class RenderReports
    extends PTransform<PCollection<Drifted>, PCollection<KV<ReportDestination, String>>> {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String keyColumn;
  private final boolean quiet;
  private final String outputDirectory;

  public RenderReports(String keyColumn, boolean quiet, String outputDirectory) {
    this.keyColumn = keyColumn;
    this.quiet = quiet;
    this.outputDirectory = outputDirectory;
  }

  @Override
  public PCollection<KV<ReportDestination, String>> expand(PCollection<Drifted> profiles) {
    return profiles
        .apply(
            "RenderAndWriteEach",
            ParDo.of(new RenderFn(keyColumn, quiet, new ReportWriter(outputDirectory))))
        .setCoder(KvCoder.of(new ReportDestinationCoder(), StringUtf8Coder.of()));
  }

  static final class RenderFn extends DoFn<Drifted, KV<ReportDestination, String>> {
    private final String keyColumn;
    private final boolean quiet;
    private final ReportWriter writer;
    private final Counter bytes = Metrics.counter(Accounting.NAMESPACE, Accounting.REPORT_BYTES);

    RenderFn(String keyColumn, boolean quiet, ReportWriter writer) {
      this.keyColumn = keyColumn;
      this.quiet = quiet;
      this.writer = writer;
    }

    @ProcessElement
    public void process(@Element Drifted drifted, OutputReceiver<KV<ReportDestination, String>> out)
        throws IOException {
      Profile profile = drifted.profile();
      WindowContext w = profile.context();
      byte[] json = JsonReport.bytes(profile);
      byte[] html = Html.asciiBytes(HtmlReport.render(profile));
      bytes.inc(json.length + html.length);
      String scope = ProfileAdditions.scopeTag(profile);
      String htmlPath = ReportNames.report(w.key(), w.startMicros(), w.paneIndex(), "html", scope);
      IndexEntry entry = indexEntry(profile, htmlPath);
      out.output(
          writer.write(
              new ReportFile(
                  ReportNames.report(w.key(), w.startMicros(), w.paneIndex(), "json", scope),
                  json,
                  null)));
      out.output(writer.write(new ReportFile(htmlPath, html, entry, w.firedAtMillis())));
      if (drifted.reference() != null) {
        // the page compares the raw profiles, as Drift.compare saw them
        byte[] page =
            Html.asciiBytes(
                CompareReport.html(
                    drifted.reference(),
                    ProfileAdditions.without(profile, "drift", Drift.ALERT),
                    Drift.recorded(profile)));
        bytes.inc(page.length);
        out.output(
            writer.write(new ReportFile(DriftAgainstBaseline.comparisonPath(w), page, null)));
      }
      if (!quiet) {
        String hour = HOUR.format(Instant.ofEpochMilli(w.startMicros() / 1000L));
        String revision =
            w.paneIndex() == 0 && "ON_TIME".equals(w.timing())
                ? ""
                : " (" + w.timing() + ", pane " + w.paneIndex() + ")";
        String what =
            scope.isEmpty()
                ? keyColumn + " " + w.key() + " profiled at hour "
                : scope.equals("fleet")
                    ? "fleet of every " + keyColumn + " profiled at hour "
                    : keyColumn + " " + w.key() + " rolled up over " + scope + " from ";
        System.out.println(what + hour + revision);
      }
    }
  }

  /**
   * The index's entry for a profile's HTML report; drift level, columns and comparison page from
   * its {@code drift} section.
   */
  static IndexEntry indexEntry(Profile profile, String htmlPath) {
    WindowContext w = profile.context();
    Map<String, Object> drift = profile.section("drift");
    Map<String, Object> columns = Tree.object(drift, "columns");
    Object comparison = Tree.object(drift, "baseline").get("comparison");
    String level = columns.isEmpty() && comparison == null ? "" : "ok";
    List<String> at = new ArrayList<>();
    for (Map.Entry<String, Object> c : columns.entrySet()) {
      String l = String.valueOf(Tree.object(columns, c.getKey()).get("level"));
      int rank = LEVELS.indexOf(l);
      if (rank > LEVELS.indexOf(level)) {
        level = l;
        at.clear();
      }
      if (rank > 0 && l.equals(level)) {
        at.add(c.getKey());
      }
    }
    // a change of the stream's shape marks the cell as a DRIFT does, naming the change
    for (Map<String, Object> a : profile.alerts()) {
      if (SchemaChanges.TYPES.contains(String.valueOf(a.get("type")))) {
        if (!level.equals("alert")) {
          level = "alert";
          at.clear();
        }
        at.add(a.get("column") + " " + a.get("type"));
      }
    }
    return new IndexEntry(
        w.key(),
        String.valueOf(profile.section("window").get("start")),
        String.valueOf(profile.section("window").get("end")),
        w.paneIndex(),
        w.timing(),
        w.isLast(),
        profile.alerts().size(),
        (long) Tree.number(profile.section("table"), "n"),
        htmlPath,
        level,
        at,
        comparison instanceof String s ? s : "",
        ProfileAdditions.scopeTag(profile));
  }

  /** Drift levels from the mildest; a column's level outside these is ignored. */
  private static final List<String> LEVELS = List.of("ok", "warn", "alert");
}
