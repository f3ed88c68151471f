package io.streamprofiler.profile;

import static org.junit.Assert.assertEquals;

import io.streamprofiler.record.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Rows compare as duplicates exactly when the texts a person reads are equal. */
public class RowCellsTest {
  // as RowParser makes them: a cell is text only when it does not read as a number
  private static final String[] TEXTS = {null, "ok", "warn", "true"};
  private static final double[] NUMBERS = {Double.NaN, 0.0, -0.0, 1.0, 1.5, 1e-7, 3.0, 21.25};

  private static Row random(Random r) {
    String[] texts = new String[3];
    double[] numbers = new double[3];
    for (int i = 0; i < 3; i++) {
      texts[i] = r.nextInt(4) == 0 ? TEXTS[r.nextInt(TEXTS.length)] : null;
      numbers[i] = texts[i] != null ? Double.NaN : NUMBERS[r.nextInt(NUMBERS.length)];
    }
    return new Row(0, 0, "k", texts, numbers);
  }

  @Test
  public void equalExactlyWhenDisplayedCellsAreEqual() {
    Random r = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(random(r));
    }
    int equalPairs = 0;
    for (Row a : rows) {
      for (Row b : rows) {
        RowCells ca = new RowCells(a, 3);
        RowCells cb = new RowCells(b, 3);
        boolean expected = ca.display().equals(cb.display());
        assertEquals(a + " vs " + b, expected, ca.equals(cb));
        if (expected) {
          equalPairs++;
          assertEquals(ca.hashCode(), cb.hashCode());
        }
      }
    }
    // the draw must produce real duplicates, or the test proves nothing
    assertEquals(true, equalPairs > rows.size());
  }
}
