package io.streamprofiler.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a key's windows have moved lately, per numeric column: the second-largest of the last
 * {@value #MOVES} window-to-window changes of the mean, and of the logarithm of the robust spread.
 * A new move is drift when it is several times larger: a sensor whose 5-minute means wander by
 * tenths of a degree, or whose hourly means follow a daily cycle, moves that much all the time,
 * while a stream whose means stand still shows a small step at once. The second-largest, not the
 * largest: a step that falls inside a window moves that window part of the way and the next one the
 * rest, and the first part must not hide the second; not the median: a sine leaving its crest moves
 * faster than its last few moves (docs/DRIFT.md has the rates of each choice).
 *
 * <p>The windows are kept as {@link WindowLevels}, by window start; a revised window replaces its
 * levels.
 */
public final class RecentMoves {
  /** Moves whose median is the yardstick. */
  public static final int MOVES = 4;

  /**
   * Fewer known moves than this, and the key is still learning: no DRIFT alert on its numbers yet.
   * Four: a yardstick from fewer moves is too often one that happened to be small (the sample's
   * 5-minute windows alerted in one window of 15 with three).
   */
  public static final int MIN_MOVES = 4;

  /** Windows a key remembers: enough for {@link #MOVES} moves before a late window's successor. */
  public static final int WINDOWS = MOVES + 4;

  /** One column's yardstick: how many moves it is learnt from, and their second-largest. */
  public record Column(int moves, double meanMove, double spreadMove) {
    public boolean learnt() {
      return moves >= MIN_MOVES;
    }
  }

  private final TreeMap<Long, WindowLevels> windows = new TreeMap<>();

  /** From the state a key keeps ({@link #toState}); null gives none. */
  public RecentMoves(Map<Long, byte[]> state) {
    if (state != null) {
      state.forEach((start, bytes) -> windows.put(start, WindowLevels.fromBytes(bytes)));
    }
  }

  public void put(long start, WindowLevels levels) {
    windows.put(start, levels);
  }

  /** Drops the oldest windows beyond {@link #WINDOWS}. */
  public void keepNewest() {
    while (windows.size() > WINDOWS) {
      windows.pollFirstEntry();
    }
  }

  public Map<Long, byte[]> toState() {
    Map<Long, byte[]> state = new TreeMap<>();
    windows.forEach((start, levels) -> state.put(start, levels.toBytes()));
    return state;
  }

  /**
   * The yardsticks for a window starting at {@code start}: the moves between the windows before it,
   * the last of which is its baseline.
   */
  public Map<String, Column> before(long start) {
    List<WindowLevels> earlier = new ArrayList<>(windows.headMap(start, false).values());
    return of(earlier.subList(Math.max(0, earlier.size() - (MOVES + 1)), earlier.size()));
  }

  /** The yardsticks learnt from {@code earlier} windows, oldest first. */
  public static Map<String, Column> of(List<WindowLevels> earlier) {
    Map<String, List<double[]>> moves = new HashMap<>();
    for (int i = 1; i < earlier.size(); i++) {
      Map<String, WindowLevels.Level> before = earlier.get(i - 1).columns();
      for (Map.Entry<String, WindowLevels.Level> c : earlier.get(i).columns().entrySet()) {
        WindowLevels.Level a = before.get(c.getKey());
        WindowLevels.Level b = c.getValue();
        if (a != null) {
          double move = Math.abs(b.mean() - a.mean());
          double spread = Math.abs(Math.log(spreadRatio(a, b)));
          moves
              .computeIfAbsent(c.getKey(), k -> new ArrayList<>())
              .add(new double[] {move, spread});
        }
      }
    }
    Map<String, Column> columns = new HashMap<>();
    moves.forEach(
        (name, list) -> {
          List<double[]> last = list.subList(Math.max(0, list.size() - MOVES), list.size());
          columns.put(
              name,
              new Column(
                  last.size(),
                  secondLargest(last.stream().mapToDouble(m -> m[0]).toArray()),
                  secondLargest(last.stream().mapToDouble(m -> m[1]).toArray())));
        });
    return columns;
  }

  /**
   * The robust spread of {@code b} over that of {@code a}: interquartile ranges over 1.349 (the
   * standard deviation of a normal sample), each at least one step of the finer resolution of the
   * two, because two readings less than a step apart cannot be told apart.
   */
  static double spreadRatio(WindowLevels.Level a, WindowLevels.Level b) {
    double step = Math.max(orZero(a.resolution()), orZero(b.resolution()));
    return robustSpread(b.iqr(), step) / robustSpread(a.iqr(), step);
  }

  /** IQR / 1.349, at least {@code step}; a column with no spread and no step counts as tiny. */
  static double robustSpread(double iqr, double step) {
    return Math.max(Math.max(orZero(iqr) / 1.349, step), Double.MIN_NORMAL);
  }

  static double orZero(double d) {
    return Double.isNaN(d) ? 0 : d;
  }

  /** The second-largest of {@code a} (its only value when it has one). */
  static double secondLargest(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s.length == 0 ? 0 : s[Math.max(0, s.length - 2)];
  }
}
