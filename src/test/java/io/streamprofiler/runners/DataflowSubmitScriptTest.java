package io.streamprofiler.runners;

import static io.streamprofiler.runners.RunnerTestSupport.script;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.streamprofiler.runners.RunnerTestSupport.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * runners/dataflow/submit.sh refuses to start, naming every missing option, before any Java runs.
 */
public class DataflowSubmitScriptTest {
  private static final Map<String, String> NO_DATAFLOW_ENV = new HashMap<>();

  static {
    for (String v :
        new String[] {
          "DATAFLOW_PROJECT",
          "DATAFLOW_REGION",
          "DATAFLOW_TEMP_LOCATION",
          "DATAFLOW_SERVICE_ACCOUNT",
          "DATAFLOW_MACHINE_TYPE",
          "DATAFLOW_MAX_WORKERS"
        }) {
      NO_DATAFLOW_ENV.put(v, "");
    }
    NO_DATAFLOW_ENV.put("DATAFLOW_JAR", "/nonexistent/stream-profiler.jar");
  }

  @Test
  public void withNothingSetEveryRequiredOptionIsNamed() {
    Result r = script(NO_DATAFLOW_ENV, 30, "runners/dataflow/submit.sh");
    assertThat(r.output(), r.status(), is(2));
    assertThat(
        r.output(),
        allOf(
            containsString("--project (or DATAFLOW_PROJECT)"),
            containsString("--region (or DATAFLOW_REGION)"),
            containsString("--gcpTempLocation (or DATAFLOW_TEMP_LOCATION)"),
            containsString("--serviceAccount (or DATAFLOW_SERVICE_ACCOUNT)"),
            containsString("--workerMachineType (or DATAFLOW_MACHINE_TYPE)"),
            containsString("--maxNumWorkers (or DATAFLOW_MAX_WORKERS)"),
            containsString("--input (a gs:// path)"),
            containsString("--output (a gs:// path)")));
  }

  @Test
  public void localPathsAndBadValuesAreRefused() {
    Result r =
        script(
            NO_DATAFLOW_ENV,
            30,
            "runners/dataflow/submit.sh",
            "--project=p",
            "--region=europe-west1",
            "--gcpTempLocation=/tmp/x",
            "--serviceAccount=a@p.iam.gserviceaccount.com",
            "--workerMachineType=n2-standard-2",
            "--maxNumWorkers=many",
            "--input=data/iot_telemetry_data_1000.csv",
            "--output=gs://b/reports");
    assertThat(r.output(), r.status(), is(2));
    assertThat(r.output(), containsString("--gcpTempLocation=/tmp/x (must be gs://BUCKET/...)"));
    assertThat(r.output(), containsString("--maxNumWorkers=many (a whole number, 1 or more)"));
    assertThat(
        r.output(), containsString("--input=data/iot_telemetry_data_1000.csv (must be gs://"));
    assertThat(r.output(), not(containsString("--project")));
  }

  @Test
  public void environmentVariablesStandInForOptionsAndAJarWithoutTheRunnerIsRefused() {
    Map<String, String> env = new HashMap<>(NO_DATAFLOW_ENV);
    env.put("DATAFLOW_PROJECT", "p");
    env.put("DATAFLOW_REGION", "europe-west1");
    env.put("DATAFLOW_TEMP_LOCATION", "gs://b/tmp");
    env.put("DATAFLOW_SERVICE_ACCOUNT", "a@p.iam.gserviceaccount.com");
    env.put("DATAFLOW_MACHINE_TYPE", "n2-standard-2");
    env.put("DATAFLOW_MAX_WORKERS", "3");
    Result r =
        script(
            env,
            30,
            "runners/dataflow/submit.sh",
            "--input=gs://b/in/*.csv",
            "--output=gs://b/reports");
    assertThat(r.output(), r.status(), is(2));
    assertThat(
        r.output(),
        containsString(
            "/nonexistent/stream-profiler.jar is missing; build it with: mvn -B -Pdataflow package -DskipTests"));
  }
}
