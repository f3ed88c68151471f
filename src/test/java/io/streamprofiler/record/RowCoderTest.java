package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

public class RowCoderTest {
  @Test
  public void roundTripsEveryKindOfValue() throws Exception {
    Row row =
        new Row(
            42,
            -5L,
            "dévice \"1\"",
            new String[] {null, "text", null, null},
            new double[] {1.5, Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY});
    Row back = CoderUtils.clone(RowCoder.of(), row);
    assertThat(back, is(row));
    assertThat(back.isMissing(2), is(true));
    assertThat(back.number(3), is(Double.NEGATIVE_INFINITY));
  }
}
