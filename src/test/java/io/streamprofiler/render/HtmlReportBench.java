package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Times {@link HtmlReport#render} on the b8 sample profile (457 rows, 9 columns, 5 time series):
 * {@code java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp
 * target/classes:target/test-classes:<deps> io.streamprofiler.render.HtmlReportBench}. Prints the
 * median and 90th percentile after warm-up of rendering alone and of rendering plus the UTF-8
 * encoding that every writer of a page does (the encoding is a large share of the cost when the
 * page is not Latin-1), and the page size.
 */
public final class HtmlReportBench {
  private HtmlReportBench() {}

  public static void main(String[] args) {
    Profile profile = Fixtures.profile(args.length > 0 ? args[0] : "profile-b8.json");
    int sink = 0;
    for (int i = 0; i < 300; i++) {
      sink += HtmlReport.render(profile).getBytes(StandardCharsets.UTF_8).length;
    }
    int runs = 200;
    long[] render = new long[runs];
    long[] encoded = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      String page = HtmlReport.render(profile);
      long t1 = System.nanoTime();
      sink += page.getBytes(StandardCharsets.UTF_8).length;
      long t2 = System.nanoTime();
      render[i] = t1 - t0;
      encoded[i] = t2 - t0;
    }
    Arrays.sort(render);
    Arrays.sort(encoded);
    String page = HtmlReport.render(profile);
    int bytes = page.getBytes(StandardCharsets.UTF_8).length;
    long nonAscii = page.chars().filter(c -> c >= 0x80).count();
    System.out.printf(
        "HtmlReport.render: median %.2f ms, p90 %.2f ms over %d runs%n",
        render[runs / 2] / 1e6, render[runs * 9 / 10] / 1e6, runs);
    System.out.printf(
        "render + getBytes(UTF_8): median %.2f ms, p90 %.2f ms over %d runs%n",
        encoded[runs / 2] / 1e6, encoded[runs * 9 / 10] / 1e6, runs);
    System.out.printf(
        "%,d chars, %,d bytes, %d chars >= 0x80 (%d)%n", page.length(), bytes, nonAscii, sink % 7);
  }
}
