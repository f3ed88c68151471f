package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.render.AlertMessages;
import io.streamprofiler.source.KafkaProperties;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes every alert of every report (each pane, so a late revision alerts again) to a Kafka
 * topic: one JSON message per alert ({@link AlertMessages}), keyed by the profile's key so one
 * device's alerts stay in order in one partition. Secrets reach the producer only through {@link
 * KafkaProperties#producerFactory}.
 */
public final class PublishAlerts extends PTransform<PCollection<Profile>, PDone> {
  private final String bootstrapServers;
  private final String topic;
  private final KafkaProperties properties;

  public PublishAlerts(String bootstrapServers, String topic, KafkaProperties properties) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.properties = properties;
  }

  @Override
  public PDone expand(PCollection<Profile> profiles) {
    return profiles
        .apply("AlertsAsJson", ParDo.of(new ToMessagesFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply(
            "WriteToKafka",
            KafkaIO.<String, String>write()
                .withBootstrapServers(bootstrapServers)
                .withTopic(topic)
                .withKeySerializer(StringSerializer.class)
                .withValueSerializer(StringSerializer.class)
                .withProducerConfigUpdates(properties.producerConfig())
                .withProducerFactoryFn(properties.producerFactory()));
  }

  static final class ToMessagesFn extends DoFn<Profile, KV<String, String>> {
    @ProcessElement
    public void process(@Element Profile profile, OutputReceiver<KV<String, String>> out) {
      for (String message : AlertMessages.of(profile)) {
        out.output(KV.of(profile.context().key(), message));
      }
    }
  }
}
