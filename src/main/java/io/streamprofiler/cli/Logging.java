package io.streamprofiler.cli;

/**
 * Quiet logs by default: the jar binds SLF4J to slf4j-simple, whose level is a system property that
 * must be set before the first logger exists. {@code --logLevel=debug} (or info, warn, error) turns
 * it up. Secrets stay out of the logs at every level (see {@code docs/RELIABILITY.md}).
 */
final class Logging {
  private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Logging() {}

  static void configure(String[] args) {
    String level = "warn";
    for (String arg : args) {
      if (arg.startsWith("--logLevel=")) {
        level = arg.substring("--logLevel=".length()).toLowerCase(java.util.Locale.ROOT);
      }
    }
    if (System.getProperty(LEVEL) == null) {
      System.setProperty(LEVEL, level);
    }
    // At DEBUG, Beam's options factory logs the raw command line ("Provided Arguments"), Kafka
    // secrets
    // given with --kafkaProperty included: that one logger never goes below INFO.
    String factory =
        "org.slf4j.simpleLogger.log.org.apache.beam.sdk.options.PipelineOptionsFactory";
    if (System.getProperty(factory) == null) {
      System.setProperty(factory, level.equals("debug") || level.equals("trace") ? "info" : level);
    }
    // Kafka's clients warn about every failed connection attempt, many a second while a broker is
    // down; the read itself says so in one line (KafkaUnavailableException).
    String kafka = "org.slf4j.simpleLogger.log.org.apache.kafka";
    if (System.getProperty(kafka) == null && level.equals("warn")) {
      System.setProperty(kafka, "error");
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }
}
