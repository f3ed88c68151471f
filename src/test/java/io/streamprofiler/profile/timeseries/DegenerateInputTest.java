package io.streamprofiler.profile.timeseries;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Documented results for input statsmodels refuses or answers with NaN: nothing may throw. */
public class DegenerateInputTest {

  private static void assertAllNaN(double[] a, int from) {
    for (int i = from; i < a.length; i++) {
      assertTrue("index " + i + " = " + a[i], Double.isNaN(a[i]));
    }
  }

  @Test
  public void defaultLags() {
    assertEquals(0, Autocorrelation.defaultLags(0));
    assertEquals(0, Autocorrelation.defaultLags(1));
    assertEquals(0, Autocorrelation.defaultLags(2));
    assertEquals(0, Autocorrelation.defaultLags(3));
    assertEquals(1, Autocorrelation.defaultLags(4));
    assertEquals(135, 273 / 2 - 1);
    assertEquals(100, Autocorrelation.defaultLags(273));
    assertEquals(100, Autocorrelation.defaultLags(Integer.MAX_VALUE));
  }

  @Test
  public void emptyAndSingle() {
    for (double[] x : new double[][] {{}, {4.2}}) {
      double[] a = Autocorrelation.acf(x, 3);
      assertEquals(4, a.length);
      assertAllNaN(a, 0);
      double[] p = Autocorrelation.pacf(x, 3);
      assertEquals(4, p.length);
      assertEquals(1.0, p[0], 0.0);
      assertAllNaN(p, 1);
      assertTrue(Double.isNaN(Autocorrelation.autocorrAt(x, 1)));
      assertNull(AdfTest.test(x));
      assertFalse(Seasonality.detect(x).seasonal());
      assertEquals(0, Seasonality.detect(x).periods().length);
    }
  }

  @Test
  public void negativeLagsGiveEmptyArrays() {
    assertEquals(0, Autocorrelation.acf(new double[] {1, 2, 3}, -1).length);
    assertEquals(0, Autocorrelation.pacf(new double[] {1, 2, 3}, -1).length);
  }

  @Test
  public void lagsBeyondTheDataAreNaN() {
    double[] x = {1.0, 3.0, 2.0, 5.0, 4.0, 4.5};
    double[] a = Autocorrelation.acf(x, 8);
    assertEquals(9, a.length);
    assertEquals(1.0, a[0], 1e-15);
    assertFalse(Double.isNaN(a[5]));
    assertAllNaN(a, 6);
    double[] p = Autocorrelation.pacf(x, 4);
    assertFalse(Double.isNaN(p[2]));
    assertAllNaN(p, 3); // lags >= n/2: statsmodels refuses
    assertEquals(
        1.0, Math.abs(Autocorrelation.autocorrAt(x, 4)), 1e-12); // two pairs: +-1, as pandas
    assertTrue(Double.isNaN(Autocorrelation.autocorrAt(x, 5)));
    assertEquals(Autocorrelation.autocorrAt(x, 2), Autocorrelation.autocorrAt(x, -2), 0.0);
  }

  @Test
  public void shortSeriesForAdf() {
    assertNull(AdfTest.test(new double[] {1, 2}));
    assertNull(AdfTest.test(new double[] {1, 2, 0.5}));
    AdfResult r = AdfTest.test(new double[] {1, 2, 0.5, 1.7});
    assertNotNull(r);
    assertEquals(0, r.usedlag());
    assertEquals(3, r.nobs());
  }

  @Test
  public void constantSeries() {
    // 0.1 does not survive summation exactly: constancy is tested on the values, not the demeaned
    // residue.
    for (double c : new double[] {3.0, 0.1}) {
      double[] x = new double[50];
      java.util.Arrays.fill(x, c);
      assertAllNaN(Autocorrelation.acf(x, 24), 0);
      double[] p = Autocorrelation.pacf(x, 24);
      assertEquals(1.0, p[0], 0.0);
      assertAllNaN(p, 1);
      assertTrue(Double.isNaN(Autocorrelation.autocorrAt(x, 1)));
      AdfResult r = AdfTest.test(x);
      assertTrue(Double.isNaN(r.statistic()));
      assertTrue(Double.isNaN(r.pvalue()));
      assertEquals(0, r.usedlag());
      assertEquals(49, r.nobs());
      assertEquals(-3.5714715250448363, r.critical1(), 1e-12); // statsmodels on np.full(50, 3.0)
      assertFalse(Seasonality.detect(x).seasonal());
    }
  }

  @Test
  public void constantTailMakesAutocorrUndefined() {
    double[] x = {5.0, 1.0, 1.0, 1.0, 1.0};
    assertTrue(Double.isNaN(Autocorrelation.autocorrAt(x, 1)));
  }
}
