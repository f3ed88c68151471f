/** Profile values to JSON and self-contained HTML; reads profiles, computes nothing. */
package io.streamprofiler.render;
