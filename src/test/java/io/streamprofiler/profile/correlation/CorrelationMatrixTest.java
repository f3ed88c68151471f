package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
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
}
