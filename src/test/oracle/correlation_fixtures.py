#!/usr/bin/python3
"""Independent oracle for the correlation fixtures (not run by the build).

Writes deterministic inputs and the numbers pandas 1.5 / scipy 1.10 give for them to
src/test/resources/fixtures/correlation/*.json. Run from the repository root with Debian's
/usr/bin/python3 (python3-pandas 1.5.3, python3-scipy 1.10.1):

    /usr/bin/python3 src/test/oracle/correlation_fixtures.py

Encoding: a numeric input value is a JSON number, null for NaN, or the strings "Infinity" /
"-Infinity"; a categorical input value is a string or null (missing). An expected number is
null where pandas gives NaN.

Cramér's V and the "auto" matrix follow ydata-profiling's definitions (pairwise crosstab with
missing dropped, scipy chi2_contingency(correction=True), the Bergsma bias correction, numerics
cut into 10 equal-width bins by pd.cut(labels=False, duplicates="drop"), Spearman between two
numerics); ydata-profiling itself is not installable here, so those steps are written out below.
"""
import itertools
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
from scipy import stats

OUT = os.path.join("src", "test", "resources", "fixtures", "correlation")


def enc_num(v):
    v = float(v)
    if math.isnan(v):
        return None
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def enc_matrix(df):
    return [[None if (isinstance(x, float) and math.isnan(x)) else float(x) for x in row]
            for row in df.to_numpy(dtype=float)]


def numeric_case(name, df, note):
    """pearson/spearman/kendall as DataFrame.corr gives them.

    'expected' is pandas on the data with +-Infinity replaced by NaN (the documented Java
    contract: infinities are missing); 'pandas_raw' is pandas on the data as given.
    """
    clean = df.replace([np.inf, -np.inf], np.nan)
    case = {
        "name": name,
        "note": note,
        "columns": list(df.columns),
        "data": {c: [enc_num(v) for v in df[c]] for c in df.columns},
        "expected": {m: enc_matrix(clean.corr(method=m)) for m in ("pearson", "spearman", "kendall")},
    }
    if not clean.equals(df):
        case["pandas_raw"] = {m: enc_matrix(df.corr(method=m)) for m in ("pearson", "spearman", "kendall")}
    return case


def cramers_pair(a, b):
    """ydata-profiling's bias-corrected Cramér's V of two Series; None for an empty crosstab."""
    table = pd.crosstab(a, b)  # drops rows where either side is missing
    if table.empty:
        return None
    chi2 = stats.chi2_contingency(table, correction=True)[0]
    n = table.sum().sum()
    phi2 = chi2 / n
    r, k = table.shape
    with np.errstate(divide="ignore", invalid="ignore"):
        phi2corr = max(0.0, phi2 - ((k - 1.0) * (r - 1.0)) / (n - 1.0))
        rcorr = r - ((r - 1.0) ** 2.0) / (n - 1.0)
        kcorr = k - ((k - 1.0) ** 2.0) / (n - 1.0)
        rkcorr = min((kcorr - 1.0), (rcorr - 1.0))
        if rkcorr == 0.0:
            return 1.0
        return float(np.sqrt(phi2corr / rkcorr))


def cramers_matrix(df):
    names = sorted(df.columns)
    m = np.eye(len(names))
    for i, j in itertools.combinations(range(len(names)), 2):
        v = cramers_pair(df[names[i]], df[names[j]])
        m[i, j] = m[j, i] = np.nan if v is None else v
    return names, m


def uniform_bins(s, n_bins=10):
    return pd.Series(pd.cut(s, bins=n_bins, labels=False, retbins=True, duplicates="drop")[0],
                     index=s.index)


def auto_matrix(num, cat):
    numeric = list(num.columns)
    categorical = list(cat.columns)
    df = pd.concat([num, cat], axis=1)
    binned = {c: uniform_bins(num[c]) for c in numeric}
    names = sorted(numeric + categorical)
    m = np.ones((len(names), len(names)))
    for i, j in itertools.combinations(range(len(names)), 2):
        a, b = names[i], names[j]
        if a in numeric and b in numeric:
            v = df[a].corr(df[b], method="spearman")
        else:
            ca = binned[a] if a in numeric else df[a]
            cb = binned[b] if b in numeric else df[b]
            v = cramers_pair(ca, cb)
            v = 0.0 if v is None else v  # ydata's pairwise helper returns 0 for an empty crosstab
        m[i, j] = m[j, i] = v
    return names, m, binned


def cat_case(name, df, note):
    names, m = cramers_matrix(df)
    return {
        "name": name,
        "note": note,
        "columns": list(df.columns),
        "data": {c: [None if v is None else str(v) for v in df[c]] for c in df.columns},
        "expected_columns": names,
        "expected": [[None if math.isnan(x) else float(x) for x in row] for row in m],
    }


