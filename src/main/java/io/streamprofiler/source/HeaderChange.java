package io.streamprofiler.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of the input whose header differs from the first file's, found before the run starts. The
 * run says so on standard error and in {@code run-summary.json}, since a key that appears in only
 * one of the files gets no schema alert of its own.
 *
 * @param file the file with the other header
 * @param against the first file, whose header is the reference
 * @param adds its columns the first file does not have, in its order
 * @param lacks the first file's columns it does not have, in their order
 * @param rejected why every row of the file is rejected, or null when its rows are read under its
 *     own header
 */
public record HeaderChange(
    String file, String against, List<String> adds, List<String> lacks, String rejected)
    implements Serializable {

  public HeaderChange {
    adds = List.copyOf(adds);
    lacks = List.copyOf(lacks);
  }

  /** What a file's header adds to and lacks of the first file's header. */
  static HeaderChange between(
      String file, List<String> header, String against, List<String> first, String rejected) {
    List<String> adds = new ArrayList<>(header);
    adds.removeAll(first);
    List<String> lacks = new ArrayList<>(first);
    lacks.removeAll(header);
    return new HeaderChange(file, against, adds, lacks, rejected);
  }

  /** One line for standard error. */
  public String warning() {
    if (rejected != null) {
      return "input: every row of " + file + " is rejected: " + rejected;
    }
    List<String> parts = new ArrayList<>();
    if (!adds.isEmpty()) {
      parts.add("adds " + adds);
    }
    if (!lacks.isEmpty()) {
      parts.add("lacks " + lacks);
    }
    return "input: "
        + file
        + " has a different header from "
        + against
        + ": "
        + (parts.isEmpty() ? "the same columns in another order" : String.join(", ", parts))
        + "; its rows are read under its own header";
  }
}
