package io.streamprofiler.runners;

import static io.streamprofiler.runners.RunnerTestSupport.JAR;
import static io.streamprofiler.runners.RunnerTestSupport.SAMPLE;
import static io.streamprofiler.runners.RunnerTestSupport.concat;
import static io.streamprofiler.runners.RunnerTestSupport.measured;
import static io.streamprofiler.runners.RunnerTestSupport.readJson;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.services.dataflow.model.DataflowPackage;
import com.google.api.services.dataflow.model.ParameterMetadata;
import io.streamprofiler.pipeline.PipelineConfig;
import io.streamprofiler.pipeline.ProfilePipeline;
import io.streamprofiler.pipeline.ProfilerOptions;
import io.streamprofiler.testing.Deadline;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.dataflow.util.DataflowTemplateJob;
import org.apache.beam.runners.dataflow.util.PackageUtil;
import org.apache.beam.runners.dataflow.util.Stager;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * The Dataflow path, as far as it goes without a Google Cloud account (runs only with {@code
 * -Pdataflow}): the options runners/dataflow/submit.sh passes validate, and DataflowRunner
 * translates the whole pipeline — batch and streaming — into a Dataflow job, written as a classic
 * template file instead of being submitted. No network: credentials are a no-op, gs:// paths are
 * not checked, and the stager records what it would upload instead of uploading it.
 *
 * <p>Not checked here (needs an account): that the project, region, bucket and service account
 * exist and may be used, the upload of the jar, the Dataflow service's own validation of the job,
 * reading a gs:// input's header at construction time, and the job running on workers.
 */
public class DataflowRunnerTranslationIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  /** The options users must set (runners/dataflow/submit.sh), with made-up values. */
  private static final String[] REQUIRED = {
    "--runner=DataflowRunner",
    "--project=stream-profiler-offline",
    "--region=europe-west1",
    "--gcpTempLocation=gs://stream-profiler-offline/tmp",
    "--serviceAccount=profiler@stream-profiler-offline.iam.gserviceaccount.com",
    "--workerMachineType=n2-standard-2",
    "--maxNumWorkers=3"
  };

  @Test
  public void batchPipelineTranslatesToADataflowJob() throws Exception {
    JsonNode job = translate(false);
    assertThat(job.get("type").asText(), is("JOB_TYPE_BATCH"));
  }

  @Test
  public void streamingPipelineTranslatesToADataflowJob() throws Exception {
    JsonNode job = translate(true);
    assertThat(job.get("type").asText(), is("JOB_TYPE_STREAMING"));
  }

  @Test
  public void optionsValidateAndMissingOnesAreNamed() {
    DataflowPipelineOptions options = options(concat(REQUIRED, SAMPLE));
    assertThat(options.getRegion(), is("europe-west1"));
    assertThat(options.getMaxNumWorkers(), is(3));
    assertThat(options.getWorkerMachineType(), is("n2-standard-2"));
    assertThat(options.as(ProfilerOptions.class).getWindowSize(), is("1h"));
    // A typo in a Dataflow option is an error before anything is built.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> options(concat(REQUIRED, new String[] {"--maxNumWorker=3"})));
    assertThat(e.getMessage(), containsString("maxNumWorker"));
    // (What happens without --gcpTempLocation is not tested: the runner then asks Cloud Resource
    // Manager for the project's number to create a default bucket, which needs the network.
    // submit.sh
    // refuses to start without it; DataflowSubmitScriptTest checks that.)
  }

  /**
   * Every field the Flex Template metadata uses is a field of Dataflow's own ParameterMetadata
   * model.
   */
  @Test
  public void flexTemplateMetadataUsesDataflowsParameterFields() throws IOException {
    Set<String> known = new TreeSet<>();
    for (Field f : ParameterMetadata.class.getDeclaredFields()) {
      known.add(f.getName());
    }
    JsonNode metadata =
        readJson(RunnerTestSupport.PROJECT.resolve("runners/dataflow/metadata.json"));
    assertThat(metadata.get("name"), notNullValue());
    for (JsonNode parameter : metadata.get("parameters")) {
      for (Iterator<String> it = parameter.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        assertThat(parameter.get("name") + " uses an unknown field", known, hasItem(field));
      }
    }
  }

  private JsonNode translate(boolean streaming) throws Exception {
    Path template = TMP.newFile((streaming ? "streaming" : "batch") + "-job.json").toPath();
    String[] args =
        concat(
            REQUIRED,
            SAMPLE,
            new String[] {
              "--output=gs://stream-profiler-offline/reports",
              "--streaming=" + streaming,
              // a batch job reads the files as a bounded input; a streaming one replays them
              "--source=" + (streaming ? "replay" : "file"),
              "--jobName=stream-profiler-offline-" + (streaming ? "streaming" : "batch"),
              "--templateLocation=" + template,
            },
            Files.exists(JAR) ? new String[] {"--filesToStage=" + JAR} : new String[0]);
    DataflowPipelineOptions options = options(args);
    RecordingStager stager = new RecordingStager();
    options.setStager(stager);

    long start = System.nanoTime();
    Pipeline pipeline = Pipeline.create(options);
    ProfilePipeline.applyTransforms(
        pipeline, PipelineConfig.from(options.as(ProfilerOptions.class)));
    PipelineResult result = pipeline.run();
    measured(
        "Dataflow translation, streaming=" + streaming, (System.nanoTime() - start) / 1_000_000);
    assertThat(result, instanceOf(DataflowTemplateJob.class));

    // The job, as it would be sent to the Dataflow service.
    JsonNode job = readJson(template);
    assertThat(job.get("name").asText(), is(options.getJobName()));
    JsonNode environment = job.get("environment");
    JsonNode sdkOptions = environment.get("sdkPipelineOptions").get("options");
    assertThat(sdkOptions.get("project").asText(), is("stream-profiler-offline"));
    assertThat(sdkOptions.get("region").asText(), is("europe-west1"));
    assertThat(sdkOptions.get("windowSize").asText(), is("1h")); // our options travel with the job
    assertThat(job.get("steps").size(), greaterThan(10));
    assertThat(
        environment.get("serviceAccountEmail").asText(),
        is("profiler@stream-profiler-offline.iam.gserviceaccount.com"));
    assertThat(
        environment.get("workerPools").get(0).get("machineType").asText(), is("n2-standard-2"));
    assertThat(
        environment
            .get("workerPools")
            .get(0)
            .get("autoscalingSettings")
            .get("maxNumWorkers")
            .asInt(),
        is(3));
    assertThat(
        environment.get("tempStoragePrefix").asText(),
        containsString("stream-profiler-offline/tmp"));

    // The pipeline, as it would be staged: every step of ours is in it.
    byte[] proto = stager.files.get("pipeline.pb");
    assertThat("the pipeline proto was staged", proto, notNullValue());
    RunnerApi.Pipeline portable = RunnerApi.Pipeline.parseFrom(proto);
    List<String> names = new ArrayList<>();
    portable.getComponents().getTransformsMap().values().forEach(t -> names.add(t.getUniqueName()));
    List<String> steps =
        new ArrayList<>(
            List.of(
                "ParseRecords",
                "WriteRejectedAndLate",
                "KeyByDevice",
                "CountReportedRows",
                "ProfileWindows/ProfileEachPane",
                "DriftAgainstBaseline",
                "RenderReports/RenderAndWriteEach",
                "WriteIndex"));
    steps.addAll(
        streaming
            ? List.of("ReplayCsv", "ProfileWindows/CombineRowsOfEachKeyWindow")
            : List.of("ReadCsv", "ProfileWindows/GroupByKeyAndWindow"));
    for (String step : steps) {
      assertThat(step, names, hasItem(step));
    }
    // The fat jar is what would be uploaded for the workers.
    if (Files.exists(JAR)) {
      assertThat(stager.staged.toString(), stager.staged, hasItem(JAR.toString()));
    }
    return job;
  }

  private static DataflowPipelineOptions options(String[] args) {
    PipelineOptionsFactory.register(ProfilerOptions.class);
    DataflowPipelineOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(DataflowPipelineOptions.class);
    options.setPathValidatorClass(NoopPathValidator.class);
    options.setCredentialFactoryClass(NoopCredentialFactory.class);
    return options;
  }

  /**
   * Records the files the runner would upload, and the bytes it would write, without any network.
   */
  static final class RecordingStager implements Stager {
    final List<String> staged = new ArrayList<>();
    final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public List<DataflowPackage> stageFiles(List<PackageUtil.StagedFile> filesToStage) {
      List<DataflowPackage> packages = new ArrayList<>();
      for (PackageUtil.StagedFile f : filesToStage) {
        staged.add(f.getSource());
        packages.add(
            new DataflowPackage()
                .setName(f.getDestination())
                .setLocation("gs://stream-profiler-offline/staging/" + f.getDestination()));
      }
      return packages;
    }

    @Override
    public DataflowPackage stageToFile(byte[] bytes, String baseName) {
      files.put(baseName, bytes);
      return new DataflowPackage()
          .setName(baseName)
          .setLocation("gs://stream-profiler-offline/staging/" + baseName);
    }
  }
}
