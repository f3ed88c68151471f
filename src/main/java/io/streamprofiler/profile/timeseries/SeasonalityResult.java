package io.streamprofiler.profile.timeseries;

/**
 * Outcome of the FFT seasonality test.
 *
 * @param seasonal true when at least one spectral peak survives the outlier threshold and the
 *     harmonic filter
 * @param periods periods of the surviving peaks in samples ({@code n / k} for DFT bin k), by
 *     ascending frequency (descending period); empty when not seasonal. Shared array: do not
 *     modify.
 */
public record SeasonalityResult(boolean seasonal, double[] periods) {}
