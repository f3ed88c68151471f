/**
 * Where rows come from: files read in order (bounded), replayed as a stream (unbounded), or Kafka.
 */
package io.streamprofiler.source;
