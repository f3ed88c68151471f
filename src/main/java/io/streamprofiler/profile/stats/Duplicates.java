package io.streamprofiler.profile.stats;

import java.util.List;

/**
 * Duplicate rows over all columns of a table. Rows are compared by their {@code equals}: tuples of
 * strings ({@code null} for missing, two missing cells equal, as pandas' {@code duplicated}), or
 * any row type whose equality compares cells in one canonical form (pandas compares parsed values,
 * so "1" and "1.0" of a numeric column must compare equal).
 */
public final class Duplicates {
  /** Default length of the list of most frequent duplicated rows. */
  public static final int TOP = 10;

  private Duplicates() {}

  /**
   * {@code nDuplicates}: rows equal to an earlier row ({@code df.duplicated().sum()}); {@code
   * pDuplicates} = nDuplicates / n (NaN when n = 0); {@code nDuplicatedRowGroups}: distinct rows
   * that occur more than once (what ydata itself labels n_duplicates); {@code mostFrequent}: up to
   * topN of those rows with their number of occurrences, by count descending, ties by first
   * occurrence.
   */
  public record DuplicateSummary<R>(
      long n,
      long nDuplicates,
      double pDuplicates,
      long nDuplicatedRowGroups,
      List<ValueCount<R>> mostFrequent) {}

  public static <R> DuplicateSummary<R> of(List<R> rows, int topN) {
    ValueCounts<R> counts = ValueCounts.of(rows);
    long n = rows.size();
    long nDuplicates = counts.count() - counts.nDistinct();
    long groups = counts.nDistinct() - counts.nUnique();
    List<ValueCount<R>> top = List.copyOf(counts.mostCommon((int) Math.min(topN, groups)));
    return new DuplicateSummary<>(n, nDuplicates, (double) nDuplicates / n, groups, top);
  }

  public static <R> DuplicateSummary<R> of(List<R> rows) {
    return of(rows, TOP);
  }
}
