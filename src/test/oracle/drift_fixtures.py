#!/usr/bin/python3
"""Independent oracle for io.streamprofiler.compare: drift scores between two samples, computed with numpy 1.24
and scipy 1.10 (Debian 12 packages), written to src/test/resources/fixtures/drift/*.json.

Not run by the build. Regenerate with:
    /usr/bin/python3 src/test/oracle/drift_fixtures.py

Each fixture holds the two raw samples and two sets of expected scores:
- "raw": from the samples themselves, the ground truth a stored profile can only approximate:
  ks = scipy.stats.ks_2samp(reference, current).statistic; psi and js on the reference deciles
  (np.percentile, bins (-inf, d1], (d1, d2], ..., (d9, inf); a decile that is
  a value of the reference, a mass point, is a bin [d, d] of its own), each probability floored at 1e-4 for psi,
  js = scipy.spatial.distance.jensenshannon(p, q, base=2); mean_shift = (mean_c - mean_r) / std_r (ddof=1),
  std_ratio = std_c / std_r; for categories chi2 = scipy.stats.chi2_contingency(table, correction=False) and
  Cramer's V = sqrt(chi2 / n).
- "stored": the same scores from what a profile stores when a column has more than 100 distinct values:
  the 101 percentiles 0%..100% (np.percentile, "linear"), read as a piecewise-linear CDF with np.interp.
  Only for samples without ties (continuous draws), where np.interp is that CDF.
"""
import json
import math
import os

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency, ks_2samp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "drift")
FLOOR = 1e-4
LEVELS = np.arange(101) / 100.0


def psi(e, a):
    e = np.maximum(e, FLOOR)
    a = np.maximum(a, FLOOR)
    return float(np.sum((a - e) * np.log(a / e)))


def raw_numeric(r, c):
    r = np.asarray(r, dtype=float)
    c = np.asarray(c, dtype=float)
    deciles = np.percentile(r, np.arange(1, 10) * 10.0)
    deciles = np.unique(deciles)

    # A decile the reference takes as a value (a mass point: ties) is cut on both sides, so the mass point
    # is a bin of its own: [d, d] between (.., d) and (d, ..).
    cuts = []
    for d in deciles:
        if np.any(r == d):
            cuts.append((d, "left"))
        cuts.append((d, "right"))

    def probs(x):
        s = np.sort(x)
        below = [np.searchsorted(s, d, side=side) / len(x) for d, side in cuts]
        cum = np.concatenate([below, [1.0]])
        return np.diff(np.concatenate([[0.0], cum]))

    pe, pa = probs(r), probs(c)
    sr = np.std(r, ddof=1)
    return {
        "ks": float(ks_2samp(r, c).statistic),
        "psi": psi(pe, pa),
        "js_distance": float(jensenshannon(pe, pa, base=2)),
        "mean_shift": float((np.mean(c) - np.mean(r)) / sr),
        "std_ratio": float(np.std(c, ddof=1) / sr),
    }


def stored_numeric(r, c):
    pr = np.percentile(r, LEVELS * 100)
    pc = np.percentile(c, LEVELS * 100)
    assert len(np.unique(pr)) == 101 and len(np.unique(pc)) == 101, "stored scores need samples without ties"
    fr = lambda x: np.interp(x, pr, LEVELS, left=0.0, right=1.0)
    fc = lambda x: np.interp(x, pc, LEVELS, left=0.0, right=1.0)
    knots = np.union1d(pr, pc)
    ks = float(np.max(np.abs(fr(knots) - fc(knots))))
    deciles = pr[10:100:10]
    cum_e = np.concatenate([fr(deciles), [1.0]])
    cum_a = np.concatenate([fc(deciles), [1.0]])
    pe = np.diff(np.concatenate([[0.0], cum_e]))
    pa = np.diff(np.concatenate([[0.0], cum_a]))
    return {"ks": ks, "psi": psi(pe, pa), "js_distance": float(jensenshannon(pe, pa, base=2))}


def categorical(r, c):
    cats = list(dict.fromkeys(list(r) + list(c)))
    rc = np.array([list(r).count(k) for k in cats], dtype=float)
    cc = np.array([list(c).count(k) for k in cats], dtype=float)
    pe, pa = rc / rc.sum(), cc / cc.sum()
    stat, p, dof, _ = chi2_contingency(np.array([rc, cc]), correction=False)
    n = rc.sum() + cc.sum()
    return {
        "psi": psi(pe, pa),
        "js_distance": float(jensenshannon(pe, pa, base=2)),
        "chi_squared": float(stat),
        "dof": int(dof),
        "pvalue": float(p),
        "cramers_v": float(math.sqrt(stat / n)),
    }


def write(name, kind, r, c, note):
    fx = {"name": name, "kind": kind, "note": note, "reference": list(r), "current": list(c)}
    if kind == "numeric":
        fx["raw"] = raw_numeric(r, c)
        ties = len(np.unique(r)) < len(r) or len(np.unique(c)) < len(c)
        if not ties:
            fx["stored"] = stored_numeric(r, c)
    else:
        fx["raw"] = categorical(r, c)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(fx, f, indent=1)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240609)
    n = 720  # one hour of 5-second samples
    ref = rng.normal(20.0, 1.0, n)
    write("same_population", "numeric", ref, rng.normal(20.0, 1.0, n), "two samples of N(20, 1): no drift")
    write("shift_half_std", "numeric", ref, rng.normal(20.5, 1.0, n), "mean +0.5 sd: moderate")
    write("shift_three_std", "numeric", ref, rng.normal(23.0, 1.0, n), "mean +3 sd: drift")
    write("wider", "numeric", ref, rng.normal(20.0, 2.5, n), "sd x2.5, same mean: drift by spread")
    write("skewed", "numeric", rng.gamma(2.0, 1.0, n), rng.lognormal(0.5, 0.6, 500), "gamma vs lognormal, unequal sizes")
    write("outside_range", "numeric", ref, rng.normal(40.0, 1.0, n), "no overlap at all")
    # Integers: fewer than 100 distinct values, so profiles store every value and the CDF is exact.
    write("poisson_shift", "numeric", rng.poisson(6, n).astype(float), rng.poisson(9, n).astype(float),
          "Poisson(6) vs Poisson(9): every value stored")
    write("poisson_same", "numeric", rng.poisson(6, n).astype(float), rng.poisson(6, n).astype(float),
          "Poisson(6) twice")
    cats = np.array(["ok", "warn", "fault"])
    write("status_same", "categorical", list(rng.choice(cats, n, p=[0.8, 0.15, 0.05])),
          list(rng.choice(cats, n, p=[0.8, 0.15, 0.05])), "same shares")
    write("status_shift", "categorical", list(rng.choice(cats, n, p=[0.8, 0.15, 0.05])),
          list(rng.choice(np.append(cats, "offline"), n, p=[0.4, 0.3, 0.2, 0.1])), "shares move, new category")


if __name__ == "__main__":
    main()
