package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The pipeline's shape where Flink's batch runner makes it cost: a step whose output has two
 * readers, or a step with a second output (the runner gives even an unread one a reader), is
 * chained to none of them, and every element goes through its coder once per reader. So profiles
 * travel in a line from the profiling step to rendering, with or without the metrics table and
 * roll-ups, and each step that makes rows or profiles has only the outputs it needs.
 */
public class PipelineShapeTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void profilesTravelInALineAndOnlyTheOutputsThatAreReadAreDeclared() throws Exception {
    Shape plain = shape();
    assertThat(plain.outputs("ProfileWindows/ProfileEachPane"), is(1));
    assertThat(plain.outputs("ParseRecords/ParseAndStamp"), is(2)); // rows, rejected and late
    assertThat(plain.profilesWithManyReaders, is(0));

    Shape table = shape("--metricsTable=" + tmp.newFolder("table"));
    assertThat(table.outputs("ProfileWindows/ProfileEachPane"), is(1));
    assertThat(table.profilesWithManyReaders, is(0));

    Shape merged = shape("--metricsTable=" + tmp.newFolder("merged"), "--rollups=1d", "--fleet");
    assertThat(merged.outputs("ProfileWindows/ProfileEachPane"), is(2)); // profiles, states
    assertThat(merged.profilesWithManyReaders, is(0));
  }

  /** Per step, its outputs; and how many collections of profiles have more than one reader. */
  private record Shape(Map<String, Integer> outputsByStep, int profilesWithManyReaders) {
    int outputs(String step) {
      Integer n = outputsByStep.get(step);
      if (n == null) {
        throw new AssertionError("no step " + step + " in " + outputsByStep.keySet());
      }
      return n;
    }
  }

  private Shape shape(String... extra) throws Exception {
    String[] args = {
      "--input=data/iot_telemetry_data_1000.csv", "--source=file", "--output=" + tmp.newFolder()
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    ProfilerOptions options =
        PipelineOptionsFactory.fromArgs(all).withValidation().as(ProfilerOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    ProfilePipeline.applyTransforms(pipeline, PipelineConfig.from(options));
    Map<String, Integer> outputs = new HashMap<>();
    Map<PValue, Integer> readers = new HashMap<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            outputs.put(node.getFullName(), node.getOutputs().size());
            for (Map.Entry<TupleTag<?>, PCollection<?>> in : node.getInputs().entrySet()) {
              readers.merge(in.getValue(), 1, Integer::sum);
            }
          }
        });
    int many = 0;
    for (Map.Entry<PValue, Integer> r : readers.entrySet()) {
      if (r.getKey() instanceof PCollection<?> c && isProfiles(c.getCoder()) && r.getValue() > 1) {
        many++;
      }
    }
    return new Shape(outputs, many);
  }

  private static boolean isProfiles(Coder<?> coder) {
    return coder instanceof ProfileCoder || coder instanceof DriftedCoder;
  }
}
