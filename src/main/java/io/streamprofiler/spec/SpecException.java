package io.streamprofiler.spec;

/**
 * A pipeline spec that cannot run, said in one line naming the file, the line and the field: {@code
 * pipelines/x.yaml:12: window.size: "1 hour" is not a duration; write 1h or PT1H}.
 */
public final class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