def auto_case(name, num, cat, note):
    names, m, binned = auto_matrix(num, cat)
    return {
        "name": name,
        "note": note,
        "numeric": {c: [enc_num(v) for v in num[c]] for c in num.columns},
        "numeric_order": list(num.columns),
        "categorical": {c: [None if v is None else str(v) for v in cat[c]] for c in cat.columns},
        "categorical_order": list(cat.columns),
        "bins": {c: [None if math.isnan(v) else int(v) for v in binned[c]] for c in num.columns},
        "expected_columns": names,
        "expected": [[None if math.isnan(x) else float(x) for x in row] for row in m],
    }


def with_missing(rng, values, frac):
    v = np.array(values, dtype=float)
    v[rng.random_sample(len(v)) < frac] = np.nan
    return v


def numeric_cases():
    rng = np.random.RandomState(20240601)
    cases = []

    n = 240
    base = rng.randint(0, 4, n)
    df = pd.DataFrame({
        "a": base.astype(float),
        "b": np.clip(base + rng.randint(-1, 2, n), 0, 3).astype(float),
        "c": rng.randint(0, 4, n).astype(float),
        "d": (3 - base + rng.randint(0, 2, n)).astype(float),
    })
    cases.append(numeric_case("heavy_ties", df, "integers 0..3, heavy ties in every column"))

    n = 300
    x = rng.normal(size=n)
    df = pd.DataFrame({
        "x": with_missing(rng, np.round(x, 1), 0.15),
        "y": with_missing(rng, np.round(2 * x + rng.normal(size=n), 2), 0.25),
        "z": with_missing(rng, rng.randint(0, 6, n), 0.10),
        "w": with_missing(rng, np.exp(x) + rng.normal(scale=0.1, size=n), 0.30),
    })
    cases.append(numeric_case("missing_rows", df, "NaN in different rows per column, some ties"))

    df = pd.DataFrame({
        "x": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        "const": [7.5, 7.5, 7.5, np.nan, 7.5, 7.5],
        "y": [2.0, 1.0, 4.0, 3.0, 6.0, 5.0],
    })
    cases.append(numeric_case("constant_column", df, "a constant column: NaN rows/cols (Kendall diagonal stays 1)"))

    df = pd.DataFrame({"x": [1.5, 2.5], "y": [10.0, -3.0], "z": [0.1, 0.2]})
    cases.append(numeric_case("two_rows", df, "two rows: +-1"))

    t = np.linspace(0.1, 5.0, 50)
    df = pd.DataFrame({"t": t, "exp": np.exp(t), "negcube": -(t ** 3), "log": np.log(t)})
    cases.append(numeric_case("monotone", df, "perfectly monotone pairs"))

    df = pd.DataFrame({
        "x": [1.0, 2.0, np.inf, 4.0, 5.0, 6.0, 7.0, 8.0],
        "y": [2.0, 1.0, 3.0, -np.inf, 5.0, 7.0, 6.0, 9.0],
        "z": [0.5, 0.1, 0.3, 0.2, np.inf, 0.9, 0.7, np.nan],
    })
    cases.append(numeric_case("infinity_distinct_rows", df,
                              "+-Infinity in different rows: pandas drops them pairwise (same as the contract)"))

    df = pd.DataFrame({
        "x": [1.0, -np.inf, 3.0, 2.0, 5.0, 4.0, 7.0],
        "y": [1.5, -np.inf, 2.5, 3.5, 4.5, 6.5, 5.5],
        "z": [3.0, 1.0, 2.0, 5.0, 4.0, 7.0, 6.0],
    })
    cases.append(numeric_case("infinity_same_row", df,
                              "-Infinity in the same row of x and y: pandas' Spearman reuses whole-column "
                              "ranks that count the -Infinity, so pandas_raw spearman[x][y] differs from expected"))

    df = pd.DataFrame({
        "x": [np.nan, np.nan, 1.0, 2.0, 3.0],
        "y": [1.0, 2.0, np.nan, np.nan, 4.0],
        "z": [np.nan, np.nan, np.nan, np.nan, np.nan],
        "w": [5.0, 3.0, 4.0, 1.0, 2.0],
    })
    cases.append(numeric_case("sparse_overlap", df, "pairs with one or no complete row, an all-missing column"))

    df = pd.DataFrame({
        "x": [0.0, -0.0, 1.0, -1.0, 0.0, 2.0, -0.0],
        "y": [3.0, 1.0, 2.0, 0.0, -0.0, 5.0, 0.0],
    })
    cases.append(numeric_case("signed_zero", df, "-0.0 ties with 0.0 in ranks and tau-b"))

    n = 1000
    t = np.arange(n)
    s = np.sin(t / 50.0)
    df = pd.DataFrame({
        "co": np.round(s + rng.normal(scale=0.3, size=n), 3),
        "humidity": with_missing(rng, np.round(50 + 10 * s + rng.normal(size=n)), 0.05),
        "lpg": np.round(rng.gamma(2.0, size=n), 4),
        "smoke": with_missing(rng, np.round(s * 3 + rng.normal(size=n), 1), 0.02),
        "temp": 20 + 0.1 * rng.randint(0, 40, n),
    })
    cases.append(numeric_case("large_mixed", df, "1000 rows, ties from rounding, sparse NaN"))
    return cases


