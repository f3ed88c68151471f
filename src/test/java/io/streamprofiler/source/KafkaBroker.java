package io.streamprofiler.source;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka broker for integration tests, started and stopped with the project's own
 * {@code runners/kafka} scripts on free loopback ports, with its files in a folder of its own. A
 * shutdown hook stops it too, so a killed test run leaves no broker behind.
 */
public final class KafkaBroker implements AutoCloseable {
  private final Map<String, String> env;
  private final String bootstrap;
  private final Thread hook;
  private boolean stopped;

  private KafkaBroker(Map<String, String> env, String bootstrap) {
    this.env = env;
    this.bootstrap = bootstrap;
    this.hook = new Thread(this::stopQuietly, "stop-kafka-broker");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  public static KafkaBroker start(Path directory) throws IOException, InterruptedException {
    Map<String, String> env;
    try (ServerSocket broker = new ServerSocket(0);
        ServerSocket controller = new ServerSocket(0)) {
      env =
          Map.of(
              "KAFKA_PORT", String.valueOf(broker.getLocalPort()),
              "KAFKA_CONTROLLER_PORT", String.valueOf(controller.getLocalPort()),
              "KAFKA_BROKER_DIR", directory.toString());
    }
    long start = System.nanoTime();
    Result started = run("runners/kafka/start-broker.sh", env);
    if (started.status != 0) {
      run("runners/kafka/stop-broker.sh", env);
      throw new IllegalStateException("the broker did not start: " + started.output);
    }
    List<String> lines = started.output.lines().toList();
    String bootstrap = lines.get(lines.size() - 1).trim();
    System.out.printf(
        "kafka broker %s up in %d ms%n", bootstrap, (System.nanoTime() - start) / 1_000_000);
    return new KafkaBroker(env, bootstrap);
  }

  public String bootstrap() {
    return bootstrap;
  }

  /** Kills the broker at once (SIGKILL), as a crashed or unplugged machine would go. */
  public synchronized void kill() throws IOException, InterruptedException {
    Path pid = Path.of(env.get("KAFKA_BROKER_DIR"), "kafka.pid");
    new ProcessBuilder("kill", "-9", Files.readString(pid).trim()).inheritIO().start().waitFor();
    close();
  }

  @Override
  public synchronized void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: the broker is stopped either way
    }
  }

  private synchronized void stopQuietly() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run("runners/kafka/stop-broker.sh", env);
    } catch (IOException | InterruptedException e) {
      System.err.println("could not stop the kafka broker: " + e);
    }
  }

  private record Result(int status, String output) {}

  private static Result run(String script, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", script).redirectErrorStream(false);
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }
}
