package io.streamprofiler.compare;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift of one profile (the current one) against a baseline (one reference profile, or the pooled
 * profiles of a fleet), column by column, from what the profiles store: no row is re-read.
 *
 * <p>Numbers: the bins are the reference's deciles (10 bins, the outer ones open; a reference mass
 * point gets a bin of its own), on which PSI and the Jensen-Shannon distance are computed; the
 * Kolmogorov-Smirnov statistic is the largest distance between the two stored distribution
 * functions; the mean shift is in reference standard deviations. Categories: one bin per value
 * (values not listed pooled in one), PSI, Jensen-Shannon, chi-squared and Cramér's V. The key
 * column, the event-time column and DateTime, Text and Unsupported columns are skipped.
 */
public final class Drift {
  public static final String ALERT = "DRIFT";
  public static final int BINS = 10;

  private Drift() {}

  /**
   * The section of a profile that has no baseline (yet): the baseline says why, no column is
   * scored.
   */
  public static Result noBaseline(Map<String, Object> baseline, DriftThresholds t) {
    Map<String, Object> section =
        Tree.object()
            .put("baseline", baseline)
            .put("thresholds", t.asMap())
            .put("columns", Map.of())
            .put("drifted", List.of())
            .put("skipped", Map.of())
            .put("only_in_current", List.of())
            .put("only_in_reference", List.of())
            .build();
    return new Result(section, List.of(), List.of());
  }

  /** Scores, the {@code drift} section and the DRIFT alerts of one comparison. */
  public record Result(
      Map<String, Object> section, List<Map<String, Object>> alerts, List<String> drifted) {
    public boolean anyDrift() {
      return !drifted.isEmpty();
    }
  }

