package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class ValueCountsTest {
  @Test
  public void countsDistinctUniqueAndMissing() {
    ValueCounts<String> vc = ValueCounts.of(Arrays.asList("a", "b", null, "a", "c", null));
    assertEquals(4, vc.count());
    assertEquals(2, vc.nMissing());
    assertEquals(3, vc.nDistinct());
    assertEquals(2, vc.nUnique());
    assertEquals(2, vc.countOf("a"));
    assertEquals(0, vc.countOf("zzz"));
  }

  @Test
  public void tiesAreBrokenByFirstOccurrence() {
    ValueCounts<String> vc = ValueCounts.of(List.of("z", "y", "x", "y", "z", "w", "x"));
    assertEquals(
        List.of(
            new ValueCount<>("z", 2),
            new ValueCount<>("y", 2),
            new ValueCount<>("x", 2),
            new ValueCount<>("w", 1)),
        vc.mostCommon(10));
    assertEquals(List.of(new ValueCount<>("z", 2)), vc.mostCommon(1));
    assertEquals(List.of(), vc.mostCommon(0));
  }

  @Test
  public void partialSelectionAgreesWithFullSort() {
    Integer[] values = new Integer[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7919) % 613 % (1 + i % 37);
    }
    ValueCounts<Integer> vc = ValueCounts.of(Arrays.asList(values));
    List<ValueCount<Integer>> all = vc.mostCommon(vc.nDistinct());
    assertEquals(all.subList(0, 10), vc.mostCommon(10)); // 10 < k/4: the heap path
  }

  @Test
  public void doublesTreatNaNAsMissingAndNegativeZeroAsZero() {
    ValueCounts<Double> vc =
        ValueCounts.ofDoubles(new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY});
    assertEquals(3, vc.count());
    assertEquals(1, vc.nMissing());
    assertEquals(2, vc.nDistinct());
    assertEquals(2, vc.countOf(0.0));
  }
}
