package io.streamprofiler.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One report file for the index page.
 *
 * @param key the key the report profiles, as in the data
 * @param windowStart ISO-8601 instant the window starts at
 * @param windowEnd ISO-8601 instant the window ends at (exclusive)
 * @param paneIndex the revision: 0 for a window's first firing, then 1, 2, ...
 * @param timing EARLY, ON_TIME or LATE
 * @param isLast whether the pane is the window's final revision
 * @param alertCount how many alerts the profile has
 * @param rows how many rows the profile covers
 * @param href the report's path relative to the index page
 * @param driftLevel the profile's drift against its baseline: {@code ok}, {@code warn} or {@code
 *     alert} (a DRIFT alert); empty when it has no baseline or no drift section
 * @param driftedColumns the columns at that level when it is warn or alert, else empty
 * @param comparisonHref the comparison page with the baseline, relative to the index page; empty
 *     when there is none
 * @param scope empty for one key's window; a roll-up's length ({@code 1d}) or {@code fleet}
 */
public record IndexEntry(
    String key,
    String windowStart,
    String windowEnd,
    long paneIndex,
    String timing,
    boolean isLast,
    int alertCount,
    long rows,
    String href,
    String driftLevel,
    List<String> driftedColumns,
    String comparisonHref,
    String scope)
    implements java.io.Serializable {

  public IndexEntry {
    driftLevel = driftLevel == null ? "" : driftLevel;
    List<String> columns = new ArrayList<>();
    if (driftedColumns != null) {
      driftedColumns.stream().map(c -> c == null ? "" : c).forEach(columns::add);
    }
    driftedColumns = List.copyOf(columns);
    comparisonHref = comparisonHref == null ? "" : comparisonHref;
    scope = scope == null ? "" : scope;
  }

  /** An entry of one key's window. */
  public IndexEntry(
      String key,
      String windowStart,
      String windowEnd,
      long paneIndex,
      String timing,
      boolean isLast,
      int alertCount,
      long rows,
      String href,
      String driftLevel,
      List<String> driftedColumns,
      String comparisonHref) {
    this(
        key,
        windowStart,
        windowEnd,
        paneIndex,
        timing,
        isLast,
        alertCount,
        rows,
        href,
        driftLevel,
        driftedColumns,
        comparisonHref,
        "");
  }

  /** Whether this is the report of one key's window (not a roll-up or the fleet). */
  public boolean ofOneWindow() {
    return scope.isEmpty();
  }

  /** An entry without drift. */
  public IndexEntry(
      String key,
      String windowStart,
      String windowEnd,
      long paneIndex,
      String timing,
      boolean isLast,
      int alertCount,
      long rows,
      String href) {
    this(
        key,
        windowStart,
        windowEnd,
        paneIndex,
        timing,
        isLast,
        alertCount,
        rows,
        href,
        "",
        List.of(),
        "");
  }

  /**
   * This entry with its repeated texts (key, window bounds, timing, drift level and columns) taken
   * from {@code pool} when an equal text is there, else added to it. An index keeps thousands of
   * entries in state (a 10 M-row, 300-device stream's index grew by ~1 KB per report, most of it
   * texts), and apart from the two links those texts repeat from entry to entry.
   */
  public IndexEntry sharing(Map<String, String> pool) {
    List<String> columns = new ArrayList<>(driftedColumns.size());
    driftedColumns.forEach(c -> columns.add(shared(pool, c)));
    return new IndexEntry(
        shared(pool, key),
        shared(pool, windowStart),
        shared(pool, windowEnd),
        paneIndex,
        shared(pool, timing),
        isLast,
        alertCount,
        rows,
        href,
        shared(pool, driftLevel),
        columns,
        comparisonHref,
        shared(pool, scope));
  }

  private static String shared(Map<String, String> pool, String text) {
    return text == null ? null : pool.computeIfAbsent(text, t -> t);
  }
}
