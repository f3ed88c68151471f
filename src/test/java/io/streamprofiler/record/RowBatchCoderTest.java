package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

public class RowBatchCoderTest {
  private static final RowBatchCoder CODER = RowBatchCoder.of();

  /** Around the row-by-row limit, the bulk limit of Blob (64) and a full chunk. */
  private static final int[] SIZES = {1, 2, 3, 4, 7, 8, 9, 31, 63, 64, 65, 130, 333, 1000, 1200};

  private static final String[] SHARED = {
    "true", "false", "", "été", "日本語", "😀 emoji", "a,b\"c", "NaN", "1.5", "Aa", "BB"
  };

  @Test
  public void randomBatchesComeBackEqualAndEncodeAlikeWhenEqual() throws Exception {
    SplittableRandom random = new SplittableRandom(20_261_126L);
    for (int i = 0; i < 400; i++) {
      RowBatch batch = randomBatch(random, SIZES[random.nextInt(SIZES.length)]);
      byte[] bytes = CoderUtils.encodeToByteArray(CODER, batch);
      RowBatch back = CoderUtils.decodeFromByteArray(CODER, bytes);
      assertThat("batch " + i, back, is(batch));
      // Equal, not identical: other text instances and other NaNs in the missing cells.
      RowBatch twin = copy(batch, random);
      assertThat(twin, is(batch));
      assertArrayEquals("batch " + i, bytes, CoderUtils.encodeToByteArray(CODER, twin));
      assertArrayEquals("batch " + i, bytes, CoderUtils.encodeToByteArray(CODER, back));
    }
  }

  /** The in-place path a bounded run's group holds batches by is the coder's encoding, exactly. */
  @Test
  public void toBytesIsTheCodersEncodingAndReadsBackInPlace() throws Exception {
    SplittableRandom random = new SplittableRandom(2026_12_06L);
    for (int i = 0; i < 200; i++) {
      RowBatch batch = randomBatch(random, SIZES[random.nextInt(SIZES.length)]);
      byte[] bytes = RowBatchCoder.toBytes(batch);
      assertArrayEquals("batch " + i, CoderUtils.encodeToByteArray(CODER, batch), bytes);
      assertThat("batch " + i, RowBatchCoder.fromBytes(bytes), is(batch));
    }
  }

