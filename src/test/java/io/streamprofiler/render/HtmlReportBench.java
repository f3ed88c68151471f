package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Times {@link HtmlReport#render} on the b8 sample profile (457 rows, 9 columns, 5 time series):
 * {@code java -cp target/classes:target/test-classes:<deps>
 * io.streamprofiler.render.HtmlReportBench}. Prints the median and 90th percentile after warm-up,
 * and the page size.
 */
public final class HtmlReportBench {
  private HtmlReportBench() {}

  public static void main(String[] args) {
    Profile profile = Fixtures.profile(args.length > 0 ? args[0] : "profile-b8.json");
    int sink = 0;
    for (int i = 0; i < 300; i++) {
      sink += HtmlReport.render(profile).length();
    }
    int runs = 200;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      sink += HtmlReport.render(profile).length();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    int bytes = HtmlReport.render(profile).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf(
        "HtmlReport.render: median %.2f ms, p90 %.2f ms over %d runs; %,d bytes (%d)%n",
        nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, runs, bytes, sink % 7);
  }
}
