package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.CoderException;
import org.junit.Test;

public class BlobTest {
  private static Blob.Reader reread(Blob.Writer w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.writeTo(out);
    return Blob.read(new ByteArrayInputStream(out.toByteArray()));
  }

  private static byte[] body(Blob.Writer w) throws IOException {
    Blob.Reader r = reread(w);
    byte[] bytes = new byte[r.remaining()];
    r.readBytes(bytes, 0, bytes.length);
    return bytes;
  }

  @Test
  public void doublesKeepTheirBitsInLoopAndBulkAlike() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {0, 1, 7, 63, 64, 65, 1000}) {
      double[] v = new double[n + 2];
      for (int i = 0; i < v.length; i++) {
        v[i] = Double.longBitsToDouble(random.nextLong());
      }
      v[v.length - 1] = -0.0;
      Blob.Writer w = new Blob.Writer(1);
      w.writeByte(9); // unaligned on purpose
      w.writeDoubles(v, 1, n);
      Blob.Reader r = reread(w);
      assertThat(r.readByte(), is(9));
      double[] back = new double[n + 1];
      r.readDoubles(back, 1, n);
      for (int i = 0; i < n; i++) {
        assertThat(
            "value " + i + " of " + n,
            Double.doubleToRawLongBits(back[i + 1]),
            is(Double.doubleToRawLongBits(v[i + 1])));
      }
      assertThat(r.atEnd(), is(true));
    }
  }

  @Test
  public void longsComeBackInLoopAndBulkAlike() throws Exception {
    SplittableRandom random = new SplittableRandom(4);
    for (int n : new int[] {1, 63, 64, 500}) {
      long[] v = random.longs(n).toArray();
      v[0] = Long.MIN_VALUE;
      Blob.Writer w = new Blob.Writer(1);
      w.writeLongs(v, 0, n);
      long[] back = new long[n];
      reread(w).readLongs(back, 0, n);
      assertArrayEquals(v, back);
    }
  }

  @Test
  public void bulkValuesAreLittleEndianWhicheverPathWroteThem() throws Exception {
    double[] ones = new double[100];
    Arrays.fill(ones, 1.0); // 0x3FF0000000000000
    byte[] one = {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F};
    for (int n : new int[] {1, 100}) {
      Blob.Writer w = new Blob.Writer(1);
      w.writeDoubles(ones, 0, n);
      byte[] bytes = body(w);
      assertArrayEquals(one, Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length));
    }
    Blob.Writer w = new Blob.Writer(1);
    w.writeLongs(new long[] {0x0102030405060708L}, 0, 1);
    assertArrayEquals(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, body(w));
  }

  @Test
  public void varLongsInOneCallAreTheBytesOfOneCallEach() throws Exception {
    long[] v = {0, 1, 127, 128, 300, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 35};
    Blob.Writer many = new Blob.Writer(1);
    many.writeVarLongs(v, 0, v.length);
    Blob.Writer each = new Blob.Writer(1);
    for (long x : v) {
      each.writeVarLong(x);
    }
    assertArrayEquals(body(each), body(many));
    long[] back = new long[v.length];
    reread(many).readVarLongs(back, 0, v.length);
    assertArrayEquals(v, back);
  }

  @Test
  public void readingPastTheBlockIsACoderError() throws Exception {
    Blob.Writer w = new Blob.Writer(1);
    w.writeLongs(new long[] {1, 2}, 0, 2);
    w.writeByte(0x80); // a variable-length number cut short
    assertThrows(CoderException.class, () -> reread(w).readDoubles(new double[3], 0, 3));
    assertThrows(CoderException.class, () -> reread(w).readLongs(new long[100], 0, 100));
    assertThrows(
        CoderException.class, () -> reread(w).readDoubles(new double[1], 0, Integer.MAX_VALUE));
    Blob.Reader r = reread(w);
    r.readLongs(new long[2], 0, 2);
    assertThrows(CoderException.class, () -> r.readVarLongs(new long[1], 0, 1));
  }

  @Test
  public void aNegativeCountIsACoderError() throws Exception {
    Blob.Writer w = new Blob.Writer(1);
    w.writeVarLong(-5);
    w.writeBytes(new byte[40], 0, 40);
    assertThrows(CoderException.class, () -> reread(w).readCount());
  }

  @Test
  public void aBlockAsOneArrayIsWhatTheStreamGetsAndReadsBackInPlace() throws IOException {
    for (int size : new int[] {0, 1, 127, 128, 16_383, 16_384, 300_000}) {
      Blob.Writer w = new Blob.Writer(1);
      w.writeBytes(new byte[size], 0, size);
      w.writeString("end");
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      w.writeTo(streamed);
      byte[] array = w.toByteArray();
      assertArrayEquals("block of " + size, streamed.toByteArray(), array);
      Blob.Reader r = Blob.read(array);
      byte[] body = new byte[size];
      r.readBytes(body, 0, size);
      assertThat(r.readString(), is("end"));
      assertThat(r.atEnd(), is(true));
    }
  }

  @Test
  public void anArrayThatIsNotOneBlockIsRefused() {
    Blob.Writer w = new Blob.Writer(1);
    w.writeString("abc");
    byte[] array = w.toByteArray();
    assertThrows(CoderException.class, () -> Blob.read(Arrays.copyOf(array, array.length + 1)));
    assertThrows(CoderException.class, () -> Blob.read(Arrays.copyOf(array, array.length - 1)));
    assertThrows(CoderException.class, () -> Blob.read(new byte[0]));
    assertThrows(CoderException.class, () -> Blob.read(new byte[] {(byte) 0x80, (byte) 0x80}));
  }
}
