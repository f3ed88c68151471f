package io.streamprofiler.pipeline;

import static org.junit.Assert.assertEquals;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.sink.ReportDestination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/** The index entry of a report: its drift from the profile's drift section, and its coder. */
public class IndexEntryTest {
  private static Profile profile(Map<String, Object> drift) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("window", Map.of("start", "2020-07-12T01:00:00Z", "end", "2020-07-12T02:00:00Z"));
    tree.put("table", Map.of("n", 720));
    tree.put("alerts", List.of(Map.of("type", "DRIFT", "column", "temp")));
    if (drift != null) {
      tree.put("drift", drift);
    }
    return new Profile(
        new WindowContext("dev-1", 3_600_000_000L, 7_200_000_000L, 1, "LATE", true, 2), tree);
  }

  private static Map<String, Object> drift(Map<String, Object> columns, String comparison) {
    Map<String, Object> baseline = new LinkedHashMap<>();
    baseline.put("mode", "previous");
    if (comparison != null) {
      baseline.put("comparison", comparison);
    }
    return Map.of("baseline", baseline, "columns", columns);
  }

  @Test
  public void driftLevelIsTheWorstColumnsAndListsItsColumns() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("humidity", Map.of("level", "warn"));
    columns.put("temp", Map.of("level", "alert"));
    columns.put("co", Map.of("level", "ok"));
    columns.put("smoke", Map.of("level", "alert"));
    IndexEntry e =
        RenderReports.indexEntry(
            profile(drift(columns, "dev-1/20200712T010000Z_pane1.previous.html")), "dev-1/x.html");
    assertEquals("alert", e.driftLevel());
    assertEquals(List.of("temp", "smoke"), e.driftedColumns());
    assertEquals("dev-1/20200712T010000Z_pane1.previous.html", e.comparisonHref());
    assertEquals(1, e.alertCount());
    assertEquals(720, e.rows());
    assertEquals(1, e.paneIndex());

    IndexEntry warn =
        RenderReports.indexEntry(
            profile(drift(Map.of("h", Map.of("level", "warn")), null)), "dev-1/x.html");
    assertEquals("warn", warn.driftLevel());
    assertEquals(List.of("h"), warn.driftedColumns());
    assertEquals("", warn.comparisonHref());

    IndexEntry ok =
        RenderReports.indexEntry(
            profile(drift(Map.of("h", Map.of("level", "ok")), "c.html")), "x.html");
    assertEquals("ok", ok.driftLevel());
    assertEquals(List.of(), ok.driftedColumns());

    assertEquals("", RenderReports.indexEntry(profile(null), "x.html").driftLevel());
    assertEquals(
        "", RenderReports.indexEntry(profile(drift(Map.of(), null)), "x.html").driftLevel());
  }

  @Test
  public void theCoderKeepsEveryField() throws Exception {
    ReportDestinationCoder coder = new ReportDestinationCoder();
    IndexEntry e =
        new IndexEntry(
            "k",
            "s",
            "e",
            3,
            "LATE",
            false,
            4,
            5,
            "k/a.html",
            "alert",
            List.of("temp", "h"),
            "k/a.previous.html");
    for (ReportDestination d :
        List.of(
            new ReportDestination("k/a.html", e),
            new ReportDestination("k/a.json", null),
            new ReportDestination(
                "p", new IndexEntry("k", "s", "e", 0, "ON_TIME", true, 0, 1, "h")))) {
      assertEquals(
          d, CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, d)));
    }
    IndexEntryCoder entries = new IndexEntryCoder();
    IndexEntry fleet =
        new IndexEntry(
            "_fleet", "s", "e", 1, "LATE", true, 0, 9, "_fleet/a.html", "", List.of(), "", "fleet");
    for (IndexEntry entry : List.of(e, fleet)) {
      assertEquals(
          entry,
          CoderUtils.decodeFromByteArray(entries, CoderUtils.encodeToByteArray(entries, entry)));
    }
  }

  @Test
  public void entriesShareTheirRepeatedTextsAndStayEqual() {
    IndexEntry a = entry("dev-1", "a.html");
    IndexEntry b = entry("dev-1", "b.html");
    Map<String, String> texts = new java.util.HashMap<>();
    IndexEntry sa = a.sharing(texts);
    IndexEntry sb = b.sharing(texts);
    assertEquals(a, sa);
    assertEquals(b, sb);
    org.junit.Assert.assertSame(sa.key(), sb.key());
    org.junit.Assert.assertSame(sa.windowStart(), sb.windowStart());
    org.junit.Assert.assertSame(sa.windowEnd(), sb.windowEnd());
    org.junit.Assert.assertSame(sa.timing(), sb.timing());
    org.junit.Assert.assertSame(sa.driftedColumns().get(0), sb.driftedColumns().get(0));
  }

  /** Texts built anew each time, as entries decoded from a shuffle are. */
  private static IndexEntry entry(String key, String href) {
    return new IndexEntry(
        new String(key),
        new StringBuilder("2020-07-12T01:00:00Z").toString(),
        new StringBuilder("2020-07-12T02:00:00Z").toString(),
        0,
        new StringBuilder("ON_TIME").toString(),
        true,
        1,
        720,
        href,
        new StringBuilder("warn").toString(),
        List.of(new StringBuilder("temp").toString()),
        "");
  }
}
