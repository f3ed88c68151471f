package io.streamprofiler.record;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Test;

/**
 * {@link CsvReader#boundaries} skips eight bytes at a time where it can: it must cut exactly where
 * a plain byte-by-byte reading of the quote rules does, however the bytes arrive.
 */
public class CsvBoundariesTest {
  /** The quote rules one byte at a time, as the reader applies them. */
  private static List<CsvReader.Boundary> reference(byte[] bytes, long every) {
    List<CsvReader.Boundary> cuts = new ArrayList<>();
    cuts.add(new CsvReader.Boundary(0, 1));
    long line = 1;
    long last = 0;
    boolean quoted = false;
    boolean quoteInQuoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < bytes.length; i++) {
      byte c = bytes[i];
      if (c == '\n') {
        line++;
        if (quoted) {
          continue;
        }
        quoteInQuoted = false;
        fieldStart = true;
        if (i + 1 - last >= every) {
          cuts.add(new CsvReader.Boundary(i + 1, line));
          last = i + 1;
        }
      } else if (quoted) {
        if (c == '"') {
          quoted = false;
          quoteInQuoted = true;
        }
      } else if (fieldStart || quoteInQuoted) {
        quoted = c == '"';
        fieldStart = c == ',';
        quoteInQuoted = false;
      } else {
        fieldStart = c == ',';
      }
    }
    if (cuts.size() > 1 && cuts.get(cuts.size() - 1).offset() >= bytes.length) {
      cuts.remove(cuts.size() - 1);
    }
    return cuts;
  }

  /** Hands out the bytes in reads of random length, so words straddle every buffer edge. */
  private static InputStream choppy(byte[] bytes, SplittableRandom random) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(40)));
      }
    };
  }

  @Test
  public void cutsWhereAByteByByteReadingCuts() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    byte[] alphabet = {
      'a', '7', '.', ',', ',', '"', '\n', '\n', '\r', ' ', (byte) 0xC3, (byte) 0xA9
    };
    for (int round = 0; round < 400; round++) {
      byte[] bytes = new byte[random.nextInt(4000)];
      boolean quoteFree = random.nextInt(3) == 0; // the fast path's own case, at length
      for (int i = 0; i < bytes.length; i++) {
        byte b = alphabet[random.nextInt(alphabet.length)];
        bytes[i] = quoteFree && b == '"' ? (byte) 'q' : b;
      }
      long every = 1 + random.nextInt(300);
      CsvReader.Boundary from = new CsvReader.Boundary(0, 1);
      assertEquals(
          "round " + round,
          reference(bytes, every),
          CsvReader.boundaries(choppy(bytes, random), from, every));
      assertEquals(
          "round " + round + " in one read",
          reference(bytes, every),
          CsvReader.boundaries(new ByteArrayInputStream(bytes), from, every));
    }
  }
}
