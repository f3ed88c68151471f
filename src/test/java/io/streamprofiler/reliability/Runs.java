package io.streamprofiler.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One run of the command line as a user runs it, with what it printed and wrote. */
final class Runs {
  static final ObjectMapper JSON = new ObjectMapper();

  final int exit;
  final String out;
  final String err;
  final Path output;

  private Runs(int exit, String out, String err, Path output) {
    this.exit = exit;
    this.out = out;
    this.err = err;
    this.output = output;
  }

  static Runs run(Path output, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--output=" + output;
    all[args.length + 1] = "--quiet=true";
    int exit =
        Main.run(
            all,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Runs(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), output);
  }

  JsonNode summary() throws IOException {
    return JSON.readTree(output.resolve("run-summary.json").toFile());
  }

  long count(String name) throws IOException {
    return summary().get(name).asLong();
  }

  /** Every line of {@code rejected/*.jsonl}, by line number. */
  TreeMap<Long, JsonNode> rejected() throws IOException {
    TreeMap<Long, JsonNode> byLine = new TreeMap<>();
    for (Path f : files("rejected", ".jsonl")) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          if (byLine.put(n.get("line").asLong(), n) != null) {
            throw new AssertionError("line " + n.get("line") + " rejected twice");
          }
        }
      }
    }
    return byLine;
  }

  /** The final pane's JSON report of every key, by key. */
  TreeMap<String, JsonNode> reports() throws IOException {
    TreeMap<String, JsonNode> byKey = new TreeMap<>();
    TreeMap<String, Long> pane = new TreeMap<>();
    for (Path f : files(null, ".json")) {
      if (f.getFileName().toString().equals("run-summary.json")) {
        continue;
      }
      JsonNode r = JSON.readTree(f.toFile());
      String key = r.get("key").asText() + "@" + r.get("window").get("start").asText();
      long index = r.get("pane").get("index").asLong();
      if (!pane.containsKey(key) || pane.get(key) < index) {
        pane.put(key, index);
        byKey.put(key, r);
      }
    }
    return byKey;
  }

  List<Path> files(String under, String suffix) throws IOException {
    Path root = under == null ? output : output.resolve(under);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return new ArrayList<>(
          s.filter(
                  p ->
                      p.toString().endsWith(suffix)
                          && !output.relativize(p).getName(0).toString().startsWith("."))
              .sorted()
              .toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
  }
}
