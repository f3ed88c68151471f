package io.streamprofiler.render;

/**
 * One report file for the index page.
 *
 * @param key the key the report profiles, as in the data
 * @param windowStart ISO-8601 instant the window starts at
 * @param windowEnd ISO-8601 instant the window ends at (exclusive)
 * @param paneIndex the revision: 0 for a window's first firing, then 1, 2, ...
 * @param timing EARLY, ON_TIME or LATE
 * @param isLast whether the pane is the window's final revision
 * @param alertCount how many alerts the profile has
 * @param rows how many rows the profile covers
 * @param href the report's path relative to the index page
 */
public record IndexEntry(
    String key,
    String windowStart,
    String windowEnd,
    long paneIndex,
    String timing,
    boolean isLast,
    int alertCount,
    long rows,
    String href)
    implements java.io.Serializable {}
