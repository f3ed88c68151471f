package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.Test;

/** Shapes, validation and the NaN contract of the public entry points. */
public class CorrelationMatrixTest {
  @Test
  public void rejectsNonSquareMatrix() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CorrelationMatrix(List.of("a", "b"), new double[][] {{1, 0}, {0}}));
  }

  @Test
  public void rejectsMismatchedInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Correlations.pearson(List.of("a"), new double[][] {{1, 2}, {3, 4}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Correlations.kendall(List.of("a", "b"), new double[][] {{1, 2}, {3}}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Correlations.auto(
                List.of("a"), new double[][] {{1, 2}}, List.of("a"), new String[][] {{"x", "y"}}));
  }

  @Test
  public void emptyAndSingleRowInputsAreNaN() {
    CorrelationMatrix m = Correlations.spearman(List.of("a", "b"), new double[][] {{}, {}});
    assertTrue(Double.isNaN(m.get("a", "b")));
    assertTrue(Double.isNaN(m.get("a", "a")));
    NumericCorrelations one = Correlations.numeric(List.of("a", "b"), new double[][] {{1}, {2}});
    assertTrue(Double.isNaN(one.pearson().get("a", "b")));
    assertTrue(Double.isNaN(one.kendall().get("a", "b")));
    assertEquals(1.0, one.kendall().get("a", "a"), 0.0);
  }

  @Test
  public void cramersSortsColumnsByNameAsYdata() {
    CorrelationMatrix m =
        Correlations.cramers(
            List.of("z", "a"), new String[][] {{"x", "y", "x", "y"}, {"p", "q", "p", "q"}});
    assertEquals(List.of("a", "z"), m.columns());
    assertEquals(1.0, m.get("a", "a"), 0.0);
  }

  /**
   * The profile hands "auto" the Spearman matrix it already has: over random columns with ties,
   * missing values, infinities and different complete rows per pair, every entry is the one "auto"
   * computes itself, bit for bit.
   */
  @Test
  public void autoTakesTheSpearmanMatrixUnchanged() {
    SplittableRandom random = new SplittableRandom(18);
    for (int trial = 0; trial < 50; trial++) {
      int rows = random.nextInt(0, 60);
      List<String> names = List.of("x", "b", "m");
      double[][] nums = new double[names.size()][rows];
      for (double[] column : nums) {
        for (int i = 0; i < rows; i++) {
          double u = random.nextDouble();
          column[i] =
              u < 0.1
                  ? Double.NaN
                  : u < 0.13 ? Double.POSITIVE_INFINITY : random.nextInt(0, 1 + rows / 3);
        }
      }
      String[][] cats = new String[1][rows];
      for (int i = 0; i < rows; i++) {
        cats[0][i] = random.nextDouble() < 0.1 ? null : "c" + random.nextInt(3);
      }
      CorrelationMatrix spearman = Correlations.spearman(names, nums);
      CorrelationMatrix computed = Correlations.auto(names, nums, List.of("k"), cats);
      CorrelationMatrix taken = Correlations.auto(names, nums, List.of("k"), cats, spearman);
      assertEquals(computed.columns(), taken.columns());
      for (int i = 0; i < computed.columns().size(); i++) {
        for (int j = 0; j < computed.columns().size(); j++) {
          assertEquals(
              Double.doubleToLongBits(computed.matrix()[i][j]),
              Double.doubleToLongBits(taken.matrix()[i][j]));
        }
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Correlations.auto(
                List.of("a", "b"),
                new double[][] {{1, 2}, {2, 1}},
                List.of(),
                new String[0][],
                Correlations.spearman(List.of("b", "a"), new double[][] {{1, 2}, {2, 1}})));
  }
}
