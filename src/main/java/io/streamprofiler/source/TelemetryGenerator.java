package io.streamprofiler.source;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes synthetic IoT telemetry with the sample's columns ({@code ts,device,co,humidity,light,lpg,
 * motion,smoke,temp}): devices report in turn every {@code periodSeconds}, with daily cycles,
 * noise, missing cells, displaced (late) rows, malformed lines and optional step changes. The same
 * settings and seed always give the same bytes.
 */
public final class TelemetryGenerator {
  public static final String HEADER = "ts,device,co,humidity,light,lpg,motion,smoke,temp";

  /** 2020-07-12T00:00:00Z, the first hour of the bundled sample. */
  public static final long DEFAULT_START = 1_594_512_000L;

  private static final double DAY = 86_400;

  /**
   * @param rows rows to write (malformed lines included)
   * @param devices how many devices report, in turn
   * @param periodSeconds time between two reports of one device
   * @param missing share of cells left empty
   * @param displaced share of rows written later than their event time (up to {@code
   *     maxDisplacementSeconds})
   * @param malformed share of lines replaced by something that is not a row
   * @param steps temperature step changes: from {@code hour} on, device {@code device} reads {@code
   *     delta} more
   */
  public record Settings(
      long rows,
      int devices,
      double periodSeconds,
      long startEpochSeconds,
      long seed,
      double missing,
      double displaced,
      double maxDisplacementSeconds,
      double malformed,
      List<Step> steps) {
    public static Settings of(long rows, int devices) {
      return new Settings(rows, devices, 5.1, DEFAULT_START, 1, 0, 0, 300, 0, List.of());
    }
  }

  /**
   * From {@code hour} (hours after the start) on, device number {@code device} reads {@code delta}
   * °C more.
   */
  public record Step(int device, int hour, double delta) {}

  private record Pending(double dueSeconds, long order, String line) {}

  private final Settings s;
  private final SplittableRandom random;
  private final List<String> names = new ArrayList<>();
  private final double[] baseTemp;
  private final double[] baseHumidity;
  private final double[] baseCo;

  public TelemetryGenerator(Settings settings) {
    this.s = settings;
    this.random = new SplittableRandom(settings.seed());
    this.baseTemp = new double[settings.devices()];
    this.baseHumidity = new double[settings.devices()];
    this.baseCo = new double[settings.devices()];
    for (int d = 0; d < settings.devices(); d++) {
      names.add(deviceName(d));
      baseTemp[d] = 18 + random.nextDouble() * 10;
      baseHumidity[d] = 45 + random.nextDouble() * 30;
      baseCo[d] = 0.002 + random.nextDouble() * 0.004;
    }
  }

  /** The sample's three device names first, then made-up MAC addresses. */
  static String deviceName(int d) {
    String[] sample = {"b8:27:eb:bf:9d:51", "00:0f:00:70:91:0a", "1c:bf:ce:15:ec:4d"};
    if (d < sample.length) {
      return sample[d];
    }
    return String.format(
        Locale.ROOT,
        "02:%02x:%02x:%02x:%02x:%02x",
        (d >> 24) & 0xff,
        (d >> 16) & 0xff,
        (d >> 8) & 0xff,
        d & 0xff,
        0x5a);
  }

  public void write(Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    PriorityQueue<Pending> displacedRows =
        new PriorityQueue<>(
            (a, b) ->
                a.dueSeconds != b.dueSeconds
                    ? Double.compare(a.dueSeconds, b.dueSeconds)
                    : Long.compare(a.order, b.order));
    StringBuilder line = new StringBuilder(160);
    for (long i = 0; i < s.rows(); i++) {
      int d = (int) (i % s.devices());
      double t =
          s.startEpochSeconds()
              + (i / s.devices()) * s.periodSeconds()
              + d * (s.periodSeconds() / s.devices())
              + random.nextDouble() * 0.01;
      while (!displacedRows.isEmpty() && displacedRows.peek().dueSeconds <= t) {
        out.write(displacedRows.poll().line);
      }
      line.setLength(0);
      if (random.nextDouble() < s.malformed()) {
        malformed(line, t);
      } else {
        row(line, d, t);
      }
      line.append('\n');
      if (random.nextDouble() < s.displaced()) {
        displacedRows.add(
            new Pending(
                t + 1 + random.nextDouble() * s.maxDisplacementSeconds(), i, line.toString()));
      } else {
        out.append(line);
      }
    }
    while (!displacedRows.isEmpty()) {
      out.write(displacedRows.poll().line);
    }
    out.flush();
  }

  private void row(StringBuilder b, int d, double t) {
    double phase = 2 * Math.PI * ((t - s.startEpochSeconds()) % DAY) / DAY;
    double cycle = Math.sin(phase - Math.PI / 2); // coolest at dawn, warmest mid-afternoon
    double temp = baseTemp[d] + 3 * cycle + gaussian() * 0.3 + step(d, t);
    double humidity = baseHumidity[d] - 8 * cycle + gaussian() * 1.0;
    double co = Math.max(0.0001, baseCo[d] * (1 + 0.1 * cycle) + gaussian() * 0.0001);
    double lpg = co * 1.6 + gaussian() * 0.00002; // gas readings of one sensor move together
    double smoke = co * 4.4 + gaussian() * 0.00005;
    double hourOfDay = ((t % DAY) / 3600);
    boolean light = hourOfDay >= 7 && hourOfDay < 19;
    boolean motion = random.nextDouble() < 0.01;
    b.append(Double.toString(t)).append(',').append(names.get(d));
    cell(b, Double.toString(co));
    cell(b, String.format(Locale.ROOT, "%.1f", humidity));
    cell(b, Boolean.toString(light));
    cell(b, Double.toString(lpg));
    cell(b, Boolean.toString(motion));
    cell(b, Double.toString(smoke));
    cell(b, String.format(Locale.ROOT, "%.1f", temp));
  }

  private void cell(StringBuilder b, String value) {
    b.append(',');
    if (random.nextDouble() >= s.missing()) {
      b.append(value);
    }
  }

  private void malformed(StringBuilder b, double t) {
    switch (random.nextInt(3)) {
      case 0 -> b.append(Double.toString(t)).append(",truncated");
      case 1 -> b.append("not-a-time,").append(names.get(0)).append(",1,2,false,3,false,4,5");
      default -> b.append("\"unterminated,quote");
    }
  }

  private double step(int d, double t) {
    double delta = 0;
    for (Step step : s.steps()) {
      if (step.device() == d && t >= s.startEpochSeconds() + step.hour() * 3600.0) {
        delta += step.delta();
      }
    }
    return delta;
  }

  private double gaussian() {
    // Box-Muller on the seeded generator: java.util.Random's nextGaussian is not on
    // SplittableRandom
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
