package io.streamprofiler.compare;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a column has drifted. A DRIFT alert needs both a large change of the distribution (PSI) and
 * a large effect: the mean moved by many reference standard deviations or the spread changed by a
 * large factor (numbers), or a large Cramér's V (categories). With hundreds of rows per window
 * every tiny shift is significant, so no p-value decides; see docs/DRIFT.md for the sources of the
 * defaults.
 *
 * @param psiWarn PSI from which a change is "moderate" (shown, no alert); Siddiqi 2006: 0.1
 * @param psi PSI from which a change is "significant"; Siddiqi 2006: 0.25
 * @param meanShift |mean difference| in reference standard deviations; Sawilowsky 2009 "huge": 2.0
 * @param stdRatio factor by which the standard deviation grows or shrinks: 2.0
 * @param cramersV Cramér's V of the 2 x k table of categories; Cohen 1988 "medium": 0.3
 * @param moveFactor against a key's previous window, once it has learnt how far its windows move
 *     ({@link RecentMoves}): a move must be this many times the median of its recent moves (3.0)
 * @param minShift ... and at least this many reference standard deviations (0.35), so that a stream
 *     whose means stand still does not alert on moves no one would act on
 */
public record DriftThresholds(
    double psiWarn,
    double psi,
    double meanShift,
    double stdRatio,
    double cramersV,
    double moveFactor,
    double minShift)
    implements Serializable {

  public static final double MOVE_FACTOR = 3.0;
  public static final double MIN_SHIFT = 0.35;

  public static DriftThresholds defaults() {
    return new DriftThresholds(0.1, 0.25, 2.0, 2.0, 0.3);
  }

  /** With the default {@link #moveFactor} and {@link #minShift}. */
  public DriftThresholds(
      double psiWarn, double psi, double meanShift, double stdRatio, double cramersV) {
    this(psiWarn, psi, meanShift, stdRatio, cramersV, MOVE_FACTOR, MIN_SHIFT);
  }

  /**
   * @throws IllegalArgumentException naming the threshold that is out of range
   */
  public DriftThresholds {
    check("driftPsiWarn", psiWarn, 0, Double.MAX_VALUE);
    check("driftPsi", psi, 0, Double.MAX_VALUE);
    check("driftMeanShift", meanShift, 0, Double.MAX_VALUE);
    check("driftStdRatio", stdRatio, 1, Double.MAX_VALUE);
    check("driftCramersV", cramersV, 0, 1);
    check("driftMoveFactor", moveFactor, 1, Double.MAX_VALUE);
    check("driftMinShift", minShift, 0, Double.MAX_VALUE);
  }

  private static void check(String name, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(
          "--"
              + name
              + "="
              + v
              + ": must be between "
              + lo
              + " and "
              + (hi == Double.MAX_VALUE ? "any finite number" : hi));
    }
  }

  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("psi_warn", psiWarn);
    m.put("psi", psi);
    m.put("mean_shift", meanShift);
    m.put("std_ratio", stdRatio);
    m.put("cramers_v", cramersV);
    m.put("move_factor", moveFactor);
    m.put("min_shift", minShift);
    return m;
  }
}
