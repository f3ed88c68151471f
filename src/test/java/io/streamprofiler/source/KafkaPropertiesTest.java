package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.pipeline.PipelineConfig;
import io.streamprofiler.pipeline.ProfilerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Pass-through client properties, and secrets that never show. */
public class KafkaPropertiesTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=u password=hunter2;";

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void secretsAreSplitFromPlainPropertiesAndMasked() {
    KafkaProperties p =
        KafkaProperties.parse(
            "security.protocol=SASL_SSL,sasl.mechanism=PLAIN,sasl.jaas.config="
                + JAAS
                + ",ssl.truststore.password=s3cret",
            "");
    assertThat(p.plain(), is(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN")));
    assertThat(p.hasSecrets(), is(true));
    assertThat(p.toString(), not(containsString("hunter2")));
    assertThat(p.toString(), not(containsString("s3cret")));
    assertThat(p.toString(), containsString("sasl.jaas.config=****"));
  }

  @Test
  public void aFileOverridesTheOptionAndHoldsValuesWithCommas() throws Exception {
    Path file = tmp.newFile("client.properties").toPath();
    Files.writeString(file, "sasl.jaas.config=a,b\nclient.id=x\n");
    KafkaProperties p = KafkaProperties.parse("client.id=y", file.toString());
    assertThat(p.plain(), is(Map.of("client.id", "x")));
  }

  @Test
  public void aMalformedSecretIsNotEchoed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> KafkaProperties.parse("ssl.key.password", ""));
    assertThat(e.getMessage(), containsString("--kafkaProperty"));
    IllegalArgumentException missingFile =
        assertThrows(
            IllegalArgumentException.class, () -> KafkaProperties.parse("", "/no/such/file"));
    assertThat(missingFile.getMessage(), containsString("--kafkaPropertiesFile"));
  }

  @Test
  public void secretsAreInNeitherTheSerializedOptionsNorThePipelinesDisplayData() throws Exception {
    String[] args = {
      "--source=kafka",
      "--topic=t",
      "--csvHeader=ts,device,temp",
      "--alertsTopic=alerts",
      "--kafkaProperty=security.protocol=SASL_SSL,sasl.jaas.config=" + JAAS
    };
    ProfilerOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(ProfilerOptions.class);
    PipelineConfig config = PipelineConfig.from(options);
    assertThat(config.kafka().toString(), not(containsString("hunter2")));
    assertThat(new ObjectMapper().writeValueAsString(options), not(containsString("hunter2")));
    Pipeline pipeline = Pipeline.create(options);
    io.streamprofiler.pipeline.ProfilePipeline.applyTransforms(pipeline, config);
    StringBuilder shown = new StringBuilder();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(
              org.apache.beam.sdk.runners.TransformHierarchy.Node node) {
            if (node.getTransform() != null) {
              shown.append(DisplayData.from(node.getTransform()));
            }
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(
              org.apache.beam.sdk.runners.TransformHierarchy.Node node) {
            shown.append(DisplayData.from(node.getTransform()));
          }
        });
    assertThat(shown.toString(), containsString("SASL_SSL"));
    assertThat(shown.toString(), not(containsString("hunter2")));
    assertThat(PipelineTranslation.toProto(pipeline).toString(), not(containsString("hunter2")));
  }
}
