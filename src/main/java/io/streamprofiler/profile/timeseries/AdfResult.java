package io.streamprofiler.profile.timeseries;

/**
 * Augmented Dickey-Fuller test outcome, as statsmodels {@code adfuller(x, autolag="AIC",
 * regression="c")} reports it.
 *
 * @param statistic tau statistic: t-value of the lagged level in the chosen regression; NaN when
 *     the lagged level is collinear with the constant (constant series)
 * @param pvalue MacKinnon (1994) approximate p-value in [0, 1]; NaN when the statistic is NaN
 * @param usedlag number of lagged differences chosen by AIC
 * @param nobs observations in the final regression ({@code n - 1 - usedlag})
 * @param critical1 MacKinnon (2010) 1 % critical value for {@code nobs}
 * @param critical5 5 % critical value
 * @param critical10 10 % critical value
 */
public record AdfResult(
    double statistic,
    double pvalue,
    int usedlag,
    int nobs,
    double critical1,
    double critical5,
    double critical10) {}
