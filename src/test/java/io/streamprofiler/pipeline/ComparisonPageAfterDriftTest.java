package io.streamprofiler.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.streamprofiler.compare.CompareReport;
import io.streamprofiler.compare.Drift;
import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileAdditions;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Test;

/**
 * The rendering step draws the comparison page from the drifted profile and its baseline: the page
 * must be the one the drift step would have drawn from the raw profile and the comparison result.
 */
public class ComparisonPageAfterDriftTest {
  private static Profile profile(int hour, Random random, double offset) {
    List<Row> rows = new ArrayList<>();
    for (TimestampedValue<KV<String, Row>> r :
        DriftPipelineTest.hour(hour, random, new double[] {offset, offset, offset})) {
      if (r.getValue().getKey().equals("dev-1")) {
        rows.add(r.getValue().getValue());
      }
    }
    long start = (DriftPipelineTest.T0 + hour * 3_600_000L) * 1000L;
    return new Profiler(DriftPipelineTest.SCHEMA, ProfileSettings.defaults())
        .profile(
            rows, new WindowContext("dev-1", start, start + 3_600_000_000L, 0, "ON_TIME", true, 0));
  }

  @Test
  public void pageFromTheDriftedProfileEqualsThePageFromTheComparison() {
    Random random = new Random(5);
    Profile reference = profile(0, random, 0);
    Profile current = profile(1, random, 6); // a step: DRIFT alerts to carry
    Drift.Result result =
        Drift.compare(
            reference,
            current,
            DriftThresholds.defaults(),
            DriftAgainstBaseline.previousBaseline(reference, current));
    assertFalse("the step must drift", result.drifted().isEmpty());
    Profile drifted =
        ProfileAdditions.withSection(
            current, "drift", result.section(), Drift.ALERT, result.alerts());

    assertEquals(result, Drift.recorded(drifted));
    assertEquals(current.tree(), ProfileAdditions.without(drifted, "drift", Drift.ALERT).tree());
    assertEquals(
        CompareReport.html(reference, current, result),
        CompareReport.html(
            reference,
            ProfileAdditions.without(drifted, "drift", Drift.ALERT),
            Drift.recorded(drifted)));
  }

  @Test
  public void keysKeepThePreviousWindowAndThoseLateRowsMayStillRevise() {
    org.joda.time.Duration hour = org.joda.time.Duration.standardHours(1);
    assertEquals(2, DriftAgainstBaseline.keptWindows(hour, org.joda.time.Duration.ZERO));
    assertEquals(
        3, DriftAgainstBaseline.keptWindows(hour, org.joda.time.Duration.standardSeconds(30)));
    assertEquals(3, DriftAgainstBaseline.keptWindows(hour, hour));
    assertEquals(4, DriftAgainstBaseline.keptWindows(hour, hour.plus(1)));
    assertEquals(
        12, DriftAgainstBaseline.keptWindows(hour, org.joda.time.Duration.standardDays(30)));
  }
}
