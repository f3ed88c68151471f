package io.streamprofiler.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: enough to
 * load a page, watch its console, exceptions, requests and dialogs, evaluate expressions and take
 * screenshots. One browser per instance, in a fresh profile directory removed on close.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Paths.get("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profileDir;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  private Chromium(Process process, Path profileDir, String url) throws Exception {
    this.process = process;
    this.profileDir = profileDir;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  static Chromium start() throws Exception {
    Path dir = Files.createTempDirectory("chromium-profile");
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--hide-scrollbars",
                "--mute-audio",
                "--user-data-dir=" + dir,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = err.readLine()) != null) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (IOException ignored) {
                // the browser went away
              }
              url.completeExceptionally(new IOException("chromium exited before listening"));
            },
            "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      return new Chromium(p, dir, url.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Sends a command (to the browser when {@code session} is null) and waits for its result. */
  JsonNode send(String session, String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params == null ? Map.of() : params));
    if (session != null) {
      msg.put("sessionId", session);
    }
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = f.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** A new tab with the Page, Runtime, Log and Network domains enabled; returns its session id. */
  String newPage(int width, int height) throws Exception {
    String target =
        send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    String session =
        send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .get("sessionId")
            .asText();
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      send(session, domain + ".enable", Map.of());
    }
    send(
        session,
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    return session;
  }

  /** Navigates and waits for the load event. */
  void load(String session, String url) throws Exception {
    clearEvents(session);
    send(session, "Page.navigate", Map.of("url", url));
    waitFor(
        e ->
            session.equals(e.path("sessionId").asText())
                && "Page.loadEventFired".equals(e.path("method").asText()),
        30_000);
    Thread.sleep(300); // let late console messages arrive
  }

  JsonNode evaluate(String session, String expression) throws Exception {
    JsonNode r =
        send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("evaluate " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the viewport, or of the whole page when {@code fullPage}. */
  byte[] screenshot(String session, boolean fullPage) throws Exception {
    Map<String, Object> params = new java.util.HashMap<>(Map.of("format", "png"));
    if (fullPage) {
      double h = evaluate(session, "document.documentElement.scrollHeight").asDouble();
      double w = evaluate(session, "document.documentElement.clientWidth").asDouble();
      params.put("captureBeyondViewport", true);
      params.put(
          "clip", Map.of("x", 0, "y", 0, "width", w, "height", Math.min(h, 16000), "scale", 1));
    }
    return Base64.getDecoder()
        .decode(send(session, "Page.captureScreenshot", params).get("data").asText());
  }

  /** A PNG of the page from {@code y} down, {@code height} pixels tall, at the viewport's width. */
  byte[] screenshot(String session, double y, double height) throws Exception {
    double w = evaluate(session, "document.documentElement.clientWidth").asDouble();
    Map<String, Object> params =
        new java.util.HashMap<>(Map.of("format", "png", "captureBeyondViewport", true));
    params.put("clip", Map.of("x", 0, "y", y, "width", w, "height", height, "scale", 1));
    return Base64.getDecoder()
        .decode(send(session, "Page.captureScreenshot", params).get("data").asText());
  }

  /** Events of a session so far, oldest first. */
  List<JsonNode> events(String session) {
    synchronized (events) {
      return events.stream().filter(e -> session.equals(e.path("sessionId").asText())).toList();
    }
  }

  void clearEvents(String session) {
    synchronized (events) {
      events.removeIf(e -> session.equals(e.path("sessionId").asText()));
    }
  }

  private void waitFor(Predicate<JsonNode> p, long millis) throws Exception {
    long end = System.currentTimeMillis() + millis;
    synchronized (events) {
      while (events.stream().noneMatch(p)) {
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("timed out waiting for a DevTools event");
        }
        events.wait(left);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // closing anyway
    }
    // Chromium's helper processes outlive the browser for a moment and keep writing temporary
    // files into the profile: stop them all before the profile is removed.
    List<ProcessHandle> helpers = process.descendants().toList();
    stop(process.toHandle());
    helpers.forEach(Chromium::stop);
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(profileDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        return;
      } catch (NoSuchFileException | UncheckedIOException e) {
        if (attempt == 3) {
          throw e; // a file still vanishing under the walk after every process stopped
        }
      }
    }
  }

  private static void stop(ProcessHandle p) {
    p.destroy();
    try {
      p.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else {
            synchronized (events) {
              events.add(msg);
              events.notifyAll();
            }
          }
        } catch (IOException e) {
          // not JSON: ignore
        }
      }
      ws.request(1);
      return null;
    }
  }
}
