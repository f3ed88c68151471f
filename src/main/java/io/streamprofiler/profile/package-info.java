/**
 * The profiling engine, plain Java with no Beam types: rows of one key-window in, an immutable
 * Profile out.
 */
package io.streamprofiler.profile;
