package io.streamprofiler.profile.stats;

/** One distinct value and how many times it occurs (count &gt;= 1). */
public record ValueCount<T>(T value, long count) {}
