/**
 * Per-column descriptive statistics (numeric, text, duplicate rows), plain Java, matching
 * pandas/numpy/scipy definitions.
 */
package io.streamprofiler.profile.stats;
