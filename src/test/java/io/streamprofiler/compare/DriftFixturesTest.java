package io.streamprofiler.compare;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Drift scores from stored profiles against scipy (src/test/oracle/drift_fixtures.py): exactly the
 * scores numpy computes from the same stored percentiles, and close to the scores of the raw
 * samples (within a percentile for KS); exact where every value is stored.
 */
public class DriftFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DriftThresholds T = DriftThresholds.defaults();

  static JsonNode fixture(String name) {
    try (InputStream in =
        DriftFixturesTest.class.getResourceAsStream("/fixtures/drift/" + name + ".json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Profile side(JsonNode fx, String side) {
    if (fx.get("kind").asText().equals("numeric")) {
      List<Double> v = new ArrayList<>();
      fx.get(side).forEach(n -> v.add(n.asDouble()));
      return TestProfiles.numbers(side, v);
    }
    List<String> v = new ArrayList<>();
    fx.get(side).forEach(n -> v.add(n.asText()));
    return TestProfiles.categories(side, v);
  }

  /** The column scores of a fixture: reference against current. */
  static Map<String, Object> scores(String name) {
    JsonNode fx = fixture(name);
    Drift.Result r =
        Drift.compare(side(fx, "reference"), side(fx, "current"), T, Map.of("mode", "test"));
    return Tree.object(Tree.object(r.section(), "columns"), "v");
  }

  private static double d(Map<String, Object> m, String f) {
    return ((Number) m.get(f)).doubleValue();
  }

  private static void numeric(String name, String expectedLevel) {
    JsonNode fx = fixture(name);
    Map<String, Object> s = scores(name);
    assertEquals(name, "numeric", s.get("method"));
    JsonNode raw = fx.get("raw");
    assertEquals(name + " mean_shift", raw.get("mean_shift").asDouble(), d(s, "mean_shift"), 1e-9);
    assertEquals(name + " std_ratio", raw.get("std_ratio").asDouble(), d(s, "std_ratio"), 1e-9);
    JsonNode stored = fx.get("stored");
    if (stored != null) {
      for (String f : List.of("ks", "psi", "js_distance")) {
        assertEquals(name + " stored " + f, stored.get(f).asDouble(), d(s, f), 1e-9);
      }
      assertEquals(name + " ks ~ raw", raw.get("ks").asDouble(), d(s, "ks"), 0.01);
      assertEquals(
          name + " js ~ raw", raw.get("js_distance").asDouble(), d(s, "js_distance"), 0.01);
      double psi = raw.get("psi").asDouble();
      assertEquals(name + " psi ~ raw", psi, d(s, "psi"), 0.01 + 0.1 * psi);
    } else {
      // every value is stored: the distribution is exact
      for (String f : List.of("ks", "psi", "js_distance")) {
        assertEquals(name + " exact " + f, raw.get(f).asDouble(), d(s, f), 1e-9);
      }
    }
    assertEquals(name + " level", expectedLevel, s.get("level"));
  }

  @Test
  public void samePopulationIsQuiet() {
    numeric("same_population", "ok");
  }

  @Test
  public void halfStdShiftIsOnlyAWarning() {
    numeric("shift_half_std", "warn");
  }

  @Test
  public void threeStdShiftDrifts() {
    numeric("shift_three_std", "alert");
  }

  @Test
  public void widerSpreadDrifts() {
    numeric("wider", "alert");
  }

  @Test
  public void skewedUnequalSizes() {
    numeric("skewed", "warn");
  }

  @Test
  public void noOverlapDrifts() {
    numeric("outside_range", "alert");
  }

  @Test
  public void poissonShiftIsExact() {
    numeric("poisson_shift", "warn");
  }

  @Test
  public void poissonSameIsExactAndQuiet() {
    numeric("poisson_same", "ok");
  }

  private static void categorical(String name, String expectedLevel) {
    JsonNode raw = fixture(name).get("raw");
    Map<String, Object> s = scores(name);
    assertEquals(name, "categorical", s.get("method"));
    assertEquals(name + " psi", raw.get("psi").asDouble(), d(s, "psi"), 1e-9);
    assertEquals(name + " js", raw.get("js_distance").asDouble(), d(s, "js_distance"), 1e-9);
    Map<String, Object> chi = Tree.object(s, "chi_squared");
    assertEquals(name + " chi2", raw.get("chi_squared").asDouble(), d(chi, "statistic"), 1e-9);
    assertEquals(name + " dof", raw.get("dof").asInt(), ((Number) chi.get("dof")).intValue());
    assertEquals(name + " p", raw.get("pvalue").asDouble(), d(chi, "pvalue"), 1e-9);
    assertEquals(name + " V", raw.get("cramers_v").asDouble(), d(s, "cramers_v"), 1e-9);
    assertEquals(name + " level", expectedLevel, s.get("level"));
  }

  @Test
  public void statusSameIsQuiet() {
    categorical("status_same", "ok");
  }

  @Test
  public void statusShiftDrifts() {
    categorical("status_shift", "alert");
  }

  @Test
  public void identicalProfilesScoreZero() {
    for (String name : List.of("same_population", "poisson_shift", "status_shift")) {
      JsonNode fx = fixture(name);
      Profile p = side(fx, "current");
      Drift.Result r = Drift.compare(p, p, T, Map.of("mode", "test"));
      Map<String, Object> s = Tree.object(Tree.object(r.section(), "columns"), "v");
      assertEquals(name, 0.0, d(s, "psi"), 0);
      assertEquals(name, 0.0, d(s, "js_distance"), 1e-12);
      if (s.containsKey("ks")) {
        assertEquals(name, 0.0, d(s, "ks"), 0);
        assertEquals(name, 0.0, d(s, "mean_shift"), 0);
        assertEquals(name, 1.0, d(s, "std_ratio"), 0);
      } else {
        assertEquals(name, 0.0, d(Tree.object(s, "chi_squared"), "statistic"), 0);
      }
      assertEquals("ok", s.get("level"));
      assertFalse(r.anyDrift());
      assertTrue(r.alerts().isEmpty());
    }
  }

  @Test
  public void driftRaisesOneAlertPerColumnWithItsScores() {
    JsonNode fx = fixture("shift_three_std");
    Drift.Result r =
        Drift.compare(side(fx, "reference"), side(fx, "current"), T, Map.of("mode", "previous"));
    assertEquals(List.of("v"), r.drifted());
    assertEquals(1, r.alerts().size());
    Map<String, Object> a = r.alerts().get(0);
    assertEquals("DRIFT", a.get("type"));
    assertEquals("v", a.get("column"));
    assertEquals("previous", a.get("baseline"));
    assertEquals(0.25, d(a, "threshold"), 0);
    assertTrue(d(a, "value") > 0.25);
    // the key and the event-time column are not tested for drift
    Map<String, Object> skipped = Tree.object(r.section(), "skipped");
    assertTrue(skipped.containsKey("ts"));
    assertTrue(skipped.containsKey("device"));
  }
}