  /**
   * The result a profile carries: its {@code drift} section and DRIFT alerts, as {@link #compare}
   * made them.
   */
  public static Result recorded(Profile profile) {
    Map<String, Object> section = profile.section("drift");
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, Object> a : profile.alerts()) {
      if (ALERT.equals(a.get("type"))) {
        alerts.add(a);
      }
    }
    List<String> drifted = new ArrayList<>();
    Tree.list(section, "drifted").forEach(c -> drifted.add(String.valueOf(c)));
    return new Result(section, alerts, drifted);
  }

  /** {@code current} against one {@code reference}. */
  public static Result compare(
      Profile reference, Profile current, DriftThresholds t, Map<String, Object> baseline) {
    return compare(List.of(reference), current, t, baseline, null);
  }

  /**
   * {@code current} against the key's previous window {@code reference}, numbers judged by how far
   * the key's windows have moved lately ({@code moves}, see {@link RecentMoves}) rather than by the
   * reference's spread alone.
   */
  public static Result compare(
      Profile reference,
      Profile current,
      DriftThresholds t,
      Map<String, Object> baseline,
      Map<String, RecentMoves.Column> moves) {
    return compare(List.of(reference), current, t, baseline, moves);
  }

  /**
   * {@code current} against the pooled {@code references} (a fleet); one reference is a plain
   * comparison.
   */
  public static Result compare(
      List<Profile> references, Profile current, DriftThresholds t, Map<String, Object> baseline) {
    return compare(references, current, t, baseline, null);
  }

  /** With {@code moves} null, numbers are judged by effect sizes against the reference. */
  private static Result compare(
      List<Profile> references,
      Profile current,
      DriftThresholds t,
      Map<String, Object> baseline,
      Map<String, RecentMoves.Column> moves) {
    Map<String, Map<String, Object>> cur = current.variables();
    Set<String> skipColumns = new LinkedHashSet<>();
    Map<String, Object> analysis = current.section("analysis");
    for (String f : List.of("key_column", "timestamp_column")) {
      if (analysis.get(f) instanceof String s) {
        skipColumns.add(s);
      }
    }
    Set<String> refColumns = new LinkedHashSet<>();
    for (Profile r : references) {
      refColumns.addAll(r.variables().keySet());
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    Map<String, Object> skipped = new LinkedHashMap<>();
    List<String> drifted = new ArrayList<>();
    List<Map<String, Object>> alerts = new ArrayList<>();
    List<String> onlyCurrent = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : cur.entrySet()) {
      String name = e.getKey();
      if (!refColumns.contains(name)) {
        onlyCurrent.add(name);
        continue;
      }
      String why = skipReason(name, e.getValue(), skipColumns);
      List<Map<String, Object>> refs = new ArrayList<>();
      for (Profile r : references) {
        Map<String, Object> v = r.variables().get(name);
        if (v != null) {
          refs.add(v);
          why = why != null ? why : skipReason(name, v, skipColumns);
        }
      }
      if (why != null) {
        skipped.put(name, why);
        continue;
      }
      Map<String, Object> score = column(refs, e.getValue(), t, moves, name);
      if (score == null) {
        skipped.put(name, "no comparable distribution stored");
        continue;
      }
      columns.put(name, score);
      if ("alert".equals(score.get("level"))) {
        drifted.add(name);
        Tree a =
            Tree.object()
                .put("type", ALERT)
                .put("column", name)
                .put("value", score.get("psi"))
                .put("threshold", t.psi())
                .put("baseline", baseline.get("mode"));
        for (String f :
            List.of("mean_shift", "std_ratio", "spread_ratio", "cramers_v", "recent_moves")) {
          a.putIfPresent(f, score.get(f));
        }
        alerts.add(a.build());
      }
    }
    List<String> onlyReference = new ArrayList<>();
    for (String name : refColumns) {
      if (!cur.containsKey(name)) {
        onlyReference.add(name);
      }
    }
    Map<String, Object> section =
        Tree.object()
            .put("baseline", baseline)
            .put("thresholds", t.asMap())
            .put("columns", columns)
            .put("drifted", drifted)
            .put("skipped", skipped)
            .put("only_in_current", onlyCurrent)
            .put("only_in_reference", onlyReference)
            .build();
    return new Result(section, alerts, drifted);
  }

  private static String skipReason(String name, Map<String, Object> v, Set<String> skipColumns) {
    if (skipColumns.contains(name)) {
      return "key or event-time column";
    }
    Object type = v.get("type");
    if ("DateTime".equals(type) || "Text".equals(type) || "Unsupported".equals(type)) {
      return type + " column";
    }
    return null;
  }

  /** The scores of one column, or null when the profiles store nothing comparable. */
  static Map<String, Object> column(
      List<Map<String, Object>> refs, Map<String, Object> current, DriftThresholds t) {
    return column(refs, current, t, null, null);
  }

  private static Map<String, Object> column(
      List<Map<String, Object>> refs,
      Map<String, Object> current,
      DriftThresholds t,
      Map<String, RecentMoves.Column> moves,
      String name) {
    NumericDistribution c = NumericDistribution.of(current);
    List<NumericDistribution> rs = new ArrayList<>();
    for (Map<String, Object> r : refs) {
      NumericDistribution d = NumericDistribution.of(r);
      if (d != null) {
        rs.add(d);
      }
    }
    if (c != null && rs.size() == refs.size() && !rs.isEmpty()) {
      NumericDistribution r = rs.size() == 1 ? rs.get(0) : NumericDistribution.mixture(rs);
      if (moves != null) {
        return numeric(r, c, t, moves.getOrDefault(name, new RecentMoves.Column(0, 0, 0)));
      }
      return numeric(r, c, t);
    }
    CategoricalDistribution cc = CategoricalDistribution.of(current);
    List<CategoricalDistribution> rc = new ArrayList<>();
    for (Map<String, Object> r : refs) {
      CategoricalDistribution d = CategoricalDistribution.of(r);
      if (d != null) {
        rc.add(d);
      }
    }
    if (cc != null && rc.size() == refs.size() && !rc.isEmpty()) {
      return categorical(rc.size() == 1 ? rc.get(0) : CategoricalDistribution.sum(rc), cc, t);
    }
    return null;
  }

  /** Cumulative reference-decile cut points; a mass point at a decile is cut on both sides. */
  static double[][] bins(NumericDistribution reference, NumericDistribution current) {
    List<double[]> cuts = new ArrayList<>(); // {x, 1 = at (<= x), 0 = before (< x)}
    double last = Double.NaN;
    for (int i = 1; i < BINS; i++) {
      double x = reference.quantile((double) i / BINS);
      if (x == last) {
        continue;
      }
      last = x;
      if (reference.at(x) - reference.before(x) > 1e-12) {
        cuts.add(new double[] {x, 0});
      }
      cuts.add(new double[] {x, 1});
    }
    int k = cuts.size() + 1;
    double[] e = new double[k];
    double[] a = new double[k];
    double pe = 0;
    double pa = 0;
    for (int i = 0; i < k; i++) {
      double ce;
      double ca;
      if (i == k - 1) {
        ce = 1;
        ca = 1;
      } else {
        double[] cut = cuts.get(i);
        ce = cut[1] == 1 ? reference.at(cut[0]) : reference.before(cut[0]);
        ca = cut[1] == 1 ? current.at(cut[0]) : current.before(cut[0]);
      }
      e[i] = Math.max(0, ce - pe);
      a[i] = Math.max(0, ca - pa);
      pe = Math.max(pe, ce);
      pa = Math.max(pa, ca);
    }
    return new double[][] {e, a};
  }

  /** Numbers judged by effect sizes against the reference: the rule without a key's history. */
  static Map<String, Object> numeric(
      NumericDistribution r, NumericDistribution c, DriftThresholds t) {
    Scores score = numericScores(r, c);
    double meanShift = ratio(c.mean() - r.mean(), r.std());
    double stdRatio = ratio(c.std(), r.spread());
    boolean large =
        Math.abs(meanShift) >= t.meanShift()
            || stdRatio >= t.stdRatio()
            || stdRatio <= 1 / t.stdRatio();
    return score.tree().put("level", level(score.psi(), large, t)).build();
  }

  /**
   * Numbers judged against how far the key's windows have moved lately ({@link RecentMoves}): the
   * mean must move {@code moveFactor} times its recent move (at least one resolution step: a mean
   * of quantised readings moving by less than a step is no change a sensor can show), and {@code
   * minShift} reference standard deviations; or the robust spread (IQR, floored at the resolution,
   * so ties do not make it zero) must grow or shrink by {@code stdRatio} and by {@code moveFactor}
   * times its recent change in logarithm. PSI must pass its threshold too. Until the key has {@link
   * RecentMoves#MIN_MOVES} moves, no alert: the windows' autocorrelation and size are in how far
   * they move, which only their history tells.
   */
  static Map<String, Object> numeric(
      NumericDistribution r, NumericDistribution c, DriftThresholds t, RecentMoves.Column moves) {
    Scores score = numericScores(r, c);
    double step = Math.max(RecentMoves.orZero(r.resolution()), RecentMoves.orZero(c.resolution()));
    double diff = Math.abs(c.mean() - r.mean());
    double spreadRatio =
        RecentMoves.robustSpread(c.iqr(), step) / RecentMoves.robustSpread(r.iqr(), step);
    double spreadMove = Math.abs(Math.log(spreadRatio));
    boolean moved =
        diff >= t.moveFactor() * Math.max(moves.meanMove(), step)
            && diff >= t.minShift() * Math.max(r.std(), step);
    boolean spread =
        spreadMove >= Math.log(t.stdRatio()) && spreadMove >= t.moveFactor() * moves.spreadMove();
    double psi = score.psi();
    String level =
        moves.learnt() ? level(psi, moved || spread, t) : psi >= t.psiWarn() ? "warn" : "ok";
    score
        .tree()
        .put("level", level)
        .put("spread_ratio", finiteOrSign(spreadRatio))
        .putIfPresent("resolution", step > 0 ? step : null)
        .put(
            "recent_moves",
            Tree.object()
                .put("moves", (long) moves.moves())
                .put("learning", !moves.learnt())
                .put("mean_move", moves.meanMove())
                .put("spread_move", moves.spreadMove())
                .put("mean_move_ratio", finiteOrSign(ratio(diff, Math.max(moves.meanMove(), step))))
                .put("spread_move_ratio", finiteOrSign(ratio(spreadMove, moves.spreadMove())))
                .build());
    return score.tree().build();
  }

  private static String level(double psi, boolean large, DriftThresholds t) {
    return psi >= t.psi() && large ? "alert" : psi >= t.psiWarn() ? "warn" : "ok";
  }

  /** What both rules report of two numeric distributions; the level is for the rule to set. */
  private record Scores(Tree tree, double psi) {}

  private static Scores numericScores(NumericDistribution r, NumericDistribution c) {
    double[][] bins = bins(r, c);
    double diff = c.mean() - r.mean();
    double psi = DriftTests.psi(bins[0], bins[1]);
    Tree tree =
        Tree.object()
            .put("method", "numeric")
            .put("level", "ok")
            .put("psi", psi)
            .put("js_distance", DriftTests.jensenShannon(bins[0], bins[1]))
            .put("ks", DriftTests.kolmogorovSmirnov(r, c))
            .put("mean_shift", finiteOrSign(ratio(diff, r.std())))
            .put("std_ratio", finiteOrSign(ratio(c.std(), r.spread())))
            .put("mean_difference", diff)
            .put("reference_count", r.count())
            .put("current_count", c.count())
            .put("bins", Tree.object().put("reference", bins[0]).put("current", bins[1]));
    return new Scores(tree, psi);
  }

  static Map<String, Object> categorical(
      CategoricalDistribution r, CategoricalDistribution c, DriftThresholds t) {
    Set<String> names = new LinkedHashSet<>(r.counts().keySet());
    names.addAll(c.counts().keySet());
    boolean other = r.other() > 0 || c.other() > 0;
    int k = names.size() + (other ? 1 : 0);
    long[] rc = new long[k];
    long[] cc = new long[k];
    int i = 0;
    for (String n : names) {
      rc[i] = r.counts().getOrDefault(n, 0L);
      cc[i] = c.counts().getOrDefault(n, 0L);
      i++;
    }
    if (other) {
      rc[i] = r.other();
      cc[i] = c.other();
    }
    double[] pr = probabilities(rc);
    double[] pc = probabilities(cc);
    double psi = DriftTests.psi(pr, pc);
    double js = DriftTests.jensenShannon(pr, pc);
    DriftTests.ChiSquared chi = DriftTests.chiSquared(rc, cc);
    String level =
        psi >= t.psi() && chi.cramersV() >= t.cramersV()
            ? "alert"
            : psi >= t.psiWarn() ? "warn" : "ok";
    List<Object> cats = new ArrayList<>();
    i = 0;
    for (String n : names) {
      cats.add(Tree.object().put("value", n).put("reference", rc[i]).put("current", cc[i]).build());
      i++;
    }
    if (other) {
      cats.add(
          Tree.object()
              .put("value", null)
              .put("other", true)
              .put("reference", rc[i])
              .put("current", cc[i])
              .build());
    }
    return Tree.object()
        .put("method", "categorical")
        .put("level", level)
        .put("psi", psi)
        .put("js_distance", js)
        .put(
            "chi_squared",
            Tree.object()
                .put("statistic", chi.statistic())
                .put("dof", chi.dof())
                .put("pvalue", chi.pvalue()))
        .put("cramers_v", chi.cramersV())
        .put("reference_count", Arrays.stream(rc).sum())
        .put("current_count", Arrays.stream(cc).sum())
        .put("categories", cats)
        .build();
  }

  private static double[] probabilities(long[] counts) {
    long n = Arrays.stream(counts).sum();
    double[] p = new double[counts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = n == 0 ? 0 : (double) counts[i] / n;
    }
    return p;
  }

  /**
   * a / b; when b is 0 or undefined: 0 if a is 0, else an infinity of a's sign (the reference was
   * constant).
   */
  static double ratio(double a, double b) {
    if (Double.isNaN(a)) {
      return Double.NaN;
    }
    if (!(b > 0)) {
      return a == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, a);
    }
    return a / b;
  }

  /**
   * JSON has no infinity: an infinite score is written as ±1e308 is not honest either, so as a
   * string.
   */
  private static Object finiteOrSign(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return d;
  }
}
