package io.streamprofiler.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** A binned scatter draws every non-empty cell once, in one path per shade. */
public class ScatterChartsTest {
  @Test
  public void everyCellIsDrawnOnceInOnePathPerShade() {
    List<Object> edges = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      edges.add((double) i);
    }
    List<Object> counts = new ArrayList<>();
    int cells = 0;
    for (int i = 0; i < 10; i++) {
      List<Object> row = new ArrayList<>();
      for (int j = 0; j < 10; j++) {
        long c = (i * 10L + j) % 7 == 0 ? 0 : (long) Math.pow(i + j, 2.5);
        row.add(c);
        cells += c > 0 ? 1 : 0;
      }
      counts.add(row);
    }
    StringBuilder b = new StringBuilder();
    ScatterCharts.binned(b, edges, edges, counts, "temp", "humidity");
    String svg = b.toString();
    Matcher paths = Pattern.compile("<path fill=\"#[0-9a-f]{6}\" d=\"([^\"]*)\">").matcher(svg);
    int drawn = 0;
    int shades = 0;
    while (paths.find()) {
      shades++;
      drawn += paths.group(1).split("M", -1).length - 1;
    }
    assertEquals(cells, drawn);
    assertTrue("shades: " + shades, shades > 1 && shades <= ScatterCharts.SHADES);
    assertTrue(svg, svg.contains("rows per cell</title>"));
    assertTrue("the densest cell is named", svg.contains(Format.count((long) Math.pow(18, 2.5))));
  }

  @Test
  public void shadesRiseWithTheCount() {
    int last = -1;
    for (double c = 1; c <= 1000; c *= 2) {
      int shade = ScatterCharts.shade(c, 1000);
      assertTrue(shade >= last && shade < ScatterCharts.SHADES);
      last = shade;
    }
    assertEquals(ScatterCharts.SHADES - 1, ScatterCharts.shade(1000, 1000));
  }
}
