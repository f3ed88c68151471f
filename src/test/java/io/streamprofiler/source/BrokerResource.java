package io.streamprofiler.source;

import java.util.Map;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

/**
 * A class rule that starts a {@link KafkaBroker} in a folder of its own before a test class and
 * stops it after, in every outcome; with the sample's Kafka header and rows per device, which the
 * Kafka tests share.
 */
public final class BrokerResource extends ExternalResource {
  public static final String SAMPLE_HEADER = "ts,device,co,humidity,light,lpg,motion,smoke,temp";
  public static final Map<String, Long> SAMPLE_ROWS =
      Map.of("b8:27:eb:bf:9d:51", 457L, "00:0f:00:70:91:0a", 273L, "1c:bf:ce:15:ec:4d", 269L);

  private final TemporaryFolder folder = new TemporaryFolder();
  private KafkaBroker broker;

  @Override
  protected void before() throws Throwable {
    folder.create();
    broker = KafkaBroker.start(folder.getRoot().toPath());
  }

  @Override
  protected void after() {
    if (broker != null) {
      broker.close();
    }
    folder.delete();
  }

  public String bootstrap() {
    return broker.bootstrap();
  }
}
