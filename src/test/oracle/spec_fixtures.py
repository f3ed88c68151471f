#!/usr/bin/python3
"""Data and independent oracle for the shipped pipeline specs (pipelines/greenhouse-local-time.yaml and
pipelines/river-gauges.yaml): writes the two seeded CSVs under data/ and, per key and event-time window,
the numbers pandas 1.5 computes for them to src/test/resources/fixtures/spec/<spec>.json.

Not run by the build. Regenerate with Debian's python3-pandas:
    /usr/bin/python3 src/test/oracle/spec_fixtures.py

Everything the spec says is redone here with pandas alone: the local time read in Europe/Berlin across the
spring-forward change, the per-column missing tokens, the key of two columns joined with '/', the event time
combined from year, month, day, hour and minute columns, windows aligned to the epoch in UTC, and the
declared column types.
"""
import json
import math
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "spec")
DATA = os.path.join(ROOT, "data")
LAGS = [1, 7, 12, 24, 30]


def num(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


# --------------------------------------------------------------------------------------------------
# (a) greenhouses: local time in Europe/Berlin across the DST change, NA, a key with spaces, newest first

def greenhouse_csv(path):
    rng = np.random.RandomState(20210328)
    houses = ["North House", "South House", "Seed Bed 3"]
    # every 2 minutes of real time from 22:00 CET on 27 March 2021 to 06:00 CEST on 28 March (7 hours)
    instants = pd.date_range("2021-03-27 21:00", "2021-03-28 03:58", freq="2min", tz="UTC")
    rows = []
    for h, house in enumerate(houses):
        air = 18.0 + h
        soil = 40.0 + 5 * h
        for i, t in enumerate(instants):
            local = t.tz_convert("Europe/Berlin")
            air += rng.normal(0, 0.15) - 0.01
            humidity = 60 + 10 * math.sin(i / 25.0 + h) + rng.normal(0, 1.5)
            soil = max(5.0, soil - abs(rng.normal(0.02, 0.05)))
            r = rng.rand()
            status = "alarm" if r < 0.05 else ("check" if r < 0.25 else "ok")
            vent = "yes" if humidity > 63 else "no"
            row = {
                "time": local.strftime("%d.%m.%Y %H:%M"),
                "greenhouse name": house,
                "air temperature": "%.2f" % air,
                "humidity": "%.1f" % humidity,
                "soil moisture": "%.2f" % soil,
                "vent": vent,
                "status": status,
            }
            if rng.rand() < 0.04:
                row["air temperature"] = "NA"
            if rng.rand() < 0.03:
                row["humidity"] = "NA"
            if rng.rand() < 0.05:
                row["soil moisture"] = "-999"  # the probe's 'no reading'
            if rng.rand() < 0.03:
                row["status"] = "NA"
            rows.append((t, h, row))
    rows.sort(key=lambda x: (x[0], x[1]), reverse=True)  # exported newest first
    df = pd.DataFrame([r for _, _, r in rows])
    df.to_csv(path, index=False, lineterminator="\n")


def greenhouse_frame(path):
    na = {c: ["NA"] for c in ["time", "greenhouse name", "air temperature", "humidity", "vent", "status"]}
    na["soil moisture"] = ["-999"]
    df = pd.read_csv(path, keep_default_na=False, na_values=na, float_precision="round_trip",
                     dtype={"vent": str, "status": str})
    local = pd.to_datetime(df["time"], format="%d.%m.%Y %H:%M")
    df["_t"] = local.dt.tz_localize("Europe/Berlin", nonexistent="shift_forward", ambiguous=True).dt.tz_convert("UTC")
    df["_key"] = df["greenhouse name"]
    df["vent"] = df["vent"].map({"yes": "true", "no": "false"})
    return df


# --------------------------------------------------------------------------------------------------
# (b) river gauges: event time split over year, month, day, hour, minute; key of two columns

def river_csv(path):
    rng = np.random.RandomState(614)
    keys = [("dresden", "A"), ("dresden", "B"), ("pirna", "A"), ("pirna", "B")]
    calibrated = {("dresden", "A"): "2021-05-03T08:00:00Z", ("dresden", "B"): "2021-05-03T09:30:00Z",
                  ("pirna", "A"): "2021-04-20T07:15:00Z", ("pirna", "B"): "2021-06-01T12:00:00+02:00"}
    instants = pd.date_range("2021-06-14 00:00", "2021-06-14 23:55", freq="5min", tz="UTC")
    state = {k: [150.0 + 20 * i, 12.5 - i * 0.3, 3.70 - 0.02 * i] for i, k in enumerate(keys)}
    lines = []
    for t in instants:
        for k in keys:
            s = state[k]
            s[0] += rng.normal(0, 0.8)
            level = s[0]
            flow = 0.004 * level ** 1.5 + rng.normal(0, 0.3)
            temp = s[1] + 2.0 * math.sin((t.hour + t.minute / 60 - 9) / 24 * 2 * math.pi) + rng.normal(0, 0.1)
            if rng.rand() < 0.02:
                s[2] = round(s[2] - 0.01, 2)
            fields = [k[0], k[1], str(t.year), str(t.month), str(t.day), str(t.hour), str(t.minute),
                      "%.1f" % level, "%.3f" % flow, "%.2f" % temp, "%.2f" % s[2], calibrated[k]]
            if rng.rand() < 0.03:
                fields[8] = ""  # flow not sent
            if rng.rand() < 0.02:
                fields[9] = ""
            lines.append(",".join(fields))
    with open(path, "w") as f:
        f.write("site,sensor,year,month,day,hour,minute,level_cm,flow_m3s,water_temp,battery_v,last_calibration\n")
        f.write("\n".join(lines) + "\n")


def river_frame(path):
    df = pd.read_csv(path, keep_default_na=False, na_values=["", "NA", "NaN", "nan", "null", "NULL"],
                     float_precision="round_trip", dtype={"sensor": str})
    df["_t"] = pd.to_datetime(df[["year", "month", "day", "hour", "minute"]]).dt.tz_localize("UTC")
    df["_key"] = df["site"] + "/" + df["sensor"]
    df["last_calibration"] = pd.to_datetime(df["last_calibration"], utc=True)
    return df


# --------------------------------------------------------------------------------------------------
# Expected numbers per key-window

def autocorr(s, k):
    """pandas Series.autocorr(k), except that a constant half is undefined (NaN) instead of the +-1 that
    rounding noise in pandas' mean gives it: the engine's documented convention (DegenerateInputTest)."""
    a, b = s.iloc[k:].reset_index(drop=True), s.iloc[:len(s) - k].reset_index(drop=True)
    ok = a.notna() & b.notna()
    if ok.sum() < 2 or a[ok].nunique() < 2 or b[ok].nunique() < 2:
        return float("nan")
    return s.autocorr(k)


def numeric(s, declared, cat_max=5):
    s = s.astype("float64")
    v = s.dropna()
    n_distinct = int(v.nunique())
    if declared == "categorical":
        t = "Categorical"
    elif len(v) == 0:
        t = "Unsupported"
    elif declared != "numeric" and n_distinct <= cat_max:
        t = "Categorical"
    else:
        ac = [autocorr(s, k) for k in LAGS]
        t = "TimeSeries" if any((not math.isnan(a)) and a >= 0.7 for a in ac) else "Numeric"
    out = {"type": t, "n": int(len(s)), "count": int(len(v)), "n_missing": int(s.isna().sum()),
           "n_distinct": n_distinct}
    if len(v):
        q = v.quantile([0.05, 0.25, 0.5, 0.75, 0.95])
        out.update({"mean": num(v.mean()), "std": num(v.std()), "min": num(v.min()), "max": num(v.max()),
                    "sum": num(v.sum()), "5%": num(q.iloc[0]), "25%": num(q.iloc[1]), "50%": num(q.iloc[2]),
                    "75%": num(q.iloc[3]), "95%": num(q.iloc[4]), "skewness": num(v.skew()),
                    "kurtosis": num(v.kurt())})
    return out


def categorical(s, t):
    v = s.dropna().astype(str)
    vc = v.value_counts(sort=False)
    return {"type": t, "n": int(len(s)), "count": int(len(v)), "n_missing": int(s.isna().sum()),
            "n_distinct": int(len(vc)), "counts": {str(k): int(c) for k, c in vc.items()}}


def windows(df, size, describe):
    size_ns = int(pd.Timedelta(size).value)
    t_ns = df["_t"].astype("int64")
    df = df.assign(_w=(t_ns // size_ns) * size_ns)
    out = []
    for (key, w), g in df.groupby(["_key", "_w"], sort=True):
        g = g.sort_values("_t", kind="stable")
        start = pd.Timestamp(w, tz="UTC")
        entry = {"key": key, "window_start": start.strftime("%Y-%m-%dT%H:%M:%SZ"), "n": int(len(g)),
                 "first_event": g["_t"].min().strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "last_event": g["_t"].max().strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "variables": describe(g)}
        out.append(entry)
    return out


def pearson(g, cols):
    c = g[cols].astype("float64").corr(method="pearson")
    return {"columns": cols, "matrix": [[num(c.loc[a, b]) for b in cols] for a in cols]}


def greenhouse_describe(g):
    v = {
        "air temperature": numeric(g["air temperature"], "auto"),
        "humidity": numeric(g["humidity"], "numeric"),
        "soil moisture": numeric(g["soil moisture"], "auto"),
        "vent": categorical(g["vent"], "Boolean"),
        "status": categorical(g["status"], "Categorical"),
    }
    v["_pearson"] = pearson(g, ["air temperature", "humidity", "soil moisture"])
    return v


def river_describe(g):
    v = {
        "level_cm": numeric(g["level_cm"], "auto"),
        "flow_m3s": numeric(g["flow_m3s"], "auto"),
        "water_temp": numeric(g["water_temp"], "auto"),
        "battery_v": numeric(g["battery_v"], "numeric"),
        "hour": categorical(g["hour"].astype("int64").astype(str), "Categorical"),
        "minute": categorical(g["minute"].astype("int64").astype(str), "Categorical"),
    }
    cal = g["last_calibration"]
    v["last_calibration"] = {"type": "DateTime", "n_distinct": int(cal.nunique()),
                             "min": cal.min().strftime("%Y-%m-%dT%H:%M:%SZ"),
                             "max": cal.max().strftime("%Y-%m-%dT%H:%M:%SZ")}
    v["_pearson"] = pearson(g, ["level_cm", "flow_m3s", "water_temp"])
    return v


def main():
    os.makedirs(OUT, exist_ok=True)
    a = os.path.join(DATA, "greenhouse_local_time.csv")
    greenhouse_csv(a)
    b = os.path.join(DATA, "river_gauges.csv")
    river_csv(b)
    for name, path, frame, size, describe in [
        ("greenhouse-local-time", a, greenhouse_frame, "2h", greenhouse_describe),
        ("river-gauges", b, river_frame, "6h", river_describe),
    ]:
        df = frame(path)
        fixture = {"spec": "pipelines/%s.yaml" % name, "data": os.path.relpath(path, ROOT),
                   "rows": int(len(df)), "windows": windows(df, size, describe)}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(fixture, f, indent=1, allow_nan=False)
            f.write("\n")
        print(name, len(df), "rows", len(fixture["windows"]), "key-windows")


if __name__ == "__main__":
    main()
