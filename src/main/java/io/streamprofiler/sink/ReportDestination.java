package io.streamprofiler.sink;

import io.streamprofiler.render.IndexEntry;
import java.io.Serializable;

/**
 * A FileIO destination: the relative path of one report file and its index entry. Carrying the
 * entry through the write lets the index list a report only once its file exists.
 */
public record ReportDestination(String path, IndexEntry entry) implements Serializable {}
