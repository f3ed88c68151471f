package io.streamprofiler.record;

import java.util.Locale;

/**
 * The type a user declares for a column. {@link #AUTO} (the default) lets the engine infer the type
 * per key-window; any other declaration wins over inference, and the row parser holds values to it
 * (a declared number that is not one rejects its row, with the reason).
 */
public enum ColumnType {
  AUTO,
  NUMERIC,
  BOOLEAN,
  CATEGORICAL,
  TEXT,
  DATETIME;

  /** The names users write, in the order they are listed in messages. */
  public static final String NAMES = "numeric, boolean, categorical, text, datetime or auto";

  /**
   * @throws IllegalArgumentException when {@code name} is not one of {@link #NAMES}
   */
  public static ColumnType of(String name) {
    for (ColumnType t : values()) {
      if (t.label().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a column type; choose " + NAMES);
  }

  /** The lower-case name, as written in specs and options. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
