package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.apache.kafka.common.TopicPartition;
import org.junit.Test;

/**
 * Which records a bounded read takes: all that wait when they are at most {@code maxRecords}, else
 * the oldest by record timestamp across partitions (ties in partition order), checked against a
 * plain sort of every record on random partitions.
 */
public class KafkaReadPlanTest {

  @Test
  public void everyWaitingRecordWhenTheyAreAtMostMaxRecords() {
    long[][] times = {{1, 2, 3}, {}, {5, 6}};
    List<KafkaReadPlan.Partition> parts = partitions(times, new long[] {1, 0, 0});
    assertThat(
        Arrays.toString(KafkaReadPlan.cut(parts, 4, at(times))),
        is(Arrays.toString(new long[] {3, 0, 2})));
    assertThat(
        Arrays.toString(KafkaReadPlan.cut(parts, 100, at(times))),
        is(Arrays.toString(new long[] {3, 0, 2})));
  }

  @Test
  public void withoutMaxRecordsTheReadIsOpen() {
    long[][] times = {{1}};
    assertThat(KafkaReadPlan.cut(partitions(times, new long[1]), 0, at(times)), is(nullValue()));
  }

  @Test
  public void theOldestAcrossPartitionsNotTheFirstPartitionFetched() {
    // partition 0 holds two copies of a stream, partition 1 one: the first 4 published are 1,2 of
    // each
    long[][] times = {{10, 20, 30, 40}, {10, 20, 30, 40}};
    List<KafkaReadPlan.Partition> parts = partitions(times, new long[2]);
    assertThat(Arrays.toString(KafkaReadPlan.cut(parts, 4, at(times))), is("[2, 2]"));
    assertThat(
        "ties go to the lower partition",
        Arrays.toString(KafkaReadPlan.cut(parts, 3, at(times))),
        is("[2, 1]"));
  }

  @Test
  public void recordsWithoutATimestampComeFirst() {
    long[][] times = {{-1, -1, 5}, {-1, 7}};
    List<KafkaReadPlan.Partition> parts = partitions(times, new long[2]);
    assertThat(Arrays.toString(KafkaReadPlan.cut(parts, 2, at(times))), is("[2, 0]"));
    assertThat(Arrays.toString(KafkaReadPlan.cut(parts, 3, at(times))), is("[2, 1]"));
    assertThat(Arrays.toString(KafkaReadPlan.cut(parts, 4, at(times))), is("[3, 1]"));
  }

  @Test
  public void agreesWithSortingEveryRecordOnRandomPartitions() {
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(4);
      long[][] times = new long[n][];
      long[] starts = new long[n];
      List<long[]> all = new ArrayList<>(); // {time, partition, offset}
      for (int p = 0; p < n; p++) {
        times[p] = new long[random.nextInt(30)];
        long t = random.nextInt(5);
        for (int o = 0; o < times[p].length; o++) {
          t += random.nextInt(3); // non-decreasing, with ties within and across partitions
          times[p][o] = t;
        }
        starts[p] = times[p].length == 0 ? 0 : random.nextInt(times[p].length);
        for (int o = (int) starts[p]; o < times[p].length; o++) {
          all.add(new long[] {times[p][o], p, o});
        }
      }
      long max = random.nextInt(all.size() + 2);
      List<KafkaReadPlan.Partition> parts = partitions(times, starts);
      long[] cut = KafkaReadPlan.cut(parts, max, at(times));
      all.sort(
          Comparator.<long[]>comparingLong(r -> r[0])
              .thenComparingLong(r -> r[1])
              .thenComparingLong(r -> r[2]));
      long[] expected = starts.clone();
      for (int i = 0; i < Math.min(max, all.size()); i++) {
        expected[(int) all.get(i)[1]]++;
      }
      if (max == 0) {
        assertThat(cut, is(nullValue()));
      } else {
        assertThat("trial " + trial, Arrays.toString(cut), is(Arrays.toString(expected)));
      }
    }
  }

  private static List<KafkaReadPlan.Partition> partitions(long[][] times, long[] starts) {
    List<KafkaReadPlan.Partition> parts = new ArrayList<>();
    for (int p = 0; p < times.length; p++) {
      parts.add(
          new KafkaReadPlan.Partition(new TopicPartition("t", p), starts[p], times[p].length));
    }
    return parts;
  }

  /**
   * The broker's answer: each partition's first offset stamped at or after a time, else its end.
   */
  private static LongFunction<long[]> at(long[][] times) {
    return time -> {
      long[] offsets = new long[times.length];
      for (int p = 0; p < times.length; p++) {
        int o = 0;
        while (o < times[p].length && times[p][o] < time) {
          o++;
        }
        offsets[p] = o;
      }
      return offsets;
    };
  }
}
