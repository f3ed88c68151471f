package io.streamprofiler.profile.correlation;

import java.util.List;
import java.util.Objects;

/**
 * A symmetric correlation matrix over named columns: {@code matrix[i][j]} is the coefficient of
 * {@code columns.get(i)} with {@code columns.get(j)}.
 *
 * <p>An entry is {@link Double#NaN} where the coefficient is undefined (too few complete rows, a
 * column constant on the complete rows, ...); the JSON writer turns NaN into {@code null}. The
 * arrays are not copied: treat the record as read-only once built.
 *
 * @param columns column names, in matrix order
 * @param matrix square, {@code columns.size()} rows of {@code columns.size()} entries
 */
public record CorrelationMatrix(List<String> columns, double[][] matrix) {

  /** Checks the matrix is square and matches the column names. */
  public CorrelationMatrix {
    columns = List.copyOf(columns);
    Objects.requireNonNull(matrix, "matrix");
    if (matrix.length != columns.size()) {
      throw new IllegalArgumentException(
          "matrix has " + matrix.length + " rows for " + columns.size() + " columns");
    }
    for (double[] row : matrix) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException("matrix is not square");
      }
    }
  }

  /** The coefficient of two columns by name; NaN where undefined. */
  public double get(String a, String b) {
    int i = columns.indexOf(a);
    int j = columns.indexOf(b);
    if (i < 0 || j < 0) {
      throw new IllegalArgumentException("unknown column: " + (i < 0 ? a : b));
    }
    return matrix[i][j];
  }
}
