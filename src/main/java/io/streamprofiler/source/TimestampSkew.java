package io.streamprofiler.source;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;

/** The timestamp skew allowed to a step that stamps its outputs with event times from the data. */
public final class TimestampSkew {
  private TimestampSkew() {}

  /**
   * Beam's whole timestamp range: an event time may lie anywhere before the element's own
   * timestamp. Not {@code Long.MAX_VALUE} milliseconds: Beam subtracts the skew from the element's
   * timestamp, and that overflow cost an exception, stack trace included, per output element.
   */
  public static final Duration ANY =
      Duration.millis(
          BoundedWindow.TIMESTAMP_MAX_VALUE.getMillis()
              - BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
}
