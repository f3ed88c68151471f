package io.streamprofiler.cli;

import io.streamprofiler.pipeline.PipelineConfig;
import io.streamprofiler.pipeline.ProfilePipeline;
import io.streamprofiler.pipeline.ProfilerOptions;
import io.streamprofiler.source.CsvHeader;
import io.streamprofiler.source.HeaderChange;
import io.streamprofiler.source.KafkaUnavailableException;
import io.streamprofiler.spec.PipelineSpecs;
import java.io.PrintStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code java -jar stream-profiler.jar [--option=value ...]}: profiles a stream and, for a bounded
 * input, waits for the end and writes {@code run-summary.json}. Exit status 0 when the run
 * finished, 1 when the pipeline failed, 2 for a wrong option or unreadable input (one line, no
 * stack trace).
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** A bounded run ended with rows that are in no report, not rejected and not counted late. */
  public static final int UNACCOUNTED = 3;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The whole command without exiting, so tests can call it. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("compare")) {
      return CompareCommand.run(args, out, err);
    }
    if (args.length > 0 && args[0].equals("generate")) {
      return GenerateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    Logging.configure(args);
    ProfilerOptions options;
    PipelineConfig config;
    PipelineSpecs.Resolved spec;
    try {
      spec =
          PipelineSpecs.resolve(
              args); // --pipeline=FILE: the spec's options, the command line's winning
    } catch (IllegalArgumentException e) {
      err.println("error: " + firstLine(e.getMessage()));
      return USAGE;
    }
    args = spec.args();
    try {
      PipelineOptionsFactory.register(ProfilerOptions.class);
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(ProfilerOptions.class);
      config = PipelineConfig.from(options);
      fastDirectRunner(options, args);
      flinkDefaults(options, args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + firstLine(spec.explain(e.getMessage())));
      if (!spec.inSpec(e.getMessage()) && !aboutTheInput(e.getMessage())) {
        err.println("Run with --help=" + ProfilerOptions.class.getName() + " to list the options.");
      }
      return USAGE;
    }
    for (HeaderChange change : config.headerChanges()) {
      err.println("warning: " + change.warning());
    }
    PipelineResult result;
    try (ProgressLine progress =
        config.quiet()
            ? null
            : new ProgressLine(
                err, inputBytes(config), config.follow(), System.console() != null)) {
      result = ProfilePipeline.run(options, config);
      if (!options.getWaitUntilFinish()) {
        out.println("submitted; not waiting (--waitUntilFinish=false): " + result.getState());
        return OK;
      }
      result.waitUntilFinish();
    } catch (RuntimeException e) {
      err.println("error: the pipeline failed: " + failure(rootCause(e)));
      return FAILED;
    }
    RunSummary summary = RunSummary.of(result, config.headerChanges());
    summary.write(config.output());
    removeEmptyTempFolder(config.output());
    out.println(summary.line());
    if (!summary.balanced()) {
      err.println("error: " + summary.imbalance());
      return UNACCOUNTED;
    }
    return OK;
  }

  /**
   * An input that is missing, empty or has a bad header: the data is wrong, not the option names.
   */
  private static boolean aboutTheInput(String message) {
    return message != null && (message.startsWith("--input=") || message.startsWith("the header"));
  }

  /**
   * The DirectRunner re-encodes and re-checks every element by default, which costs a third of a
   * run; the launcher turns those checks off unless asked for. Tests of transforms keep them on.
   */
  private static void fastDirectRunner(ProfilerOptions options, String[] args) {
    if (!options.getRunner().getSimpleName().equals("DirectRunner")) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (!given(args, "--enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given(args, "--enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  /** Whether the command line (or the pipeline spec) sets {@code option} itself. */
  private static boolean given(String[] args, String option) {
    return java.util.Arrays.stream(args).anyMatch(a -> a.startsWith(option));
  }

  /**
   * Elements per bundle on Flink's streaming operators, unless {@code --maxBundleSize} says
   * otherwise. Beam's Flink operators pass the watermark on only between bundles, and a replay
   * element is a chunk of up to 1,000 lines: with Flink's default of 1,000 elements one bundle of
   * the parsing step held a million rows, and the window step saw the watermark up to 237 event
   * hours behind the rows it had taken in, every one of them held in state (a 10 M-row replay's
   * live heap swung between 100 and 311 MiB). Ten chunks keep the watermark within a few thousand
   * rows of the data. Batch runs do not bundle this way and are unaffected.
   */
  static final long FLINK_STREAM_BUNDLE = 10;

  /**
   * Flink's defaults for this pipeline, each unless the command line sets it: small streaming
   * bundles (above), and object reuse between chained steps. Without it Flink hands an element from
   * one chained step to the next as a deep copy, through the element's coder: on a replay, every
   * chunk of lines was encoded and decoded twice before it was parsed (half of the source thread's
   * samples). No step of this pipeline changes its input or an element it has output (the
   * DirectRunner's immutability checks, on in the tests of every transform, would fail if one did),
   * which is what reuse asks of a pipeline.
   */
  static void flinkDefaults(ProfilerOptions options, String[] args) {
    if (!options.getRunner().getSimpleName().equals("FlinkRunner")) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (!given(args, "--maxBundleSize")) {
      flink.setMaxBundleSize(FLINK_STREAM_BUNDLE);
    }
    if (!given(args, "--objectReuse")) {
      flink.setObjectReuse(true);
    }
  }

  /** FileIO leaves its emptied temporary folder behind; a finished run does not need it. */
  private static void removeEmptyTempFolder(String output) {
    java.io.File temp = new java.io.File(output, ".temp-beam");
    String[] left = temp.list();
    if (left != null && left.length == 0) {
      temp.delete();
    }
  }

  private static long inputBytes(PipelineConfig config) {
    try {
      return CsvHeader.match(config.input()).stream().mapToLong(m -> m.sizeBytes()).sum();
    } catch (IllegalArgumentException e) {
      return 0; // not files (a Kafka topic): no share or ETA
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The cause in one line, and what to do when there is something to do. */
  static String failure(Throwable cause) {
    if (cause instanceof KafkaUnavailableException) {
      return firstLine(cause.getMessage()); // says what and where already
    }
    String line = firstLine(cause.toString());
    if (cause instanceof OutOfMemoryError) {
      return line
          + "; the heap is too small for what a step holds: a key-window's rows, up to"
          + " --exactMaxRows (lower it), or on DirectRunner a bounded read's whole input (use the"
          + " default --source=replay or --runner=FlinkRunner); or give a larger heap (-Xmx)";
    }
    return line;
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
