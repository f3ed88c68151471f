/**
 * Schema, typed rows and their coder, CSV and timestamp parsing, durations: no Beam logic beyond
 * the coder.
 */
package io.streamprofiler.record;
