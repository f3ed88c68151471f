package io.streamprofiler.cli;

import io.streamprofiler.source.TelemetryGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code generate --rows=N --devices=D --output=FILE [...]}: writes seeded synthetic telemetry for
 * tests and benchmarks. Every option has a default; see {@link #USAGE}.
 */
final class GenerateCommand {
  static final String USAGE =
      "usage: generate --output=FILE [--rows=405184] [--devices=3] [--period=5.1] [--start=1594512000] [--seed=1]"
          + " [--missing=0] [--displaced=0] [--maxDisplacement=300] [--malformed=0] [--step=DEVICE@HOUR:DELTA,...]";
  private static final Set<String> OPTIONS =
      Set.of(
          "output",
          "rows",
          "devices",
          "period",
          "start",
          "seed",
          "missing",
          "displaced",
          "maxDisplacement",
          "malformed",
          "step");

  private GenerateCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> o = new HashMap<>();
    try {
      for (String arg : args) {
        int eq = arg.indexOf('=');
        if (!arg.startsWith("--") || eq < 0 || !OPTIONS.contains(arg.substring(2, eq))) {
          throw new IllegalArgumentException("unknown argument " + arg);
        }
        o.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
      if (!o.containsKey("output")) {
        throw new IllegalArgumentException("--output is required");
      }
      TelemetryGenerator.Settings settings =
          new TelemetryGenerator.Settings(
              number(o, "rows", 405_184L).longValue(),
              number(o, "devices", 3).intValue(),
              number(o, "period", 5.1).doubleValue(),
              number(o, "start", TelemetryGenerator.DEFAULT_START).longValue(),
              number(o, "seed", 1).longValue(),
              share(o, "missing"),
              share(o, "displaced"),
              number(o, "maxDisplacement", 300).doubleValue(),
              share(o, "malformed"),
              steps(o.getOrDefault("step", "")));
      if (settings.devices() < 1 || settings.rows() < 0 || settings.periodSeconds() <= 0) {
        throw new IllegalArgumentException(
            "--rows must be 0 or more, --devices 1 or more, --period above 0");
      }
      Path file = Path.of(o.get("output"));
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
              1 << 16)) {
        new TelemetryGenerator(settings).write(w);
      }
      out.println(
          "generated "
              + settings.rows()
              + " rows of "
              + settings.devices()
              + " devices into "
              + file);
      return Main.OK;
    } catch (IllegalArgumentException e) {
      err.println("error: generate: " + e.getMessage());
      err.println(USAGE);
      return Main.USAGE;
    } catch (IOException e) {
      err.println("error: generate: cannot write " + o.get("output") + ": " + e.getMessage());
      return Main.FAILED;
    }
  }

  private static Number number(Map<String, String> o, String name, Number fallback) {
    String v = o.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return fallback instanceof Double
          ? (Number) Double.parseDouble(v)
          : (Number) Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + "=" + v + " is not a number");
    }
  }

  private static double share(Map<String, String> o, String name) {
    double v = number(o, name, 0.0).doubleValue();
    if (v < 0 || v > 1) {
      throw new IllegalArgumentException("--" + name + "=" + v + " must be between 0 and 1");
    }
    return v;
  }

  /** {@code 1@48:+5,0@100:-3}: device 1 from hour 48 on reads 5 °C more, and so on. */
  static List<TelemetryGenerator.Step> steps(String text) {
    List<TelemetryGenerator.Step> steps = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        int at = part.indexOf('@');
        int colon = part.indexOf(':');
        steps.add(
            new TelemetryGenerator.Step(
                Integer.parseInt(part.substring(0, at)),
                Integer.parseInt(part.substring(at + 1, colon)),
                Double.parseDouble(part.substring(colon + 1))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "--step=" + part + " is not DEVICE@HOUR:DELTA, e.g. 1@48:+5");
      }
    }
    return steps;
  }
}
