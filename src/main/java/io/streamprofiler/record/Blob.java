package io.streamprofiler.record;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * An element encoded as one length-prefixed block of bytes. Coders build the block in memory and
 * hand it to the runner's stream in one write, and read it back in one read: a runner's stream pays
 * a virtual call (and sometimes a lock) per byte, which for rows and profiles cost more than the
 * encoding itself.
 *
 * <p>Single values are big-endian. Arrays written in bulk ({@link Writer#writeDoubles}, {@link
 * Writer#writeLongs}) are little-endian, the byte order of x86 and ARM, so that they go in and out
 * as one memory copy: under C1 (the launchers' {@code -XX:TieredStopAtLevel=1}) a call per value
 * costs several times the copy.
 */
public final class Blob {
  private Blob() {}

  /**
   * From this many values on, a bulk copy through a little-endian buffer view is cheaper than a
   * loop over {@link #DOUBLES} or {@link #LONGS}: under C1 building the views costs about 70 ns, a
   * value through a VarHandle about 1 ns, and through shifts 3 ns (measured for RowBatchCoder).
   */
  private static final int BULK_FROM = 64;

  private static final VarHandle DOUBLES =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Reads the next block from {@code in}. */
  public static Reader read(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    if (length < 0) {
      throw new CoderException("negative block length");
    }
    byte[] bytes = new byte[length];
    new DataInputStream(in).readFully(bytes);
    return new Reader(bytes);
  }

  /**
   * Reads the block that fills {@code encoded} (as {@link Writer#toByteArray} made it), in place:
   * nothing is copied, so reading only the first fields of a large block costs only those fields.
   */
  public static Reader read(byte[] encoded) throws CoderException {
    Reader r = new Reader(encoded);
    long length = r.readVarLong();
    if (length != r.remaining()) {
      throw new CoderException(
          "a block of " + length + " bytes in " + r.remaining() + " bytes after its length");
    }
    return r;
  }

  /** A growable block of bytes, big-endian. */
  public static final class Writer {
    private byte[] bytes;
    private int size;

    public Writer(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    /** Writes the block, prefixed with its length, to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
      VarInt.encode(size, out);
      out.write(bytes, 0, size);
    }

    /** The block, prefixed with its length, as {@link #writeTo} writes it: one copy. */
    public byte[] toByteArray() {
      Writer out = new Writer(VarInt.getLength(size) + size);
      out.writeVarLong(size);
      out.writeBytes(bytes, 0, size);
      return out.size == out.bytes.length ? out.bytes : Arrays.copyOf(out.bytes, out.size);
    }

    private void room(int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }

    public void writeByte(int b) {
      room(1);
      bytes[size++] = (byte) b;
    }

    public void writeInt(int v) {
      room(4);
      bytes[size++] = (byte) (v >>> 24);
      bytes[size++] = (byte) (v >>> 16);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
    }

    public void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    public void writeDouble(double v) {
      writeLong(Double.doubleToRawLongBits(v));
    }

    /** An unsigned variable-length number: 7 bits per byte, small numbers in one byte. */
    public void writeVarLong(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    /** {@code n} raw bytes, as they are. */
    public void writeBytes(byte[] b, int off, int n) {
      room(n);
      System.arraycopy(b, off, bytes, size, n);
      size += n;
    }

    /** {@code n} doubles, 8 bytes each, little-endian, bit for bit (NaN payloads and -0.0 kept). */
    public void writeDoubles(double[] v, int off, int n) {
      room(n * 8);
      if (n >= BULK_FROM) {
        little(bytes, size, n).asDoubleBuffer().put(v, off, n);
      } else {
        for (int i = 0; i < n; i++) {
          DOUBLES.set(bytes, size + i * 8, v[off + i]);
        }
      }
      size += n * 8;
    }

    /** {@code n} longs, 8 bytes each, little-endian. */
    public void writeLongs(long[] v, int off, int n) {
      room(n * 8);
      if (n >= BULK_FROM) {
        little(bytes, size, n).asLongBuffer().put(v, off, n);
      } else {
        for (int i = 0; i < n; i++) {
          LONGS.set(bytes, size + i * 8, v[off + i]);
        }
      }
      size += n * 8;
    }

    /** {@code n} numbers as {@link #writeVarLong} writes each, in one loop. */
    public void writeVarLongs(long[] v, int off, int n) {
      byte[] b = bytes;
      int at = size;
      for (int i = off; i < off + n; i++) {
        if (at + 10 > b.length) { // most numbers take a byte or two: no room for 10 each up front
          size = at;
          room(10);
          b = bytes;
        }
        long x = v[i];
        while ((x & ~0x7FL) != 0) {
          b[at++] = (byte) ((x & 0x7F) | 0x80);
          x >>>= 7;
        }
        b[at++] = (byte) x;
      }
      size = at;
    }

    /**
     * A text that may repeat: the first time as 0 and its bytes, numbered in order of appearance in
     * {@code known}; afterwards as its number + 1.
     */
    public void writeText(String s, Map<String, Integer> known) {
      Integer number = known.get(s);
      if (number != null) {
        writeVarLong(number + 1L);
      } else {
        known.put(s, known.size());
        writeVarLong(0);
        writeString(s);
      }
    }

    public void writeString(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      writeVarLong(utf8.length);
      room(utf8.length);
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
    }
  }

  /** Reads a block written by {@link Writer}; running past its end is a {@link CoderException}. */
  public static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    private void need(int n) throws CoderException {
      if (n < 0 || at + n > bytes.length) {
        throw new CoderException(
            "truncated block: " + n + " bytes wanted at " + at + " of " + bytes.length);
      }
    }

    /** Room for {@code n} values of 8 bytes, without {@code n * 8} overflowing. */
    private void needEights(int n) throws CoderException {
      if (n < 0 || n > (bytes.length - at) / 8) {
        throw new CoderException(
            "truncated block: " + n + " 8-byte values wanted at " + at + " of " + bytes.length);
      }
    }

    public int readByte() throws CoderException {
      need(1);
      return bytes[at++] & 0xFF;
    }

    public int readInt() throws CoderException {
      need(4);
      int v =
          (bytes[at] & 0xFF) << 24
              | (bytes[at + 1] & 0xFF) << 16
              | (bytes[at + 2] & 0xFF) << 8
              | (bytes[at + 3] & 0xFF);
      at += 4;
      return v;
    }

    public long readLong() throws CoderException {
      long high = readInt() & 0xFFFFFFFFL;
      return high << 32 | (readInt() & 0xFFFFFFFFL);
    }

    public double readDouble() throws CoderException {
      return Double.longBitsToDouble(readLong());
    }

    /** {@code n} raw bytes into {@code b}. */
    public void readBytes(byte[] b, int off, int n) throws CoderException {
      need(n);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
    }

    /** {@code n} doubles written by {@link Writer#writeDoubles}. */
    public void readDoubles(double[] v, int off, int n) throws CoderException {
      needEights(n);
      if (n >= BULK_FROM) {
        little(bytes, at, n).asDoubleBuffer().get(v, off, n);
      } else {
        for (int i = 0; i < n; i++) {
          v[off + i] = (double) DOUBLES.get(bytes, at + i * 8);
        }
      }
      at += n * 8;
    }

    /** {@code n} longs written by {@link Writer#writeLongs}. */
    public void readLongs(long[] v, int off, int n) throws CoderException {
      needEights(n);
      if (n >= BULK_FROM) {
        little(bytes, at, n).asLongBuffer().get(v, off, n);
      } else {
        for (int i = 0; i < n; i++) {
          v[off + i] = (long) LONGS.get(bytes, at + i * 8);
        }
      }
      at += n * 8;
    }

    /** {@code n} numbers written by {@link Writer#writeVarLongs}, in one loop. */
    public void readVarLongs(long[] v, int off, int n) throws CoderException {
      byte[] b = bytes;
      int p = at;
      for (int i = off; i < off + n; i++) {
        long x = 0;
        for (int shift = 0; ; shift += 7) {
          if (p == b.length || shift >= 64) {
            throw new CoderException("truncated or overlong variable-length number at " + p);
          }
          int c = b[p++];
          x |= (long) (c & 0x7F) << shift;
          if (c >= 0) {
            break;
          }
        }
        v[i] = x;
      }
      at = p;
    }

    public long readVarLong() throws CoderException {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new CoderException("variable-length number longer than 64 bits");
    }

    /** A count of things that follow: at most what the rest of the block could hold. */
    public int readCount() throws CoderException {
      long n = readVarLong();
      if (n < 0 || n > bytes.length - at) { // negative: a 10-byte number with the top bit set
        throw new CoderException("count " + n + " larger than the rest of the block");
      }
      return (int) n;
    }

    public String readString() throws CoderException {
      int n = readCount();
      need(n);
      String s = new String(bytes, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    /** A text written by {@link Writer#writeText}; {@code known} holds those met so far. */
    public String readText(List<String> known) throws CoderException {
      long ref = readVarLong();
      if (ref == 0) {
        String s = readString();
        known.add(s);
        return s;
      }
      if (ref > known.size()) {
        throw new CoderException("text " + ref + " referred to before it was written");
      }
      return known.get((int) ref - 1);
    }

    public boolean atEnd() {
      return at == bytes.length;
    }

    /** Bytes not read yet. */
    public int remaining() {
      return bytes.length - at;
    }
  }

  /** A little-endian view of {@code n} 8-byte values of {@code bytes} from {@code at}. */
  private static ByteBuffer little(byte[] bytes, int at, int n) {
    return ByteBuffer.wrap(bytes, at, n * 8).order(ByteOrder.LITTLE_ENDIAN);
  }
}
