package io.streamprofiler.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import org.junit.Test;

/** The identity a bounded run checks, and the line that names what does not add up. */
public class RunSummaryTest {
  private static RunSummary of(long read, long profiled, long rejected, long late) {
    return new RunSummary(
        Map.of(
            "rows_read", read,
            "rows_profiled", profiled,
            "rows_rejected", rejected,
            "rows_dropped_late", late));
  }

  @Test
  public void balancedWhenEveryRowReadIsInAReportRejectedOrLate() {
    assertThat(of(999, 990, 5, 4).balanced(), is(true));
    assertThat(of(999, 542, 0, 0).balanced(), is(false));
  }

  @Test
  public void theImbalanceNamesTheMissingRowsAndEveryTerm() {
    assertThat(
        of(999, 542, 0, 0).imbalance(),
        is(
            "457 rows read are in no report, not rejected and not counted late: rows_read=999"
                + " but rows_profiled=542 + rows_rejected=0 + rows_dropped_late=0 = 542"));
    assertThat(
        of(10, 11, 0, 1).imbalance(),
        is(
            "2 more rows accounted for than were read: rows_read=10 but rows_profiled=11"
                + " + rows_rejected=0 + rows_dropped_late=1 = 12"));
  }
}
