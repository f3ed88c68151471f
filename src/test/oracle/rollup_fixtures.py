#!/usr/bin/python3
"""Independent oracle for roll-ups and the fleet profile: pandas' statistics of the 405,184-row
benchmark data per device and UTC day (what --rollups=1d merges from hourly states) and over every
device per hour (what --fleet merges), written to src/test/resources/fixtures/rollups_405184.json.

Not run by the build. Regenerate with Debian's python3-pandas:
    java -jar target/stream-profiler.jar generate --rows=405184 --devices=3 --output=/tmp/telemetry.csv
    /usr/bin/python3 src/test/oracle/rollup_fixtures.py /tmp/telemetry.csv

Exact statistics (count, missing, mean, std with ddof=1, min, max, zeros) are compared to 1e-9; the
quantiles (numpy's linear method) and distinct counts are what the sketches must come near, within
their stated bounds. Every day is kept; of the fleet's 192 hours every eighth, to keep the file small.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "rollups_405184.json")
NUMERIC = ["co", "humidity", "lpg", "smoke", "temp"]
QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]


def stats(frame):
    out = {"rows": int(len(frame)), "columns": {}}
    for c in NUMERIC:
        s = frame[c]
        finite = s[np.isfinite(s)]
        out["columns"][c] = {
            "count": int(s.count()),
            "n_missing": int(s.isna().sum()),
            "mean": float(finite.mean()),
            "std": float(finite.std(ddof=1)),
            "min": float(finite.min()),
            "max": float(finite.max()),
            "n_zeros": int((s == 0).sum()),
            "n_distinct": int(s.nunique()),
            "quantiles": [float(np.quantile(finite.to_numpy(), q)) for q in QUANTILES],
        }
    return out


def iso(ts):
    return ts.strftime("%Y-%m-%dT%H:%M:%SZ")


def main(path):
    frame = pd.read_csv(path, float_precision="round_trip")
    frame["time"] = pd.to_datetime(frame["ts"], unit="s", utc=True)
    daily = {}
    for (device, day), group in frame.groupby([frame["device"], frame["time"].dt.floor("D")]):
        daily[device + "|" + iso(day)] = stats(group)
    fleet = {}
    for i, (hour, group) in enumerate(frame.groupby(frame["time"].dt.floor("h"))):
        if i % 8 == 0:
            fleet[iso(hour)] = stats(group)
    with open(OUT, "w") as f:
        json.dump({"rows": int(len(frame)), "daily": daily, "fleet": fleet}, f, indent=1)
    print("wrote", OUT, len(daily), "days,", len(fleet), "fleet hours")


if __name__ == "__main__":
    main(sys.argv[1])
