"""Measurements computed on the host from captured waveforms, independent of any scope's math.

Edges are found by a threshold with hysteresis (a sample must cross the upper level to
count as high and the lower one to count as low, so noise near the threshold makes no
edges) and timed by linear interpolation at the threshold. Each measurement is a series
(one value per cycle, pulse or edge pair), summarised by ``statistics``: jitter is the
spread of the period series.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from harness.instruments.waveform import Waveform

# measurement -> unit; the same names are used for scope-side measurements.
MEASURES: dict[str, str] = {
    "frequency": "Hz",
    "period": "s",
    "pulse_width_pos": "s",
    "pulse_width_neg": "s",
    "duty_cycle": "%",
    "rise_delay": "s",
    "fall_delay": "s",
    "cycle_to_cycle": "s",  # host only: differences of consecutive periods
}
TWO_CHANNEL = frozenset({"rise_delay", "fall_delay"})
HOST_ONLY = frozenset({"cycle_to_cycle"})
STATISTICS = ("mean", "median", "min", "max", "std", "pp", "count")
MIN_SWING_V = 0.1  # below this peak-to-peak a channel is flat: no edges


@dataclass(frozen=True)
class Edges:
    rising: np.ndarray
    falling: np.ndarray
    threshold_v: float
    hysteresis_v: float


def find_edges(wave: Waveform, threshold_v: float | None = None,
               hysteresis_v: float | None = None) -> Edges:
    """Rising and falling edge times of one waveform."""
    volts = np.asarray(wave.volts, dtype=float)
    times = np.asarray(wave.times, dtype=float)
    empty = np.array([], dtype=float)
    if len(volts) < 2:
        return Edges(empty, empty, threshold_v or 0.0, hysteresis_v or 0.0)
    low, high = float(volts.min()), float(volts.max())
    swing = high - low
    threshold = (low + high) / 2 if threshold_v is None else threshold_v
    hysteresis = 0.1 * swing if hysteresis_v is None else hysteresis_v
    if threshold_v is None and swing < MIN_SWING_V:
        return Edges(empty, empty, threshold, hysteresis)
    upper, lower = threshold + hysteresis / 2, threshold - hysteresis / 2
    state = np.where(volts >= upper, 1, np.where(volts <= lower, -1, 0))
    decided = np.nonzero(state)[0]
    if len(decided) < 2:
        return Edges(empty, empty, threshold, hysteresis)
    levels = state[decided]
    changes = np.nonzero(np.diff(levels))[0] + 1  # positions in `decided` where the level flips
    rising, falling = [], []
    for k in changes:
        start, end = decided[k - 1], decided[k]
        segment = volts[start:end + 1]
        rise = levels[k] > 0
        # last sample still on the old side of the threshold; the crossing follows it
        old_side = np.nonzero(segment < threshold if rise else segment > threshold)[0]
        i = start + (int(old_side[-1]) if len(old_side) else 0)
        i = min(i, end - 1)
        v0, v1 = volts[i], volts[i + 1]
        frac = (threshold - v0) / (v1 - v0) if v1 != v0 else 0.5
        when = times[i] + min(max(frac, 0.0), 1.0) * (times[i + 1] - times[i])
        (rising if rise else falling).append(when)
    return Edges(np.array(rising), np.array(falling), threshold, hysteresis)


def _following(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each start, the first end at or after it and before the next start: end - start.
    Starts without one are left out."""
    if len(starts) == 0 or len(ends) == 0:
        return np.array([], dtype=float)
    index = np.searchsorted(ends, starts, side="left")
    ok = index < len(ends)
    found = np.where(ok, ends[np.minimum(index, len(ends) - 1)], np.inf)
    keep = ok & (found < np.append(starts[1:], np.inf))
    return found[keep] - starts[keep]


def series(measure: str, edges: Edges, other: Edges | None = None) -> np.ndarray:
    """The per-cycle values of one measurement (seconds, Hz or percent)."""
    rising, falling = edges.rising, edges.falling
    periods = np.diff(rising)
    if measure == "period":
        return periods
    if measure == "frequency":
        return 1.0 / periods[periods > 0]
    if measure == "cycle_to_cycle":
        return np.diff(periods)
    if measure == "duty_cycle":
        if len(rising) < 2 or len(falling) == 0:
            return np.array([], dtype=float)
        starts, ends = rising[:-1], rising[1:]
        index = np.searchsorted(falling, starts, side="left")
        fall = np.where(index < len(falling), falling[np.minimum(index, len(falling) - 1)], np.inf)
        complete = fall < ends  # the high part ends inside its own cycle
        return 100.0 * (fall[complete] - starts[complete]) / (ends - starts)[complete]
    if measure == "pulse_width_pos":
        return _following(rising, falling)
    if measure == "pulse_width_neg":
        return _following(falling, rising)
    if measure in TWO_CHANNEL:
        if other is None:
            raise ValueError(f"{measure} needs a second channel")
        if measure == "rise_delay":
            return _following(rising, other.rising)
        return _following(falling, other.falling)
    raise ValueError(f"unknown measurement {measure!r} (known: {', '.join(MEASURES)})")


def statistics(values: np.ndarray) -> dict[str, float | int | None]:
    """count, mean, median, min, max, std (sample), pp of a series; None where undefined."""
    values = np.asarray(values, dtype=float)
    n = int(len(values))
    if n == 0:
        return {"count": 0, "mean": None, "median": None, "min": None, "max": None, "std": None,
                "pp": None}
    return {
        "count": n,
        "mean": float(values.mean()),
        "median": float(np.median(values)),
        "min": float(values.min()),
        "max": float(values.max()),
        "std": float(values.std(ddof=1)) if n > 1 else 0.0,
        "pp": float(values.max() - values.min()),
    }


def measure(measure: str, wave: Waveform, other: Waveform | None = None,
            threshold_v: float | None = None, hysteresis_v: float | None = None) -> dict:
    """One host measurement: its statistics over every cycle in the capture."""
    edges = find_edges(wave, threshold_v, hysteresis_v)
    other_edges = find_edges(other, threshold_v, hysteresis_v) if other is not None else None
    values = series(measure, edges, other_edges)
    return {"unit": MEASURES[measure], "threshold_v": edges.threshold_v,
            "hysteresis_v": edges.hysteresis_v, "edges": len(edges.rising) + len(edges.falling),
            **statistics(values)}
