package io.streamprofiler.compare;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class RecentMovesTest {
  private static WindowLevels level(double mean, double iqr, double resolution) {
    return new WindowLevels(Map.of("temp", new WindowLevels.Level(mean, iqr, resolution)));
  }

  @Test
  public void theYardstickIsTheSecondLargestOfTheLastFourMoves() {
    // moves: 1, 0.5, 0.25, 2, 0.1 -> the last four are 0.5, 0.25, 2, 0.1
    List<WindowLevels> windows =
        List.of(
            level(10, 1, Double.NaN),
            level(11, 1, Double.NaN),
            level(10.5, 1, Double.NaN),
            level(10.75, 1, Double.NaN),
            level(12.75, 1, Double.NaN),
            level(12.85, 1, Double.NaN));
    RecentMoves.Column c = RecentMoves.of(windows).get("temp");
    assertEquals(4, c.moves());
    assertEquals(0.5, c.meanMove(), 1e-12);
    assertEquals(0, c.spreadMove(), 1e-12);
    assertTrue(c.learnt());
  }

  @Test
  public void aKeyWithFewerThanFourMovesIsStillLearning() {
    RecentMoves.Column c =
        RecentMoves.of(List.of(level(1, 1, 0.1), level(2, 1, 0.1), level(3, 2, 0.1))).get("temp");
    assertEquals(2, c.moves());
    assertFalse(c.learnt());
    assertEquals(0, c.spreadMove(), 1e-12); // the second-largest of ln 1 and ln 2
  }

  @Test
  public void spreadsBelowOneResolutionStepCountAsOneStep() {
    // a quantised reading stuck on one value (IQR 0) against one flickering by a step (IQR 0.1)
    WindowLevels.Level stuck = new WindowLevels.Level(27.0, 0, Double.NaN);
    WindowLevels.Level flicker = new WindowLevels.Level(27.05, 0.1, 0.1);
    assertEquals(1.0, RecentMoves.spreadRatio(stuck, flicker), 1e-12);
    // without a known step both spreads of zero compare equal, not as 0/0
    WindowLevels.Level none = new WindowLevels.Level(5, 0, Double.NaN);
    assertEquals(1.0, RecentMoves.spreadRatio(none, none), 1e-12);
  }

  @Test
  public void theStateKeepsTheNewestWindowsAndAnswersForTheWindowsBeforeAStart() {
    RecentMoves moves = new RecentMoves(null);
    for (int w = 0; w < 12; w++) {
      moves.put(w * 100L, level(w * w, 1, Double.NaN));
      moves.keepNewest();
    }
    RecentMoves back = new RecentMoves(moves.toState());
    assertEquals(RecentMoves.WINDOWS, back.toState().size());
    // before window 11: windows 6..10, moves 13, 15, 17, 19 (w^2 - (w-1)^2 = 2w - 1)
    RecentMoves.Column c = back.before(1100L).get("temp");
    assertEquals(4, c.moves());
    assertEquals(17, c.meanMove(), 1e-12);
  }

  @Test
  public void levelsSurviveTheirBytes() {
    WindowLevels l =
        new WindowLevels(
            Map.of(
                "a", new WindowLevels.Level(1.5, 0.25, Double.NaN),
                "b", new WindowLevels.Level(-3, 0, 0.1)));
    assertEquals(l, WindowLevels.fromBytes(l.toBytes()));
  }
}
