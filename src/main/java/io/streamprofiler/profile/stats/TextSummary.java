package io.streamprofiler.profile.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Descriptive statistics of one Categorical, Text or Boolean column, over its non-missing ({@code
 * non-null}) values.
 *
 * <ul>
 *   <li>{@code imbalance} = 1 - H(p) / log2(k), H the base-2 entropy of the value shares over k
 *       distinct values (ydata's {@code column_imbalance_score}): 0 when k = 1 (as ydata), NaN when
 *       there is no value.
 *   <li>Lengths count Unicode code points, as Python's {@code len}. {@code medianLength} is numpy's
 *       median of the lengths of all values (ydata's own weighted median sorts values and weights
 *       separately and can be off; we take the plain median). NaN when there is no value.
 *   <li>{@code chiSquared}, {@code chiSquaredPValue}: {@code scipy.stats.chisquare} over the value
 *       counts against a uniform expectation (df = k - 1); the p-value is NaN when k &lt; 2, both
 *       NaN when there is no value.
 *   <li>Most-common ties: see {@link ValueCounts}.
 * </ul>
 */
public record TextSummary(
    long n,
    long count,
    long nMissing,
    double pMissing,
    int nDistinct,
    double pDistinct,
    long nUnique,
    double pUnique,
    boolean isUnique,
    double imbalance,
    int minLength,
    int maxLength,
    double meanLength,
    double medianLength,
    double chiSquared,
    double chiSquaredPValue,
    List<ValueCount<String>> mostCommon,
    ValueCounts<String> valueCounts) {

  /** Length of the most-common list. */
  public static final int TOP = 10;

  /**
   * Summary of a column's values, {@code null} for missing; {@code min/maxLength} are -1 without
   * values.
   */
  public static TextSummary of(List<String> values) {
    return of(ValueCounts.of(values));
  }

  /**
   * Summary of a Boolean column given as tokens: true/t/yes/y and false/f/no/n (any case) count as
   * "true" and "false"; any other token is kept as it is; {@code null} is missing.
   */
  public static TextSummary ofBooleanTokens(List<String> tokens) {
    List<String> normalised = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      normalised.add(booleanToken(t));
    }
    return of(normalised);
  }

  /**
   * "true" / "false" for a Boolean token (see {@link #ofBooleanTokens}), the token itself
   * otherwise.
   */
  public static String booleanToken(String token) {
    if (token == null) {
      return null;
    }
    // The spellings nearly every file uses, first: no trimmed or lower-cased copy, and the
    // constant returned has its hash computed already for the counts that follow.
    if (token.equals("true")) {
      return "true";
    }
    if (token.equals("false")) {
      return "false";
    }
    switch (token.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y":
        return "true";
      case "false", "f", "no", "n":
        return "false";
      default:
        return token;
    }
  }

  /** Summary from already-built counts (the engine builds them once per column). */
  public static TextSummary of(ValueCounts<String> counts) {
    long count = counts.count();
    long missing = counts.nMissing();
    long n = count + missing;
    int k = counts.nDistinct();
    long[] perValue = new long[k];
    int[] lengths = new int[k];
    int[] slot = {0};
    counts.forEach(
        (value, c) -> {
          perValue[slot[0]] = c;
          lengths[slot[0]] = value.codePointCount(0, value.length());
          slot[0]++;
        });

    int minLength = -1;
    int maxLength = -1;
    long lengthSum = 0;
    for (int i = 0; i < k; i++) {
      minLength = i == 0 ? lengths[i] : Math.min(minLength, lengths[i]);
      maxLength = Math.max(maxLength, lengths[i]);
      lengthSum += perValue[i] * lengths[i];
    }
    double statistic = ChiSquare.statistic(perValue);
    long nUnique = counts.nUnique();
    return new TextSummary(
        n,
        count,
        missing,
        (double) missing / n,
        k,
        (double) k / count,
        nUnique,
        (double) nUnique / count,
        nUnique == count,
        imbalance(perValue, count),
        minLength,
        maxLength,
        count == 0 ? Double.NaN : (double) lengthSum / count,
        medianLength(lengths, perValue, count),
        statistic,
        ChiSquare.pValue(statistic, k),
        counts.mostCommon(TOP),
        counts);
  }

  static double imbalance(long[] counts, long total) {
    int k = counts.length;
    if (k == 0) {
      return Double.NaN;
    }
    if (k == 1) {
      return 0.0;
    }
    double[] terms = new double[k];
    for (int i = 0; i < k; i++) {
      double p = (double) counts[i] / total;
      terms[i] = -p * Math.log(p);
    }
    double entropyBits = Sums.pairwise(terms) / Math.log(2);
    return 1 - entropyBits / (Math.log(k) / Math.log(2));
  }

  /**
   * Median of the lengths of all values: lengths sorted with their weights, the middle rank(s) read
   * off.
   */
  private static double medianLength(int[] lengths, long[] weights, long total) {
    if (total == 0) {
      return Double.NaN;
    }
    int k = lengths.length;
    long[] packed = new long[k]; // length in the high bits keeps the sort on primitives
    for (int i = 0; i < k; i++) {
      packed[i] = ((long) lengths[i] << 32) | i;
    }
    Arrays.sort(packed);
    long lowRank = (total - 1) / 2;
    long highRank = total / 2;
    double low = Double.NaN;
    double high = Double.NaN;
    long seen = 0;
    for (long p : packed) {
      int i = (int) (p & 0xffffffffL);
      long next = seen + weights[i];
      if (Double.isNaN(low) && lowRank < next) {
        low = lengths[i];
      }
      if (highRank < next) {
        high = lengths[i];
        break;
      }
      seen = next;
    }
    return (low + high) / 2;
  }
}
