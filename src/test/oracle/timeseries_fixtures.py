#!/usr/bin/python3
"""Expected numbers for io.streamprofiler.profile.timeseries, from an independent oracle.

Run with Debian's python3 (pandas 1.5, scipy 1.10, statsmodels 0.13):

    /usr/bin/python3 src/test/oracle/timeseries_fixtures.py

It writes src/test/resources/fixtures/timeseries/<case>.json with the input series (floats written
with repr, so they read back bit for bit) and what statsmodels / pandas give for it:
acf(x, nlags, fft=True, adjusted=False), pacf(x, nlags) (default "ywadjusted"),
Series.autocorr(lag) and adfuller(x, autolag="AIC", regression="c"). nlags is
min(100, n // 2 - 1) floored at 0, as the profiler uses. A call that raises is stored as null, and
so is every NaN.

Seasonality: ydata-profiling is not installable here, so "seasonality_reference" is this script's
own reading of its FFT test (numpy FFT power in dB, scipy.signal.find_peaks(threshold=0.1),
median + 6 * mean-abs-deviation outlier cut, 1 % harmonic filter). It cross-checks the Java
spectrum and peak picking; the Java tests also check behaviour (sine seasonal, noise not).

Not part of the build; inputs are seeded, so reruns give the same files.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
from scipy.signal import find_peaks
from statsmodels.tsa.stattools import acf, adfuller, pacf

warnings.simplefilter("ignore")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "timeseries")
AUTOCORR_LAGS = [1, 2, 7, 12, 24]


def clean(v):
    """NaN/inf -> None, numpy scalars -> Python, recursively."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        v = float(v)
        return v if np.isfinite(v) else None
    return v


def guarded(fn):
    try:
        return fn()
    except Exception:  # statsmodels raises on degenerate input; the fixture records "undefined"
        return None


def seasonality_reference(x):
    n = len(x)
    spectrum = np.abs(np.fft.fft(np.asarray(x, dtype=float))) ** 2
    k = np.arange(1, (n - 1) // 2 + 1)
    freq = k * (1.0 / n)
    with np.errstate(divide="ignore"):
        db = 10 * np.log10(spectrum[k])
    positive = db[db > 0]
    if len(positive) == 0:
        return {"seasonal": False, "periods": []}
    med = np.median(positive)
    upper = positive[positive > med]
    if len(upper) == 0:
        return {"seasonal": False, "periods": []}
    cut = med + 6 * np.mean(np.abs(upper - upper.mean()))
    idx, _ = find_peaks(db, threshold=0.1)
    idx = [i for i in idx if db[i] > cut]
    dropped = set()
    for a in range(len(idx)):
        for b in range(a + 1, len(idx)):
            r = (freq[idx[b]] / freq[idx[a]]) % 1
            if r < 0.01 or r > 0.99:
                dropped.add(b)
    periods = [1 / freq[idx[i]] for i in range(len(idx)) if i not in dropped]
    return {"seasonal": len(periods) > 0, "periods": periods}


def expected(name, x, note):
    x = np.asarray(x, dtype=float)
    n = len(x)
    nlags = max(0, min(100, n // 2 - 1))
    s = pd.Series(x)
    adf = guarded(lambda: adfuller(x, autolag="AIC", regression="c"))
    if adf is not None:
        adf = {"statistic": adf[0], "pvalue": adf[1], "usedlag": adf[2], "nobs": adf[3],
               "critical": adf[4]}
    return clean({
        "name": name,
        "note": note,
        "n": n,
        "nlags": nlags,
        "x": x.tolist(),
        "acf": guarded(lambda: acf(x, nlags=nlags, fft=True, adjusted=False)),
        "pacf": guarded(lambda: pacf(x, nlags=nlags)),
        "autocorr_at": {str(l): s.autocorr(l) for l in AUTOCORR_LAGS},
        "adf": adf,
        "seasonality_reference": seasonality_reference(x) if n > 0 else None,
    })


def cases():
    rs = np.random.RandomState(20240712)
    t = np.arange(500)
    yield "sine24", np.sin(2 * np.pi * t / 24) + 0.1 * rs.randn(500), \
        "sine of period 24 samples plus N(0, 0.1^2) noise: seasonal"
    inc = rs.randn(400)
    for i in range(1, 400):
        inc[i] += 0.5 * inc[i - 1]
    yield "random_walk", np.cumsum(inc), \
        "random walk with AR(1) increments (phi=0.5): ADF should not reject a unit root"
    yield "white_noise", rs.randn(300), "i.i.d. N(0,1): stationary, not seasonal"
    yield "short2", rs.randn(2), "n=2: too short for ADF (null), nlags 0"
    yield "short10", rs.randn(10), "n=10: small-sample paths"
    yield "constant", np.full(50, 3.0), "constant: ACF NaN, PACF raises (null), ADF NaN statistic"
    e = rs.randn(771)
    arma = np.zeros(771)
    for i in range(1, 771):
        arma[i] = 0.6 * arma[i - 1] + e[i] - 0.8 * e[i - 1]
    yield "arma_771", arma, "ARMA(1,1) phi=0.6 theta=-0.8, n=771: maxlag = 20, AIC picks several lags"
    e = rs.randn(3600)
    ar2 = np.zeros(3600)
    for i in range(2, 3600):
        ar2[i] = 0.5 * ar2[i - 1] + 0.3 * ar2[i - 2] + e[i]
    yield "ar2_3600", 1000.0 + 0.001 * ar2, \
        "AR(2) scaled by 1e-3 around 1000, n=3600: maxlag 30, large offset tests conditioning"


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, x, note in cases():
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(expected(name, x, note), f, indent=1, allow_nan=False)
            f.write("\n")


if __name__ == "__main__":
    main()
