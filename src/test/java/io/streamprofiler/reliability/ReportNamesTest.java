package io.streamprofiler.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.streamprofiler.sink.ReportNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/** Keys become folder names only after sanitising, and two keys never share a folder. */
public class ReportNamesTest {
  private static final String SAFE = "[A-Za-z0-9._-]+";

  private static void assertSafe(String key) {
    String name = ReportNames.safeKey(key);
    assertThat(key, name, matchesPattern(SAFE));
    assertThat(key, name, not(startsWith(".")));
    assertThat(key, name.endsWith("."), is(false));
    assertThat(key, name.length(), lessThanOrEqualTo(97));
    assertThat(key, Path.of(name).getNameCount(), is(1));
    assertThat(key, Path.of("/out").resolve(name).normalize().getParent(), is(Path.of("/out")));
    String lower = name.toLowerCase(Locale.ROOT);
    String base = lower.contains(".") ? lower.substring(0, lower.indexOf('.')) : lower;
    assertThat(key, base, not(matchesPattern("con|prn|aux|nul|com[0-9]|lpt[0-9]|rejected|late")));
    assertThat(key, lower, not(matchesPattern("index\\.html|run-summary\\.json")));
    String report = ReportNames.report(key, 1594512000_000_000L, 3, "html");
    assertThat(report, is(name + "/20200712T000000Z_pane3.html"));
  }

  @Test
  public void hostileKeysBecomeOneSafeBoundedPathComponent() {
    String[] keys = {
      "..",
      ".",
      "...",
      "../../x",
      "..\\..\\x",
      "/etc/passwd",
      "C:\\Windows\\win.ini",
      "%2e%2e",
      "%2e%2e%2fx",
      "a/../../b",
      "",
      " ",
      "CON",
      "con",
      "nul.txt",
      "Com7",
      "LPT1.log",
      "conin$",
      "rejected",
      "late",
      "index.html",
      "run-summary.json",
      ".hidden",
      "trailing.",
      "tab\there",
      "new\nline",
      "nul\u0000byte",
      "\u202eevil",
      "x".repeat(10_000),
      "<script>alert(1)</script>",
      "\uD83D\uDE00",
      "\uFFFD\uFFFD",
      "a".repeat(80) + "/b",
      "Device1",
      "..a",
      "a..b"
    };
    for (String key : keys) {
      assertSafe(key);
    }
    assertThat(
        ReportNames.safeKey("sensor-1.a_b"), is("sensor-1.a_b")); // a plain key keeps its name
    assertThat(ReportNames.safeKey("../../x"), startsWith("__.._x-"));
  }

  @Test
  public void differentKeysNeverShareAFolderEvenIgnoringCase() {
    Random random = new Random(7);
    String alphabet = "aAbB01._-/\\:%. \u00e9\u0000\n";
    Map<String, String> byFolder = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder k = new StringBuilder();
      int len = random.nextInt(i % 10 == 0 ? 120 : 6);
      for (int j = 0; j < len; j++) {
        k.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      keys.add(k.toString());
    }
    // keys that differ only by unsafe characters, or only by case
    for (String base : List.of("dev1", "sensor.a", "x")) {
      for (String sep : List.of(":", "/", "\\", "%", " ", "?", "*", "\u00e9", "_")) {
        keys.add(base + sep + "1");
      }
      keys.add(base.toUpperCase(Locale.ROOT));
      keys.add(base);
    }
    keys.add("a".repeat(80) + "1");
    keys.add("a".repeat(80) + "2");
    int distinct = 0;
    for (String key : keys) {
      String folder =
          ReportNames.safeKey(key)
              .toLowerCase(Locale.ROOT); // as a case-insensitive filesystem sees it
      String previous = byFolder.putIfAbsent(folder, key);
      if (previous == null) {
        distinct++;
      } else {
        assertThat("'" + previous + "' and '" + key + "' share " + folder, previous, is(key));
      }
    }
    assertThat(distinct, is((int) keys.stream().distinct().count()));
  }
}
