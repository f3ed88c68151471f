package io.streamprofiler.spec;

import io.streamprofiler.pipeline.ProfilerOptions;
import io.streamprofiler.record.Schema;
import io.streamprofiler.source.InputHeaders;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --pipeline=FILE} on the command line: the spec's options merged with the command line's,
 * by option name, before Beam parses them (Beam refuses a flag given twice), the command line
 * winning. The spec is checked first, then its columns against the stream's header, so a wrong spec
 * fails before any pipeline exists.
 */
public final class PipelineSpecs {
  private PipelineSpecs() {}

  /**
   * The arguments to run, and the spec they came from (if any) to say where a wrong option was
   * written.
   */
  public static final class Resolved {
    private final String[] args;
    private final PipelineSpec spec;
    private final Set<String> commandLine;

    Resolved(String[] args, PipelineSpec spec, Set<String> commandLine) {
      this.args = args;
      this.spec = spec;
      this.commandLine = commandLine;
    }

    public String[] args() {
      return args.clone();
    }

    /** The spec, or null when none was given. */
    public PipelineSpec spec() {
      return spec;
    }

    /**
     * An option check's message ({@code --windowSize=...: why}) said of the spec's file, line and
     * field when the option came from the spec; otherwise the message unchanged.
     */
    public String explain(String message) {
      String located = spec == null ? null : spec.locate(message, commandLine);
      return located == null ? message : located;
    }

    /** True when {@link #explain} places the message in the spec. */
    public boolean inSpec(String message) {
      return spec != null && spec.locate(message, commandLine) != null;
    }
  }

  /**
   * @throws SpecException when the spec cannot be read, is wrong, or names a column the stream does
   *     not have; the message names the file, the line and the field
   */
  public static Resolved resolve(String[] args) {
    String file = null;
    Set<String> commandLine = new LinkedHashSet<>();
    for (String arg : args) {
      String name = optionName(arg);
      if (name == null) {
        continue;
      }
      commandLine.add(name);
      if (name.equals("pipeline")) {
        file = arg.indexOf('=') < 0 ? "" : arg.substring(arg.indexOf('=') + 1);
      }
    }
    if (file == null) {
      return new Resolved(args, null, commandLine);
    }
    if (file.isBlank()) {
      throw new SpecException(
          "--pipeline: name a spec file, e.g. --pipeline=pipelines/iot-telemetry.yaml");
    }
    PipelineSpec spec = PipelineSpec.load(file);
    List<String> merged = new ArrayList<>();
    for (PipelineSpec.Setting s : spec.settings().values()) {
      if (!isOption(s.option())) {
        throw new SpecException(
            file
                + ":"
                + s.line()
                + ": "
                + s.field()
                + ": this build has no --"
                + s.option()
                + " option ("
                + (s.field().startsWith("source.kafka") || s.option().equals("alertsTopic")
                    ? "no Kafka support"
                    : "too old")
                + ")");
      }
      if (!commandLine.contains(s.option())) {
        merged.add("--" + s.option() + "=" + s.value());
      }
    }
    merged.addAll(List.of(args));
    checkColumns(spec, merged, commandLine);
    return new Resolved(merged.toArray(new String[0]), spec, commandLine);
  }

  /**
   * The header the spec's columns are looked up in: the Kafka header when the source is Kafka, else
   * every column the input files' headers name. An input that cannot be read is left to the option
   * checks, which say so.
   */
  private static void checkColumns(
      PipelineSpec spec, List<String> merged, Set<String> commandLine) {
    String source = value(merged, "source", "replay");
    List<String> header;
    String where;
    if (source.equals("kafka")) {
      String csvHeader = value(merged, "csvHeader", "");
      if (csvHeader.isEmpty()) {
        return;
      }
      header = Schema.splitList(csvHeader);
      where = "the Kafka header";
    } else {
      String input = value(merged, "input", "data/iot_telemetry_data_1000.csv");
      try {
        header = InputHeaders.read(input).named();
      } catch (IllegalArgumentException e) {
        return;
      }
      where = "the header of " + input;
    }
    spec.checkColumns(header, where, commandLine);
  }

  /** The value of the last {@code --name=value} in {@code args}, else the default. */
  private static String value(List<String> args, String name, String dflt) {
    String v = dflt;
    for (String arg : args) {
      if (name.equals(optionName(arg))) {
        v = arg.indexOf('=') < 0 ? "true" : arg.substring(arg.indexOf('=') + 1);
      }
    }
    return v;
  }

  private static String optionName(String arg) {
    if (!arg.startsWith("--") || arg.length() == 2) {
      return null;
    }
    int eq = arg.indexOf('=');
    return eq < 0 ? arg.substring(2) : arg.substring(2, eq);
  }

  private static boolean isOption(String option) {
    String getter = "get" + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
    for (Method m : ProfilerOptions.class.getMethods()) {
      if (m.getName().equals(getter) && m.getParameterCount() == 0) {
        return true;
      }
    }
    return false;
  }
}
