/** The Beam graph: options, named composite transforms, windowing, triggers and row accounting. */
package io.streamprofiler.pipeline;