def cat_cases():
    rng = np.random.RandomState(7)
    cases = []
    n = 150
    a = rng.choice(list("ABCD"), n)
    b = np.where(rng.random_sample(n) < 0.6, np.vectorize({"A": "x", "B": "y", "C": "y", "D": "z"}.get)(a),
                 rng.choice(list("xyz"), n))
    c = rng.choice(["p", "q", "r", "s", "t"], n)
    d = np.where(rng.random_sample(n) < 0.5, a, "other")
    df = pd.DataFrame({"a": a, "b": b, "c": c, "d": d}, dtype=object)
    for col, frac in (("a", 0.1), ("b", 0.05), ("d", 0.2)):
        df.loc[rng.random_sample(n) < frac, col] = None
    cases.append(cat_case("categorical_ties", df, "2..5 levels with missing values in different rows"))

    n = 60
    u = rng.choice(["true", "false"], n)
    v = np.where(rng.random_sample(n) < 0.7, u, np.where(u == "true", "false", "true"))
    w = rng.choice(["yes", "no"], n)
    df = pd.DataFrame({"u": u, "v": v, "w": w}, dtype=object)
    cases.append(cat_case("boolean_2x2", df, "2x2 tables: Yates' correction applies (dof = 1)"))

    df = pd.DataFrame({
        "p": ["a", "a", "b", "b", None, None, "c", "a"],
        "q": [None, None, None, None, "x", "y", None, None],
        "r": ["u", "u", "u", "v", "v", "w", "u", "w"],
        "s": ["k", None, "m", None, None, None, None, None],
    }, dtype=object)
    cases.append(cat_case("degenerate", df,
                          "empty crosstab (p,q) -> NaN; one level on complete rows; one complete row -> NaN"))
    return cases


def auto_cases():
    rng = np.random.RandomState(99)
    cases = []
    n = 200
    x = rng.normal(size=n)
    num = pd.DataFrame({
        "temp": with_missing(rng, np.round(20 + 3 * x, 1), 0.05),
        "humidity": np.round(60 - 5 * x + rng.normal(size=n)),
        "co": with_missing(rng, rng.gamma(2.0, size=n), 0.1),
    })
    cat = pd.DataFrame({
        "light": np.where(x > 0.3, "true", "false"),
        "motion": rng.choice(["true", "false"], n),
        "zone": np.where(rng.random_sample(n) < 0.6, np.where(x > 0, "north", "south"), rng.choice(["east", "west"], n)),
    }, dtype=object)
    cat.loc[rng.random_sample(n) < 0.1, "zone"] = None
    cases.append(auto_case("mixed", num, cat, "Spearman between numerics, Cramér's V on 10 equal-width bins otherwise"))

    num = pd.DataFrame({
        "tiny": [1.0, 1.0 + 2 ** -52, 1.0 + 2 ** -51, 1.0, 1.0 + 2 ** -51, 1.0 + 2 ** -52, 1.0, 1.0],
        "edge": [0.0, 10.0, 1.0, 2.0, 9.0, 10.0, 5.0, np.nan],
    })
    cat = pd.DataFrame({
        "k": ["a", "b", "c", "a", "c", "b", None, "a"],
        "never": [None, None, None, None, None, None, "z", None],
    }, dtype=object)
    cases.append(auto_case("bin_edges", num, cat,
                           "range below the bin width resolution (duplicate edges dropped), values on edges, "
                           "an empty crosstab (0 in auto)"))
    return cases


def chisquare_cases():
    vectors = [
        [10, 10, 10],
        [5, 15, 10, 20],
        [1000, 0],
        [3, 1],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        [1000, 2000, 3000],
        [50, 49, 51, 50, 48, 52, 50],
        [0, 0, 0],
        [7],
    ]
    out = []
    for v in vectors:
        p = stats.chisquare(v).pvalue
        out.append({"counts": v, "p": None if math.isnan(p) else float(p)})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    versions = {"pandas": pd.__version__, "scipy": scipy.__version__, "numpy": np.__version__}
    docs = {
        "numeric.json": {"computed_with": versions, "cases": numeric_cases()},
        "cramers.json": {"computed_with": versions, "cases": cat_cases()},
        "auto.json": {"computed_with": versions, "cases": auto_cases()},
        "chisquare.json": {"computed_with": versions, "cases": chisquare_cases()},
    }
    with np.errstate(all="ignore"):
        pass
    for fname, doc in docs.items():
        with open(os.path.join(OUT, fname), "w") as f:
            json.dump(doc, f, indent=1, allow_nan=False)
            f.write("\n")


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    main()
