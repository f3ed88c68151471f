package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.compare.CompareReport;
import io.streamprofiler.compare.Drift;
import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.profile.Profile;
import org.junit.Test;

/** The JSON reports are ASCII too: other characters as \\u escapes, read back as they were. */
public class AsciiJsonTest {
  @Test
  public void profileReportIsAsciiAndReadsBackTheSame() throws Exception {
    Profile p = AsciiPagesTest.unicode("profile-b8.json");
    String json = JsonReport.write(p);
    PageText.assertAscii("JSON report", json);
    assertThat(json, containsString("\"Ger\\u00E4t-\\u00B5 \\uD83D\\uDE00\""));
    Profile back = JsonReport.read(json);
    assertThat(back.context().key(), is(AsciiPagesTest.KEY));
    assertThat(back.tree(), is(p.tree()));
    assertThat(
        back.variables().containsKey(AsciiPagesTest.UMLAUT_COLUMN)
            && back.variables().containsKey(AsciiPagesTest.EMOJI_COLUMN),
        is(true));
  }

  @Test
  public void comparisonReportIsAsciiAndReadsBackTheSame() throws Exception {
    Profile left = AsciiPagesTest.unicode("profile-00.json");
    Profile right = AsciiPagesTest.unicode("profile-b8.json");
    Drift.Result drift = CompareReport.drift(left, right, DriftThresholds.defaults());
    String json = CompareReport.json(left, right, drift);
    PageText.assertAscii("JSON comparison", json);
    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.at("/left/key").asText(), is(AsciiPagesTest.KEY));
    assertThat(
        tree.get("statistics").has(AsciiPagesTest.DEGREE_COLUMN)
            && tree.get("statistics").has(AsciiPagesTest.EMOJI_COLUMN),
        is(true));
  }
}
