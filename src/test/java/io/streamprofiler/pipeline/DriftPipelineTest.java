package io.streamprofiler.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowCoder;
import io.streamprofiler.record.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/**
 * Drift in the pipeline on a generated stream: several devices sampled every 5 s, a daily
 * temperature cycle with noise, humidity following it, a status category; one device's temperature
 * steps up by 6 °C at 20:25 on the first day. DRIFT must fire for that device and window and stay
 * quiet in at least 90% of the other windows.
 */
public class DriftPipelineTest {
  static final Schema SCHEMA =
      Schema.of(List.of("ts", "device", "temp", "humidity", "status"), "device", "ts");
  static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
  static final int HOURS = 30;
  static final int DEVICES = 3;
  static final String STEP_DEVICE = "dev-1";
  static final int STEP_HOUR = 20;
  static final double STEP = 6.0;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Rows of one hour for every device, seeded. */
  static List<TimestampedValue<KV<String, Row>>> hour(int h, Random random, double[] offsets) {
    List<TimestampedValue<KV<String, Row>>> rows = new ArrayList<>();
    for (int s = 0; s < 720; s++) {
      long millis = T0 + h * 3_600_000L + s * 5_000L;
      for (int d = 0; d < DEVICES; d++) {
        String key = "dev-" + d;
        double day = (millis - T0) / 86_400_000.0;
        double temp =
            21
                + offsets[d]
                + 4 * Math.sin(2 * Math.PI * day - 0.3 * d)
                + 0.8 * random.nextGaussian();
        if (key.equals(STEP_DEVICE) && millis >= T0 + STEP_HOUR * 3_600_000L + 25 * 60_000L) {
          temp += STEP;
        }
        double humidity = 55 - 1.5 * (temp - 21) + 2 * random.nextGaussian();
        String status = random.nextDouble() < 0.95 ? "ok" : "warn";
        Row row =
            new Row(
                s,
                millis * 1000L,
                key,
                new String[] {null, key, null, null, status},
                new double[] {
                  millis / 1000.0,
                  Double.NaN,
                  Math.round(temp * 100) / 100.0,
                  Math.round(humidity * 10) / 10.0,
                  Double.NaN
                });
        rows.add(TimestampedValue.of(KV.of(key, row), new Instant(millis)));
      }
    }
    return rows;
  }

