package io.streamprofiler.profile.timeseries;

/**
 * One gap between consecutive non-missing observations.
 *
 * @param startMicros event time of the observation before the gap, epoch microseconds
 * @param endMicros event time of the observation after the gap, epoch microseconds
 */
public record Gap(long startMicros, long endMicros) {}
