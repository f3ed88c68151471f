package io.streamprofiler.source;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client properties passed through to Kafka (TLS, SASL, timeouts), split into plain ones and
 * secrets. Secrets never reach Beam's display data, logs or reports: they are added only when a
 * consumer or producer is created ({@link #consumerFactory}, {@link #producerFactory}), and {@link
 * #toString} masks them.
 */
public final class KafkaProperties implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Names whose values are credentials: passwords, JAAS configs (which embed them), keys, tokens.
   */
  private static final Pattern SECRET =
      Pattern.compile(
          ".*(password|secret|jaas|token|credential|\\.key$|keystore\\.key|user\\.info).*");

  static final String MASK = "****";

  private final TreeMap<String, String> plain;
  private final TreeMap<String, String> secret;

  private KafkaProperties(Map<String, String> all) {
    plain = new TreeMap<>();
    secret = new TreeMap<>();
    all.forEach((k, v) -> (isSecret(k) ? secret : plain).put(k, v));
  }

  public static KafkaProperties none() {
    return new KafkaProperties(Map.of());
  }

  public static boolean isSecret(String name) {
    return SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * Reads {@code key=value,key=value} (the {@code --kafkaProperty} option) and then, when {@code
   * file} is not empty, a Java properties file ({@code --kafkaPropertiesFile}), whose entries win.
   * A value with a comma belongs in the file.
   *
   * @throws IllegalArgumentException naming the option, with secret values masked
   */
  public static KafkaProperties parse(String list, String file) {
    Map<String, String> all = new TreeMap<>();
    if (list != null && !list.isBlank()) {
      for (String pair : list.split(",")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
        if (eq <= 0 || name.isEmpty()) {
          throw new IllegalArgumentException(
              "--kafkaProperty: '"
                  + (isSecret(name) ? name + "=" + MASK : pair.trim())
                  + "' is not name=value; separate several with commas");
        }
        all.put(name, pair.substring(eq + 1).trim());
      }
    }
    if (file != null && !file.isBlank()) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--kafkaPropertiesFile=" + file + ": cannot read it: " + e.getMessage());
      }
      p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k)));
    }
    return new KafkaProperties(all);
  }

  /**
   * What every producer of the project starts from: each message acknowledged by every replica,
   * once, and one request in flight, because an idempotent producer with several in flight can
   * retry OUT_OF_ORDER_SEQUENCE_NUMBER forever after the leader of a just-created topic moves; a
   * message that cannot be delivered in 60 s fails instead of waiting.
   */
  public static final Map<String, Object> PRODUCER_DEFAULTS =
      Map.of(
          ProducerConfig.ACKS_CONFIG,
          "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          true,
          ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
          1,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
          60_000);

  /** {@link #PRODUCER_DEFAULTS}, then the user's own properties over them. */
  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new TreeMap<>(PRODUCER_DEFAULTS);
    config.putAll(plain);
    return config;
  }

  /** Properties that may be shown: everything but the secrets. */
  public Map<String, Object> plain() {
    return Collections.unmodifiableMap(new TreeMap<>(plain));
  }

  public boolean hasSecrets() {
    return !secret.isEmpty();
  }

  /** Creates consumers with the secrets added to the config Beam hands over. */
  public SerializableFunction<Map<String, Object>, Consumer<byte[], byte[]>> consumerFactory() {
    TreeMap<String, String> secrets = secret;
    return config -> new KafkaConsumer<>(withSecrets(config, secrets));
  }

  /** Creates producers with the secrets added to the config Beam hands over. */
  public SerializableFunction<Map<String, Object>, Producer<String, String>> producerFactory() {
    TreeMap<String, String> secrets = secret;
    return config -> new KafkaProducer<>(withSecrets(config, secrets));
  }

  private static Map<String, Object> withSecrets(
      Map<String, Object> config, Map<String, String> secrets) {
    Map<String, Object> all = new TreeMap<>(config);
    all.putAll(secrets);
    return all;
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>(plain);
    secret.keySet().forEach(k -> shown.put(k, MASK));
    return shown.toString();
  }
}
