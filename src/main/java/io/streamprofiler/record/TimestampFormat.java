package io.streamprofiler.record;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How the event-time column is written: {@code epoch_seconds} (fractions and scientific notation
 * allowed), {@code epoch_millis}, {@code iso} (ISO-8601, with an offset or else in the time zone),
 * or a {@link DateTimeFormatter} pattern such as {@code MM/dd/yyyy hh:mm:ss a}. Local times are
 * placed in the zone as {@link ZonedDateTime#ofLocal} does: a time in a DST gap moves forward by
 * the gap, a time in an overlap takes the earlier offset.
 */
public final class TimestampFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String format;
  private final String zone;
  private transient DateTimeFormatter formatter;
  private transient ZoneId zoneId;

  private TimestampFormat(String format, String zone) {
    this.format = format;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException with a message naming the option, for a bad pattern or zone
   */
  public static TimestampFormat of(String format, String zone) {
    TimestampFormat f = new TimestampFormat(format, zone);
    try {
      f.zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "--timeZone=" + zone + ": not a time zone (e.g. UTC, Europe/Paris)");
    }
    try {
      f.formatter();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--timestampFormat="
              + format
              + ": not epoch_seconds, epoch_millis, iso, nor a valid "
              + "java.time pattern ("
              + e.getMessage()
              + ")");
    }
    return f;
  }

  public String format() {
    return format;
  }

  public String zone() {
    return zone;
  }

  /**
   * Microseconds since the epoch for {@code text}.
   *
   * @throws IllegalArgumentException when the text is not a timestamp in this format
   */
  public long parseMicros(String text) {
    switch (format) {
      case "epoch_seconds":
        return fromNumber(text, 1e6);
      case "epoch_millis":
        return fromNumber(text, 1e3);
      default:
        try {
          return toMicros(fromTemporal(formatter().parse(text.trim())));
        } catch (DateTimeException e) {
          throw new IllegalArgumentException("'" + text + "' does not match " + format);
        }
    }
  }

  private static long fromNumber(String text, double microsPerUnit) {
    double v = Numbers.parse(text.trim());
    double micros = v * microsPerUnit;
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
    if (Double.isInfinite(micros) || Math.abs(micros) > 9.2e18) {
      throw new IllegalArgumentException("'" + text + "' is out of range");
    }
    return Math.round(micros);
  }

  private Instant fromTemporal(TemporalAccessor t) {
    if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t);
    }
    LocalDateTime local =
        t.isSupported(ChronoField.HOUR_OF_DAY)
            ? LocalDateTime.from(t)
            : LocalDate.from(t).atStartOfDay();
    return ZonedDateTime.ofLocal(local, zoneId(), null).toInstant();
  }

  private static long toMicros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  private ZoneId zoneId() {
    if (zoneId == null) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  private DateTimeFormatter formatter() {
    if (formatter == null) {
      formatter =
          switch (format) {
            case "epoch_seconds", "epoch_millis" -> null;
            case "iso" ->
                new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .optionalStart()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .optionalEnd()
                    .optionalStart()
                    .appendOffsetId()
                    .optionalEnd()
                    .toFormatter(Locale.ROOT);
            default -> DateTimeFormatter.ofPattern(format, Locale.US);
          };
    }
    return formatter;
  }
}