  @Test
  public void beamCoderProperties() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    CoderProperties.coderSerializable(CODER);
    for (int size : new int[] {1, 2, 3, 70, 1000}) {
      RowBatch batch = randomBatch(random, size);
      CoderProperties.coderDecodeEncodeEqual(CODER, batch);
      CoderProperties.coderDeterministic(CODER, batch, copy(batch, random));
      CoderProperties.coderConsistentWithEquals(CODER, batch, copy(batch, random));
      CoderProperties.coderConsistentWithEquals(CODER, batch, randomBatch(random, size));
    }
  }

  @Test
  public void edgeValuesKeepTheirBits() throws Exception {
    double[] edges = {
      -0.0,
      0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -Double.MAX_VALUE,
      Double.MIN_NORMAL / 3
    };
    for (int size : new int[] {2, 3, 100}) {
      List<Row> rows = new ArrayList<>();
      for (int r = 0; r < size; r++) {
        double[] numbers = edges.clone();
        numbers[r % edges.length] = Double.longBitsToDouble(0x7ff0_0000_0000_0042L); // missing
        rows.add(new Row(r, -r, "k", new String[edges.length], numbers, r % 3 == 0));
      }
      RowBatch batch = new RowBatch(rows);
      RowBatch back = CoderUtils.clone(CODER, batch);
      assertThat(back, is(batch));
      Row last = back.rows().get(size - 1);
      assertThat(Double.doubleToRawLongBits(last.number(0)), is(Double.doubleToRawLongBits(-0.0)));
      assertThat(back.rows().get(0).isMissing(0), is(true));
    }
  }

  @Test
  public void aTelemetryBatchTakesLittleMoreThanItsNumbers() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String device = new String("b8:27:eb:bf:9d:51".toCharArray());
      rows.add(
          new Row(
              i + 2,
              1_594_512_000_000_000L + i * 5_100_000L,
              device,
              new String[] {null, device, null, null, i % 2 == 0 ? "true" : "false", null},
              new double[] {1.5945e9 + i, Double.NaN, 0.004 + i * 1e-6, 51.0, Double.NaN, 22.7}));
    }
    int bytes = CoderUtils.encodeToByteArray(CODER, new RowBatch(rows)).length;
    // 4 numbers and an event time of 8 bytes, a line, the device and the flag in a byte each
    assertThat(bytes, lessThan(1000 * (5 * 8 + 3) + 200));
  }

  @Test
  public void rowsOfSeveralKeysAndWidthsComeBackEqual() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int width = i % 4;
      String[] texts = new String[width];
      double[] numbers = new double[width];
      Arrays.fill(numbers, Double.NaN);
      if (width > 1) {
        texts[1] = "t" + (i % 3);
      }
      if (width > 2) {
        numbers[2] = i;
      }
      rows.add(new Row(100 - i, i, i % 5 == 0 ? "k" + i : "k", texts, numbers, false));
    }
    RowBatch batch = new RowBatch(rows);
    assertThat(CoderUtils.clone(CODER, batch), is(batch));
    // Keys with one hash code ("Aa" and "BB") are still two keys.
    List<Row> colliding = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      colliding.add(new Row(i, i, i == 7 ? "BB" : "Aa", new String[1], new double[] {i}, false));
    }
    RowBatch collidingBatch = new RowBatch(colliding);
    assertThat(CoderUtils.clone(CODER, collidingBatch), is(collidingBatch));
  }

  @Test
  public void aDamagedBatchIsACoderErrorOrAnotherBatch() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int size : new int[] {2, 3, 40, 90}) {
      byte[] bytes = CoderUtils.encodeToByteArray(CODER, randomBatch(random, size));
      for (int at = 1; at < bytes.length; at++) {
        byte[] damaged = bytes.clone();
        damaged[at] ^= (byte) (1 << random.nextInt(8));
        decodeOrCoderError(damaged);
        damaged[at] = (byte) 0xFF;
        decodeOrCoderError(damaged);
        decodeOrCoderError(Arrays.copyOf(bytes, at));
      }
    }
  }

  /** Decodes, or fails with an {@link IOException}: never another exception. */
  private static void decodeOrCoderError(byte[] bytes) {
    try {
      CODER.decode(new ByteArrayInputStream(bytes));
    } catch (IOException expected) {
      // CoderException, or EOF when the length prefix claims more than there is
    }
  }

  @Test
  public void leftoverBytesAfterABatchAreACoderError() throws Exception {
    for (int size : new int[] {1, 10}) {
      RowBatch batch = randomBatch(new SplittableRandom(5), size);
      Blob.Writer block = new Blob.Writer(16);
      RowBatchWriter.write(batch, block);
      block.writeByte(0);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      block.writeTo(out);
      assertThrows(
          CoderException.class, () -> CODER.decode(new ByteArrayInputStream(out.toByteArray())));
    }
  }

  private static RowBatch randomBatch(SplittableRandom random, int size) {
    boolean oneKey = random.nextInt(5) > 0;
    boolean oneWidth = random.nextInt(5) > 0;
    int width = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(12);
    int keyColumn = width > 1 ? 1 : -1;
    // Per column how cells are drawn: all numbers, all texts, all missing, some of each.
    int[] style = new int[16];
    for (int c = 0; c < style.length; c++) {
      style[c] = random.nextInt(6);
    }
    boolean someLate = random.nextBoolean();
    long line = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1000);
    long micros = random.nextLong(-(1L << 55), 1L << 55);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      // A fresh instance per row, as the parser makes them.
      String key = new String((oneKey ? "dévice-1" : "k" + random.nextInt(4)).toCharArray());
      int w = oneWidth ? width : random.nextInt(14);
      String[] texts = new String[w];
      double[] numbers = new double[w];
      for (int c = 0; c < w; c++) {
        numbers[c] = Double.NaN;
        if (c == keyColumn && style[c] != 2) {
          texts[c] = key;
          continue;
        }
        int kind = style[c] < 3 ? style[c] : random.nextInt(3);
        if (kind == 0) {
          numbers[c] = number(random);
        } else if (kind == 1) {
          texts[c] = text(random);
        } else if (random.nextBoolean()) {
          numbers[c] = Double.longBitsToDouble(0x7ff8_0000_0000_0000L | random.nextInt(1 << 20));
        }
      }
      line += random.nextInt(10) == 0 ? random.nextLong() : random.nextInt(-2, 40);
      micros += random.nextInt(10) == 0 ? -random.nextInt(1 << 30) : random.nextInt(1 << 23);
      boolean late = someLate && random.nextInt(4) == 0;
      rows.add(new Row(line, micros, key, texts, numbers, late));
    }
    return new RowBatch(rows);
  }

  private static double number(SplittableRandom random) {
    switch (random.nextInt(8)) {
      case 0:
        return -0.0;
      case 1:
        return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2:
        return random.nextInt(100);
      case 3:
        double any = Double.longBitsToDouble(random.nextLong());
        return Double.isNaN(any) ? Double.MIN_VALUE : any;
      default:
        return random.nextGaussian() * 1e3;
    }
  }

  private static String text(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return "ü-" + random.nextInt(1_000_000) + "-\uD83D\uDE00"; // most likely unique
    }
    return new String(SHARED[random.nextInt(SHARED.length)].toCharArray());
  }

  /** An equal batch: new instances of every text and key, another NaN in each missing cell. */
  private static RowBatch copy(RowBatch batch, SplittableRandom random) {
    List<Row> rows = new ArrayList<>();
    for (Row row : batch.rows()) {
      String[] texts = new String[row.size()];
      double[] numbers = new double[row.size()];
      for (int c = 0; c < row.size(); c++) {
        texts[c] = row.text(c) == null ? null : new String(row.text(c).toCharArray());
        numbers[c] =
            row.isMissing(c) || row.text(c) != null
                ? Double.longBitsToDouble(0xfff0_0000_0000_0001L + random.nextInt(1 << 30))
                : row.number(c);
      }
      String key = new String(row.key().toCharArray());
      rows.add(new Row(row.line(), row.eventTimeMicros(), key, texts, numbers, row.late()));
    }
    return new RowBatch(rows);
  }
}
