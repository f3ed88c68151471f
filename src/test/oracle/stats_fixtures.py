#!/usr/bin/python3
"""Independent oracle for io.streamprofiler.profile.stats: builds deterministic input columns and writes them,
with the statistics pandas 1.5 / numpy / scipy compute for them, to src/test/resources/fixtures/stats/*.json.

Not run by the build. Regenerate with Debian's python3-pandas / python3-scipy:
    /usr/bin/python3 src/test/oracle/stats_fixtures.py

Conventions (documented in the Java classes too):
- numeric statistics that compute with values use the finite values only; counts, distinct/unique, extremes,
  most-common and monotonic use every non-missing value, infinities included;
- ties among most-common values (and duplicated rows) are broken by first occurrence;
- in the JSON, undefined numbers are null; input infinities are the tokens Infinity / -Infinity, missing is null.
"""
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
from scipy.stats import chisquare, entropy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "stats")
CSV = os.path.join(ROOT, "data", "iot_telemetry_data_1000.csv")
QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]
TOP = 10


def num(x):
    """A JSON-safe float: NaN -> None; numpy scalars -> Python."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def counts_first_seen(values):
    """Distinct values in order of first occurrence with their counts (dict keys merge 0.0 and -0.0)."""
    out = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def most_common(counts):
    return sorted(counts.items(), key=lambda kv: -kv[1])[:TOP]  # stable: ties stay in first-seen order


def monotonic(series):
    inc, dec, uniq = series.is_monotonic_increasing, series.is_monotonic_decreasing, series.is_unique
    if inc and uniq:
        return 2
    if dec and uniq:
        return -2
    if inc:
        return 1
    if dec:
        return -1
    return 0


def numeric_expected(values):
    s_all = pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    s = s_all.dropna()
    finite = s[np.isfinite(s.values)]
    fv = finite.values
    n = len(s_all)
    count = len(s)
    vc = s.value_counts()
    n_distinct = int(len(vc))
    n_unique = int((vc == 1).sum())
    n_negative = int((s < 0).sum())
    n_infinite = int(np.isinf(s.values).sum())
    n_zeros = int((s == 0).sum())
    mean = finite.mean()
    std = finite.std()
    q = finite.quantile(QUANTILES) if len(finite) else pd.Series([np.nan] * 5, index=QUANTILES)
    mad = np.median(np.abs(fv - np.median(fv))) if len(fv) else np.nan
    if len(fv):
        edges = np.histogram_bin_edges(fv, bins=min(50, n_distinct))
        hist_counts, hist_edges = np.histogram(fv, bins=edges)
        histogram = {"edges": [float(e) for e in hist_edges], "counts": [int(c) for c in hist_counts]}
    else:
        histogram = {"edges": [], "counts": []}
    first_seen = counts_first_seen([float(v) for v in s.values])
    keys = sorted(first_seen)
    return {
        "n": n, "count": count, "n_missing": n - count, "p_missing": num((n - count) / n) if n else None,
        "n_distinct": n_distinct, "p_distinct": num(n_distinct / count) if count else None,
        "n_unique": n_unique, "p_unique": num(n_unique / count) if count else None,
        "is_unique": bool(n_unique == count),
        "n_negative": n_negative, "p_negative": num(n_negative / n) if n else None,
        "n_infinite": n_infinite, "p_infinite": num(n_infinite / n) if n else None,
        "n_zeros": n_zeros, "p_zeros": num(n_zeros / n) if n else None,
        "mean": num(mean), "std": num(std), "variance": num(finite.var()),
        "min": num(finite.min()), "max": num(finite.max()), "range": num(finite.max() - finite.min()),
        "sum": num(finite.sum()), "skewness": num(finite.skew()), "kurtosis": num(finite.kurt()),
        "mad": num(mad),
        "5%": num(q[0.05]), "25%": num(q[0.25]), "50%": num(q[0.5]), "75%": num(q[0.75]), "95%": num(q[0.95]),
        "iqr": num(q[0.75] - q[0.25]), "cv": num(std / mean) if mean else None,
        "monotonic": monotonic(s),
        "histogram": histogram,
        "smallest": [[k, first_seen[k]] for k in keys[:TOP]],
        "largest": [[k, first_seen[k]] for k in keys[::-1][:TOP]],
        "most_common": [[k, c] for k, c in most_common(first_seen)],
    }


def text_expected(values, as_boolean=False):
    s_all = pd.Series(values, dtype="object")
    s = s_all.dropna()
    if as_boolean:
        tokens = {"true": True, "t": True, "yes": True, "y": True, "false": False, "f": False, "no": False, "n": False}
        s = s.map(lambda t: tokens[t.strip().lower()]).astype(bool)
    s = s.astype(str).str.lower() if as_boolean else s.astype(str)
    n, count = len(s_all), len(s)
    vc = s.value_counts()
    k = len(vc)
    lengths = s.str.len().values
    if k > 1:
        imbalance = 1 - (entropy(vc.values, base=2) / np.log2(k))
    elif k == 1:
        imbalance = 0.0
    else:
        imbalance = np.nan
    if k:
        chi = chisquare(vc.values)
        stat, pvalue = chi.statistic, chi.pvalue
    else:
        stat, pvalue = np.nan, np.nan
    first_seen = counts_first_seen(list(s.values))
    return {
        "n": n, "count": count, "n_missing": n - count,
        "n_distinct": int(k), "n_unique": int((vc == 1).sum()), "is_unique": bool((vc == 1).sum() == count),
        "imbalance": num(imbalance),
        "min_length": int(lengths.min()) if count else -1, "max_length": int(lengths.max()) if count else -1,
        "mean_length": num(np.mean(lengths)) if count else None,
        "median_length": num(np.median(lengths)) if count else None,
        "chi_squared": num(stat), "chi_squared_pvalue": num(pvalue),
        "most_common": [[k_, c] for k_, c in most_common(first_seen)],
    }


def duplicates_expected(rows, columns):
    df = pd.DataFrame(rows, columns=columns, dtype="object")
    dup_mask = df.duplicated(keep=False)
    n_duplicates = int(df.duplicated().sum())
    # counts of each duplicated row, ordered by count then first occurrence
    groups = {}
    for row in df[dup_mask].itertuples(index=False):
        key = tuple(None if (v is None or (isinstance(v, float) and math.isnan(v))) else v for v in row)
        groups[key] = groups.get(key, 0) + 1
    # cross-check the group sizes with pandas' own groupby (dropna=False keeps missing keys)
    sizes = df[dup_mask].groupby(columns, dropna=False).size()
    assert sorted(sizes.values.tolist()) == sorted(groups.values()), (sizes, groups)
    return {
        "n": len(df), "n_duplicates": n_duplicates, "p_duplicates": num(n_duplicates / len(df)) if len(df) else None,
        "n_duplicated_row_groups": len(groups),
        "most_frequent": [[list(k), c] for k, c in most_common(groups)],
    }


def numeric_cases():
    rng = np.random.default_rng(20240712)
    cases = {}
    cases["constant"] = [3.5] * 20
    cases["one_value"] = [7.25]
    cases["two_values"] = [1.0, 2.5]
    cases["three_values"] = [1.0, 2.5, 2.0]
    cases["binary_column"] = [float(x) for x in rng.integers(0, 2, 40)]
    miss = [round(float(x), 3) for x in rng.normal(10, 2, 60)]
    for i in (0, 7, 8, 30, 59):
        miss[i] = None
    cases["with_missing"] = miss
    cases["all_missing"] = [None, None, None]
    inf = [float(x) for x in rng.normal(0, 1, 50)]
    inf[3], inf[17], inf[40], inf[41] = math.inf, -math.inf, math.inf, None
    cases["with_infinities"] = inf
    cases["only_infinities"] = [math.inf, -math.inf, math.inf]
    cases["heavy_ties"] = [float(x) for x in rng.integers(0, 5, 500)]
    cases["heavy_ties_decimals"] = [float(x) / 10 for x in rng.poisson(3, 300)]
    neg = [float(x) for x in rng.integers(-3, 4, 80)]
    neg[5], neg[6] = -0.0, -2.75
    cases["negatives_and_zeros"] = neg
    cases["zero_mean"] = [-2.0, -1.0, 0.0, 1.0, 2.0, -1.0, 1.0]
    cases["strictly_decreasing"] = [float(x) for x in np.linspace(100, -5, 37)]
    cases["strictly_increasing"] = [float(x) for x in np.cumsum(rng.uniform(0.1, 1.0, 45))]
    cases["increasing_with_ties"] = [float(x) for x in np.sort(rng.integers(0, 20, 64))]
    cases["decreasing_with_ties"] = [float(x) for x in np.sort(rng.integers(0, 8, 25))[::-1]]
    cases["lognormal_skewed"] = [float(x) for x in rng.lognormal(0, 1.2, 1000)]
    cases["large_offset"] = [float(x) for x in 1e6 + rng.normal(0, 1e-3, 3600)]
    cases["tiny_scale_fperr"] = [float(x) for x in 1e-3 + rng.normal(0, 1e-6, 200)]
    cases["big_magnitude"] = [float(x) for x in rng.normal(1e12, 3e11, 257)]
    cases["histogram_edges_ties"] = [0.1, 0.2, 0.3, 0.3, 0.7, 0.9, 1.0, 1.0, 0.1 + 0.2]
    return cases


def text_cases():
    rng = np.random.default_rng(7)
    cats = ["alpha", "beta", "gamma", "é", "ümlaut ñ", "x", ""]
    picks = [cats[i] for i in rng.integers(0, len(cats), 200)]
    picks[3] = None
    picks[50] = None
    tied = ["b", "a", "c", "a", "b", "c", "dd", None, "eee", "dd"]
    text = [f"sensor reading {i:03d}" for i in range(40)]
    df = pd.read_csv(CSV, float_precision="round_trip", dtype={"light": str, "motion": str})
    return {
        "categorical_random": (picks, False),
        "categorical_ties": (tied, False),
        "one_category": (["only"] * 12 + [None], False),
        "no_values": ([None, None], False),
        "text_unique": (text, False),
        "emoji_lengths": (["\U0001F600", "a\U0001F600b", "abc", "abc", "\U0001F600"], False),
        "boolean_tokens": (["true", "False", "YES", "n", None, "t", "y", "no", "f", "TRUE", "true"], True),
        "sample_light": (df["light"].tolist(), True),
        "sample_device": (df["device"].tolist(), False),
    }


def duplicate_cases():
    rows = [
        ["a", "1", "x"], ["b", "2", None], ["a", "1", "x"], ["c", "3", "z"], ["b", "2", None],
        ["a", "1", "x"], ["d", None, None], ["d", None, None], ["e", "5", "w"], ["c", "3", "y"],
        ["b", "2", None], ["f", "6", "v"], ["f", "6", "v"], [None, None, None], [None, None, None],
    ]
    cols = ["k", "v", "t"]
    df = pd.read_csv(CSV, float_precision="round_trip", dtype=str)
    sample = df[["device", "light", "motion"]].values.tolist()
    return {
        "mixed_with_missing": (rows, cols),
        "no_duplicates": ([["1", "a"], ["2", "a"], ["1", "b"]], ["p", "q"]),
        "all_same": ([["x", "y"]] * 6, ["p", "q"]),
        "sample_device_light_motion": (sample, ["device", "light", "motion"]),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"pandas": pd.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
            "generator": "src/test/oracle/stats_fixtures.py"}
    numeric = [{"name": k, "values": v, "expected": numeric_expected(v)} for k, v in numeric_cases().items()]
    text = [{"name": k, "values": v, "boolean": b, "expected": text_expected(v, b)}
            for k, (v, b) in text_cases().items()]
    dups = [{"name": k, "columns": c, "rows": r, "expected": duplicates_expected(r, c)}
            for k, (r, c) in duplicate_cases().items()]
    for name, cases in (("numeric", numeric), ("text", text), ("duplicates", dups)):
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"computed_with": meta, "cases": cases}, f, indent=1, ensure_ascii=False, allow_nan=True)
            f.write("\n")
        print(name, len(cases), "cases")


if __name__ == "__main__":
    main()
