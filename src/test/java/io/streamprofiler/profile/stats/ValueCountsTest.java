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

  @Test
  public void labelledDoublesCountAsTheirLabelsWould() {
    double[] values = {2.5, 1.0, Double.NaN, 2.5, 3.0, 1.0, 2.5};
    ValueCounts<String> labelled =
        ValueCounts.ofDoubles(values, 2).labelled(v -> Double.toString(v));
    ValueCounts<String> direct =
        ValueCounts.of(Arrays.asList("2.5", "1.0", null, "2.5", "3.0", "1.0", "2.5"), 2);
    assertEquals(direct.mostCommon(10), labelled.mostCommon(10));
    assertEquals(direct.nDistinct(), labelled.nDistinct());
    assertEquals(direct.nUnique(), labelled.nUnique());
    assertEquals(direct.otherCount(), labelled.otherCount());
    assertEquals(direct.nMissing(), labelled.nMissing());
    assertEquals(3, labelled.countOf("2.5"));
  }

  @Test
  public void manyDistinctDoublesAreCountedExactly() {
    double[] values = new double[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7919) % 5003 / 7.0;
    }
    ValueCounts<Double> vc = ValueCounts.ofDoubles(values);
    java.util.Map<Double, Long> expected = new java.util.HashMap<>();
    for (double v : values) {
      expected.merge(v, 1L, Long::sum);
    }
    assertEquals(expected.size(), vc.nDistinct());
    expected.forEach((v, c) -> assertEquals((long) c, vc.countOf(v)));
    assertEquals(1, ValueCounts.ofDoubles(values, 1).nDistinct());
  }

  @Test
  public void repeatsOfTheSameObjectCountLikeAnyOther() {
    String a = "a";
    String c = "c";
    ValueCounts<String> vc = ValueCounts.of(Arrays.asList(a, a, "b", c, c, null, c, a), 2);
    assertEquals(3, vc.countOf("a"));
    assertEquals(1, vc.countOf("b"));
    assertEquals(0, vc.countOf("c")); // past the cap: every repeat is in the tail
    assertEquals(3, vc.otherCount());
    assertEquals(1, vc.nMissing());
  }
}