  static TestStream<KV<String, Row>> stream(int hours, double[] offsets) {
    Random random = new Random(42);
    TestStream.Builder<KV<String, Row>> b =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), RowCoder.of()))
            .advanceWatermarkTo(new Instant(T0));
    for (int h = 0; h < hours; h++) {
      List<TimestampedValue<KV<String, Row>>> rows = hour(h, random, offsets);
      b =
          b.addElements(rows.get(0), rows.subList(1, rows.size()).toArray(new TimestampedValue[0]))
              .advanceWatermarkTo(new Instant(T0 + (h + 1) * 3_600_000L));
    }
    return b.advanceWatermarkToInfinity();
  }

  private PCollection<String> drift(TestStream<KV<String, Row>> stream, String baseline) {
    ProfileSettings s = ProfileSettings.defaults();
    return pipeline
        .apply(stream)
        .apply("AsBatches", ProfileWindowsTest.asBatches())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), io.streamprofiler.record.RowBatchCoder.of()))
        .apply(new ProfileWindows(Duration.standardHours(1), Duration.ZERO, SCHEMA, s))
        .get(ProfileWindows.PROFILES)
        .apply(new DriftAgainstBaseline(new DriftConfig(baseline, DriftThresholds.defaults())))
        .apply(
            MapElements.into(TypeDescriptors.strings()).via((Drifted d) -> summary(d.profile())));
  }

  /** key|hour|baseline present|drifted columns|DRIFT alerts. */
  static String summary(Profile p) {
    Map<String, Object> drift = p.section("drift");
    int hour = (int) ((p.context().startMicros() / 1000 - T0) / 3_600_000L);
    long alerts = p.alerts().stream().filter(a -> "DRIFT".equals(a.get("type"))).count();
    boolean scored = !Tree.object(drift, "columns").isEmpty();
    return p.context().key()
        + "|"
        + hour
        + "|"
        + scored
        + "|"
        + String.join(",", Tree.list(drift, "drifted").stream().map(String::valueOf).toList())
        + "|"
        + alerts;
  }

  @Test
  public void previousWindowRaisesDriftAtTheStepAndStaysQuietOnTheDailyCycle() {
    PCollection<String> out = drift(stream(HOURS, new double[] {0, 0.5, -0.5}), "previous");
    PAssert.that(out)
        .satisfies(
            all -> {
              List<String> lines = new ArrayList<>();
              all.forEach(lines::add);
              assertEquals(DEVICES * HOURS, lines.size());
              boolean stepFound = false;
              int others = 0;
              int quiet = 0;
              List<String> noisy = new ArrayList<>();
              for (String l : lines) {
                String[] f = l.split("\\|", -1);
                int hour = Integer.parseInt(f[1]);
                assertEquals(l, hour > 0, Boolean.parseBoolean(f[2]));
                assertEquals(
                    l, f[3].isEmpty() ? 0 : f[3].split(",").length, Integer.parseInt(f[4]));
                if (f[0].equals(STEP_DEVICE) && hour == STEP_HOUR) {
                  stepFound = f[3].contains("temp");
                  continue;
                }
                if (hour == 0) {
                  continue;
                }
                others++;
                if (f[3].isEmpty()) {
                  quiet++;
                } else {
                  noisy.add(l);
                }
              }
              assertTrue(
                  "DRIFT on temp for " + STEP_DEVICE + " at hour " + STEP_HOUR + ": " + lines,
                  stepFound);
              double share = (double) quiet / others;
              System.out.println(
                  "drift (previous): quiet in "
                      + quiet
                      + " of "
                      + others
                      + " other windows ("
                      + share
                      + "); raised: "
                      + noisy);
              assertTrue("quiet in " + quiet + " of " + others + ": " + noisy, share >= 0.9);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void fleetRaisesDriftForTheOddDeviceOnly() {
    // dev-2 runs 8 °C warmer than the others: against the fleet it drifts; dev-0 and dev-1 do not.
    PCollection<String> out = drift(stream(2, new double[] {0, 0.3, 8}), "fleet");
    PAssert.that(out)
        .satisfies(
            all -> {
              List<String> lines = new ArrayList<>();
              all.forEach(lines::add);
              System.out.println("drift (fleet): " + lines);
              assertEquals(DEVICES * 2, lines.size());
              for (String l : lines) {
                String[] f = l.split("\\|", -1);
                assertTrue(l, Boolean.parseBoolean(f[2]));
                if (f[0].equals("dev-2")) {
                  assertTrue(l, f[3].contains("temp"));
                } else {
                  assertEquals(l, "", f[3]);
                }
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /**
   * A bounded run fires every window at the end, in any order: each window must still be compared
   * once, with its true predecessor, and get its comparison page.
   */
  @Test
  public void windowsArrivingInAnyOrderAreComparedOnceWithTheirPredecessor() {
    int hours = 8;
    Profiler profiler = new Profiler(SCHEMA, ProfileSettings.defaults());
    Random random = new Random(7);
    List<TimestampedValue<Profile>> profiles = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      Map<String, List<Row>> byKey = new TreeMap<>();
      for (TimestampedValue<KV<String, Row>> r : hour(h, random, new double[] {0, 0, 0})) {
        byKey
            .computeIfAbsent(r.getValue().getKey(), k -> new ArrayList<>())
            .add(r.getValue().getValue());
      }
      long start = (T0 + h * 3_600_000L) * 1000L;
      for (Map.Entry<String, List<Row>> e : byKey.entrySet()) {
        WindowContext w =
            new WindowContext(e.getKey(), start, start + 3_600_000_000L, 0, "ON_TIME", true, 0);
        profiles.add(
            TimestampedValue.of(
                profiler.profile(e.getValue(), w), new Instant(w.endMicros() / 1000 - 1)));
      }
    }
    Collections.shuffle(profiles, new Random(3));
    PCollection<String> out =
        pipeline
            .apply(Create.timestamped(profiles).withCoder(new ProfileCoder()))
            .apply(
                new DriftAgainstBaseline(new DriftConfig("previous", DriftThresholds.defaults())))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        (Drifted d) -> {
                          Profile p = d.profile();
                          Object start =
                              Tree.object(Tree.object(p.section("drift"), "baseline"), "window")
                                  .get("start");
                          return p.context().key()
                              + "|"
                              + (p.context().startMicros() / 1000 - T0) / 3_600_000L
                              + "|"
                              + (start == null
                                  ? "none"
                                  : (java.time.Instant.parse(start.toString()).toEpochMilli() - T0)
                                      / 3_600_000L)
                              + "|"
                              + (d.reference() != null);
                        }));
    List<String> expected = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      for (int h = 0; h < hours; h++) {
        expected.add("dev-" + d + "|" + h + "|" + (h == 0 ? "none|false" : (h - 1) + "|true"));
      }
    }
    PAssert.that(out).containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();
  }
}
