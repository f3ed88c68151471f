#!/usr/bin/python3
"""The Python stack's time for the statistics of a profile, for comparison (issue 20): the same
device-hour windows of a CSV, each profiled with pandas, scipy and statsmodels as the profiler's
engine computes them (descriptive statistics, quantiles, distinct and most common values, extremes,
histograms, Pearson, Spearman and Kendall matrices, ACF and PACF to 100 lags, the ADF test,
missing values and duplicate rows), no rendering and no files written. Not part of the build.

    /usr/bin/python3 bench/python_stats.py target/bench/telemetry-405184-3.csv

Prints the windows profiled and the wall seconds (reading included), as bench/run.sh times the jar.
Debian's python3-pandas, python3-scipy and python3-statsmodels.
"""
import sys
import time
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.stattools import acf, adfuller, pacf

warnings.filterwarnings("ignore")


def profile(frame):
    out = {}
    numeric = frame.select_dtypes(include="number").drop(columns=["ts"])
    for c in frame.columns:
        s = frame[c]
        out[c] = {"n_missing": int(s.isna().sum()), "n_distinct": int(s.nunique()),
                  "top": s.value_counts().head(10).to_dict()}
    for c in numeric.columns:
        s = numeric[c].dropna()
        out[c].update(
            mean=s.mean(), std=s.std(), min=s.min(), max=s.max(), sum=s.sum(),
            skew=s.skew(), kurt=s.kurt(), mad=(s - s.median()).abs().median(),
            quantiles=s.quantile([0.05, 0.25, 0.5, 0.75, 0.95]).tolist(),
            histogram=np.histogram(s, bins=min(50, max(1, s.nunique())))[0].tolist(),
            smallest=s.value_counts().sort_index().head(10).to_dict(),
            largest=s.value_counts().sort_index(ascending=False).head(10).to_dict(),
            monotonic=s.is_monotonic_increasing,
        )
        if len(s) > 4 and s.nunique() > 1:
            lags = min(100, len(s) // 2 - 1)
            out[c]["acf"] = acf(s, nlags=lags, fft=True)
            out[c]["pacf"] = pacf(s, nlags=lags)
            out[c]["adf"] = adfuller(s, autolag="AIC")[:2]
    for method in ("pearson", "spearman", "kendall"):
        out["_" + method] = numeric.corr(method=method)
    out["_duplicates"] = int(frame.duplicated().sum())
    return out


def main(path):
    start = time.time()
    frame = pd.read_csv(path, float_precision="round_trip")
    frame["hour"] = (frame["ts"] // 3600).astype("int64")
    windows = 0
    for _, group in frame.groupby(["device", "hour"]):
        profile(group.drop(columns=["hour"]).sort_values("ts"))
        windows += 1
    print(f"{windows} windows in {time.time() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1])
