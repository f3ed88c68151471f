package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.junit.Test;

public class TimestampSkewTest {
  @Test
  public void anySkewReachesBelowEveryTimestampWithoutOverflowing() {
    // What Beam computes for every output: the element's timestamp minus the skew.
    assertThat(
        BoundedWindow.TIMESTAMP_MAX_VALUE
            .minus(TimestampSkew.ANY)
            .isAfter(BoundedWindow.TIMESTAMP_MIN_VALUE),
        is(false));
    assertThat(
        BoundedWindow.TIMESTAMP_MIN_VALUE.minus(TimestampSkew.ANY).getMillis() < 0, is(true));
  }
}
