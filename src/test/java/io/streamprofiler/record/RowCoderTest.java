package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

public class RowCoderTest {
  @Test
  public void roundTripsEveryKindOfValue() throws Exception {
    Row row =
        new Row(
            42,
            -5L,
            "dévice \"1\"",
            new String[] {null, "text", null, null},
            new double[] {1.5, Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY});
    Row back = CoderUtils.clone(RowCoder.of(), row);
    assertThat(back, is(row));
    assertThat(back.isMissing(2), is(true));
    assertThat(back.number(3), is(Double.NEGATIVE_INFINITY));
  }

  @Test
  public void aBatchWritesEachTextOnceAndComesBackEqual() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(
          new Row(
              i + 2,
              1_594_512_000_000_000L + i * 5_100_000L,
              "b8:27:eb:bf:9d:51",
              new String[] {null, i % 2 == 0 ? "true" : "false", i % 7 == 0 ? "été " + i : null},
              new double[] {i * 0.25, Double.NaN, i % 7 == 0 ? Double.NaN : i}));
    }
    RowBatch batch = new RowBatch(rows);
    byte[] bytes = CoderUtils.encodeToByteArray(RowBatchCoder.of(), batch);
    assertThat(CoderUtils.decodeFromByteArray(RowBatchCoder.of(), bytes), is(batch));
    int perRowAlone = CoderUtils.encodeToByteArray(RowCoder.of(), rows.get(1)).length;
    assertThat(
        "the key and booleans are not repeated", bytes.length, lessThan(perRowAlone * 500 * 3 / 4));
  }

  @Test
  public void aTruncatedBatchIsACoderErrorNotAHugeAllocation() throws Exception {
    RowBatch batch = RowBatch.of(new Row(1, 0, "k", new String[] {"x"}, new double[] {Double.NaN}));
    byte[] bytes = CoderUtils.encodeToByteArray(RowBatchCoder.of(), batch);
    byte[] lying = bytes.clone();
    lying[1] = (byte) 0x7F; // the batch claims 127 rows in a block of a dozen bytes
    assertThrows(
        CoderException.class, () -> RowBatchCoder.of().decode(new ByteArrayInputStream(lying)));
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(IOException.class, () -> RowBatchCoder.of().decode(new ByteArrayInputStream(cut)));
  }
}
