package io.streamprofiler.source;

import io.streamprofiler.record.ColumnMapping;
import java.io.Serializable;
import org.apache.beam.sdk.io.Compression;

/**
 * A part of a CSV file that one reader reads: records starting at byte {@code start} (on line
 * {@code firstLine}) and before byte {@code end} (-1: to the end of the file).
 *
 * @param compression a compressed file cannot be entered in the middle: it is one part
 * @param problem what is wrong with the file's header, marked on every record; null when nothing
 * @param columns how the file's fields land in the run's columns when its header is not the run's
 *     own; null when it is
 */
record FilePart(
    String resource,
    Compression compression,
    long start,
    long end,
    long firstLine,
    String problem,
    ColumnMapping columns)
    implements Serializable {}
