package io.streamprofiler.source;

import java.io.Serializable;
import org.apache.beam.sdk.io.Compression;

/**
 * A part of a CSV file that one reader reads: records starting at byte {@code start} (on line
 * {@code firstLine}) and before byte {@code end} (-1: to the end of the file).
 *
 * @param compression a compressed file cannot be entered in the middle: it is one part
 * @param problem what is wrong with the file's header, marked on every record; null when nothing
 */
record FilePart(
    String resource, Compression compression, long start, long end, long firstLine, String problem)
    implements Serializable {}
