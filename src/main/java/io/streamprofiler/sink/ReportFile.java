package io.streamprofiler.sink;

import java.io.Serializable;

/** One file to write under the output directory: its relative path and its bytes. */
public record ReportFile(String path, byte[] content) implements Serializable {}
