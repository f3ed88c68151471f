package io.streamprofiler.cli;

import io.streamprofiler.compare.CompareReport;
import io.streamprofiler.compare.Drift;
import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.render.JsonReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stream-profiler compare --left=A.json --right=B.json --output=C.html [--driftPsi=0.25
 * ...]}: compares two stored profiles (left the reference) and writes {@code C.html} and {@code
 * C.json}. Exit 0 when written, 2 with one line for a wrong argument or an unreadable profile.
 */
public final class CompareCommand {
  private CompareCommand() {}

  static final String USAGE =
      "usage: compare --left=A.json --right=B.json --output=C.html [--driftPsiWarn=0.1] [--driftPsi=0.25] "
          + "[--driftMeanShift=2] [--driftStdRatio=2] [--driftCramersV=0.3]";

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        return usage(err, "unexpected argument '" + a + "'");
      }
      options.put(a.substring(2, eq), a.substring(eq + 1));
    }
    String left = options.remove("left");
    String right = options.remove("right");
    String output = options.remove("output");
    if (left == null
        || right == null
        || output == null
        || left.isEmpty()
        || right.isEmpty()
        || output.isEmpty()) {
      return usage(err, "--left, --right and --output are required");
    }
    DriftThresholds t;
    try {
      DriftThresholds d = DriftThresholds.defaults();
      t =
          new DriftThresholds(
              number(options, "driftPsiWarn", d.psiWarn()),
              number(options, "driftPsi", d.psi()),
              number(options, "driftMeanShift", d.meanShift()),
              number(options, "driftStdRatio", d.stdRatio()),
              number(options, "driftCramersV", d.cramersV()));
    } catch (IllegalArgumentException e) {
      return usage(err, Main.firstLine(e.getMessage()));
    }
    if (!options.isEmpty()) {
      return usage(err, "unknown option --" + options.keySet().iterator().next());
    }
    Profile a;
    Profile b;
    try {
      a = read("left", left);
      b = read("right", right);
    } catch (IllegalArgumentException e) {
      err.println("error: " + Main.firstLine(e.getMessage()));
      return Main.USAGE;
    }
    Drift.Result drift = CompareReport.drift(a, b, t);
    Path html = Path.of(output);
    Path json =
        Path.of(
            output.endsWith(".html")
                ? output.substring(0, output.length() - 5) + ".json"
                : output + ".json");
    try {
      if (html.toAbsolutePath().getParent() != null) {
        Files.createDirectories(html.toAbsolutePath().getParent());
      }
      write(html, CompareReport.html(a, b, drift));
      write(json, CompareReport.json(a, b, drift));
    } catch (IOException | RuntimeException e) {
      err.println(
          "error: cannot write " + output + ": " + Main.firstLine(String.valueOf(e.getMessage())));
      return Main.USAGE;
    }
    out.println(
        "compared "
            + a.context().key()
            + " with "
            + b.context().key()
            + ": "
            + (drift.anyDrift() ? "DRIFT in " + String.join(", ", drift.drifted()) : "no drift")
            + "; wrote "
            + html
            + " and "
            + json);
    return Main.OK;
  }

  private static double number(Map<String, String> options, String name, double fallback) {
    String v = options.remove(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + "=" + v + ": not a number");
    }
  }

  private static Profile read(String side, String file) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--" + side + "=" + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return JsonReport.read(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--" + side + "=" + file + ": " + Main.firstLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Writes to a temporary file beside the target, then renames: a reader never sees half a page.
   */
  private static void write(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int usage(PrintStream err, String message) {
    err.println("error: " + message + " (" + USAGE + ")");
    return Main.USAGE;
  }
}
