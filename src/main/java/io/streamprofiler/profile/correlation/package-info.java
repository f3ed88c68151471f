/**
 * Correlation matrices of one key-window (Pearson, Spearman, Kendall, Cramér's V, ydata's "auto"),
 * plain Java, exact against pandas 1.5 / scipy 1.10.
 */
package io.streamprofiler.profile.correlation;
