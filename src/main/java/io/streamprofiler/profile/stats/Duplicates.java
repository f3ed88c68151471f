package io.streamprofiler.profile.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Duplicate rows over all columns of a table. Rows are compared as tuples of strings, {@code null}
 * for missing, and two missing cells are equal (as pandas' {@code duplicated}); callers pass each
 * cell in one canonical form (pandas compares parsed values, so "1" and "1.0" of a numeric column
 * must arrive as the same string).
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
  public record DuplicateSummary(
      long n,
      long nDuplicates,
      double pDuplicates,
      long nDuplicatedRowGroups,
      List<ValueCount<List<String>>> mostFrequent) {}

  public static DuplicateSummary of(List<List<String>> rows, int topN) {
    ValueCounts<List<String>> counts = ValueCounts.of(rows);
    long n = rows.size();
    long nDuplicates = counts.count() - counts.nDistinct();
    long groups = counts.nDistinct() - counts.nUnique();
    List<ValueCount<List<String>>> top = new ArrayList<>();
    for (ValueCount<List<String>> vc : counts.mostCommon((int) Math.min(topN, groups))) {
      top.add(
          new ValueCount<>(Collections.unmodifiableList(new ArrayList<>(vc.value())), vc.count()));
    }
    return new DuplicateSummary(n, nDuplicates, (double) nDuplicates / n, groups, List.copyOf(top));
  }

  public static DuplicateSummary of(List<List<String>> rows) {
    return of(rows, TOP);
  }
}
