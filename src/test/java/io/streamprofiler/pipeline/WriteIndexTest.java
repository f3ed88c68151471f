package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.render.IndexEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class WriteIndexTest {
  private static IndexEntry entry(String key, int hour, int alerts) {
    String start = String.format("2020-07-12T%02d:00:00Z", hour);
    String end = String.format("2020-07-12T%02d:00:00Z", hour + 1);
    return new IndexEntry(
        key, start, end, 0, "ON_TIME", true, alerts, 10, key + "/" + hour + "_pane0.html");
  }

  @Test
  public void aRewrittenReportKeepsOnlyItsLatestEntry() {
    List<IndexEntry> kept =
        WriteIndex.kept(List.of(entry("a", 1, 0), entry("b", 1, 0), entry("a", 1, 2)), 100);
    assertThat(kept.size(), is(2));
    assertThat(kept.get(1).alertCount(), is(2));
    assertThat(kept.get(1).key(), is("a"));
  }

  @Test
  public void pastTheLimitOnlyTheNewestWindowsAreRemembered() {
    List<IndexEntry> all = new ArrayList<>();
    for (int hour = 0; hour < 10; hour++) {
      all.add(entry("a", hour, 0));
      all.add(entry("b", hour, 0));
    }
    List<IndexEntry> kept = WriteIndex.kept(all, 4);
    assertThat(
        kept.stream().map(IndexEntry::href).toList(),
        containsInAnyOrder("a/9_pane0.html", "b/9_pane0.html", "a/8_pane0.html", "b/8_pane0.html"));
    assertThat(WriteIndex.kept(all, 100).size(), is(20));
    assertThat(
        WriteIndex.kept(List.of(entry("a", 3, 0)), 1).stream().map(IndexEntry::href).toList(),
        contains("a/3_pane0.html"));
  }
}
