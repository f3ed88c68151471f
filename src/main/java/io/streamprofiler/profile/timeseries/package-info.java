/**
 * Time-series statistics of one numeric column (ACF/PACF, ADF test, FFT seasonality, time gaps),
 * plain Java, exact against statsmodels/ydata-profiling.
 */
package io.streamprofiler.profile.timeseries;
