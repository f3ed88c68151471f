package io.streamprofiler.compare;

import io.streamprofiler.profile.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the drift rule remembers of one window of a key: per numeric column its mean, its
 * interquartile range and its resolution (NaN when not known). A few numbers per column, where the
 * window's profile is tens of kilobytes: a key remembers the last {@link RecentMoves#WINDOWS} of
 * them to learn how far its windows normally move.
 */
public record WindowLevels(Map<String, Level> columns) {
  /** One column of one window. */
  public record Level(double mean, double iqr, double resolution) {}

  public WindowLevels {
    columns = Map.copyOf(columns);
  }

  /** The levels of every column of {@code profile} that stores a numeric distribution. */
  public static WindowLevels of(Profile profile) {
    Map<String, Level> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> v : profile.variables().entrySet()) {
      NumericDistribution d = NumericDistribution.of(v.getValue());
      if (d != null) {
        columns.put(v.getKey(), new Level(d.mean(), d.iqr(), d.resolution()));
      }
    }
    return new WindowLevels(columns);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(columns.size());
      for (Map.Entry<String, Level> c : columns.entrySet()) {
        out.writeUTF(c.getKey());
        out.writeDouble(c.getValue().mean());
        out.writeDouble(c.getValue().iqr());
        out.writeDouble(c.getValue().resolution());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static WindowLevels fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      Map<String, Level> columns = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        columns.put(in.readUTF(), new Level(in.readDouble(), in.readDouble(), in.readDouble()));
      }
      return new WindowLevels(columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
