"""Statistics of timing samples: descriptive figures, the tests a probabilistic WCET
estimate needs first, the estimate itself, and minimum mutator utilisation.

Measurement never bounds a worst case: everything here describes what was observed, and
the pWCET is an estimate from an extreme-value fit, quoted only where the samples pass
the independence (Ljung-Box) and identical-distribution (two-sample Kolmogorov-Smirnov
on the two halves) tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import stats as sps

ALPHA = 0.05  # significance level of the tests
LJUNG_BOX_LAGS = 10
MIN_TEST_SAMPLES = 20
MIN_PWCET_SAMPLES = 100
PWCET_BLOCKS = 25  # block maxima fitted with a GEV
MMU_WINDOWS_MS = (2, 5, 10, 20, 50, 100)
HISTOGRAM_BINS = 20


def describe(values: Sequence[float]) -> dict[str, Any]:
    """N, min, max, mean, median, standard deviation, p99 and a histogram."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return {"n": 0}
    distinct = np.unique(data)
    lo, hi = float(data.min()), float(data.max())
    bins = 1 if lo == hi else min(HISTOGRAM_BINS, max(1, distinct.size))
    counts, edges = np.histogram(data, bins=bins, range=(lo, hi) if lo != hi else (lo - 0.5, hi + 0.5))
    return {
        "n": int(data.size),
        "min": lo,
        "max": hi,
        "mean": float(data.mean()),
        "p50": float(np.percentile(data, 50)),
        "p99": float(np.percentile(data, 99)),
        "stdev": float(data.std(ddof=1)) if data.size > 1 else 0.0,
        "distinct": int(distinct.size),
        "spread": hi - lo,
        "relative_spread": (hi - lo) / abs(data.mean()) if data.mean() else 0.0,
        "histogram": {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]},
    }


def ljung_box(values: Sequence[float], lags: int = LJUNG_BOX_LAGS) -> dict[str, Any]:
    """Ljung-Box portmanteau test of no autocorrelation up to ``lags`` (H0: independent)."""
    data = np.asarray(values, dtype=float)
    n = data.size
    lags = min(lags, n // 2)
    centred = data - data.mean()
    denom = float(np.dot(centred, centred))
    q = 0.0
    for k in range(1, lags + 1):
        rho = float(np.dot(centred[:-k], centred[k:])) / denom
        q += rho * rho / (n - k)
    q *= n * (n + 2)
    p = float(sps.chi2.sf(q, lags))
    return {"test": "Ljung-Box", "lags": lags, "statistic": q, "p_value": p, "passed": p >= ALPHA}


def ks_halves(values: Sequence[float]) -> dict[str, Any]:
    """Two-sample Kolmogorov-Smirnov test of the first half against the second (H0: same
    distribution)."""
    data = np.asarray(values, dtype=float)
    half = data.size // 2
    result = sps.ks_2samp(data[:half], data[half:2 * half])
    p = float(result.pvalue)
    return {"test": "two-sample Kolmogorov-Smirnov, first half against second", "statistic":
            float(result.statistic), "p_value": p, "passed": p >= ALPHA}


def sample_tests(values: Sequence[float]) -> dict[str, Any]:
    """The i.i.d. tests on samples in the order they were taken, or why they do not apply."""
    data = np.asarray(values, dtype=float)
    if data.size < MIN_TEST_SAMPLES:
        return {"applicable": False, "reason": f"fewer than {MIN_TEST_SAMPLES} samples"}
    if np.all(data == data[0]):
        return {"applicable": False,
                "reason": "every sample is identical: the value repeats exactly under these conditions"}
    independence = ljung_box(data)
    identical = ks_halves(data)
    return {"applicable": True, "independence": independence, "identical_distribution": identical,
            "passed": independence["passed"] and identical["passed"]}


def pwcet(values: Sequence[float], exceedance: float, tests: dict[str, Any]) -> dict[str, Any]:
    """A probabilistic WCET estimate: GEV fitted to block maxima, quoted at a per-sample
    exceedance probability. Only where the i.i.d. tests passed."""
    data = np.asarray(values, dtype=float)
    if not tests.get("applicable"):
        return {"estimated": False, "reason": tests.get("reason", "tests not applicable")}
    if not tests.get("passed"):
        failed = [t["test"] for t in (tests["independence"], tests["identical_distribution"])
                  if not t["passed"]]
        return {"estimated": False, "reason": f"samples fail {', '.join(failed)}: not i.i.d., "
                                              "no estimate is quoted"}
    if data.size < MIN_PWCET_SAMPLES:
        return {"estimated": False, "reason": f"fewer than {MIN_PWCET_SAMPLES} samples for a fit"}
    block = data.size // PWCET_BLOCKS
    maxima = data[: block * PWCET_BLOCKS].reshape(PWCET_BLOCKS, block).max(axis=1)
    if np.all(maxima == maxima[0]):
        return {"estimated": False, "reason": "every block maximum is identical: nothing to fit"}
    shape, loc, scale = sps.genextreme.fit(maxima)
    fit = sps.kstest(maxima, "genextreme", args=(shape, loc, scale))
    # P(one sample > x) = p  <=>  P(block max <= x) = (1 - p) ** block
    level = (1.0 - exceedance) ** block
    value = float(sps.genextreme.ppf(level, shape, loc=loc, scale=scale))
    return {
        "estimated": True,
        "label": "estimate (measurement-based probabilistic timing analysis), not a bound",
        "method": f"GEV fitted to {PWCET_BLOCKS} block maxima of {block} samples",
        "exceedance_per_sample": exceedance,
        "value": value if math.isfinite(value) else None,
        "gev": {"shape": float(shape), "loc": float(loc), "scale": float(scale)},
        "goodness_of_fit": {"test": "Kolmogorov-Smirnov of the block maxima against the fit",
                            "statistic": float(fit.statistic), "p_value": float(fit.pvalue),
                            "passed": float(fit.pvalue) >= ALPHA},
    }


def mmu(pauses: Sequence[tuple[float, float]], span_us: float,
        windows_ms: Sequence[float] = MMU_WINDOWS_MS) -> dict[str, float]:
    """Minimum mutator utilisation: for each window length, the smallest share of any window
    within [0, span] not spent in a pause. ``pauses`` are (start, duration) in microseconds."""
    found: dict[str, float] = {}
    events = sorted((float(s), float(d)) for s, d in pauses)
    for window_ms in windows_ms:
        w = window_ms * 1000.0
        if w > span_us or span_us <= 0:
            continue
        # The worst window starts at a pause's start or ends at a pause's end.
        starts = {0.0, span_us - w}
        for s, d in events:
            starts.update((s, s + d - w))
        worst = 1.0
        for a in starts:
            a = min(max(a, 0.0), span_us - w)
            busy = sum(max(0.0, min(s + d, a + w) - max(s, a)) for s, d in events)
            worst = min(worst, 1.0 - busy / w)
        found[f"{window_ms:g}ms"] = max(0.0, worst)
    return found
