package io.streamprofiler.profile.state;

import io.streamprofiler.record.Blob;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Pieces of the state encoding on top of {@link Blob}: arrays, and texts that may be null. */
final class Io {
  private Io() {}

  static void writeBytes(Blob.Writer out, byte[] b) {
    out.writeVarLong(b.length);
    out.writeBytes(b, 0, b.length);
  }

  static byte[] readBytes(Blob.Reader in) throws IOException {
    byte[] b = new byte[in.readCount()];
    in.readBytes(b, 0, b.length);
    return b;
  }

  static void writeDoubles(Blob.Writer out, double[] a) {
    out.writeVarLong(a.length);
    out.writeDoubles(a, 0, a.length);
  }

  static double[] readDoubles(Blob.Reader in) throws IOException {
    double[] a = new double[in.readCount()];
    in.readDoubles(a, 0, a.length);
    return a;
  }

  /** A text that may repeat, or null. */
  static void writeText(Blob.Writer out, String s, Map<String, Integer> known) {
    if (s == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    out.writeText(s, known);
  }

  static String readText(Blob.Reader in, List<String> known) throws IOException {
    return in.readByte() == 0 ? null : in.readText(known);
  }
}
