"""Waveform plots (PNG) attached to each scope check's result."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from harness.instruments.waveform import Waveform

MAX_PLOT_POINTS = 4000  # per trace: min/max envelope, so narrow pulses still show
DENSE_EDGES = 80  # more edges than this in a capture: add a zoomed column
ZOOM_EDGES = 8  # the zoom shows this many edges after the trigger


def envelope(times: np.ndarray, volts: np.ndarray, buckets: int = MAX_PLOT_POINTS // 2
             ) -> tuple[np.ndarray, np.ndarray]:
    """At most ``2 * buckets`` points keeping each bucket's minimum and maximum."""
    if len(volts) <= 2 * buckets:
        return times, volts
    edges = np.linspace(0, len(volts), buckets + 1).astype(int)
    lows = np.minimum.reduceat(volts, edges[:-1])
    highs = np.maximum.reduceat(volts, edges[:-1])
    starts, ends = times[edges[:-1]], times[edges[1:] - 1]
    mids = (starts + ends) / 2
    return np.column_stack((starts, mids)).ravel(), np.column_stack((lows, highs)).ravel()


def si(value: float | None, unit: str) -> str:
    """6.8e3 Hz -> '6.8 kHz'; 1.47e-4 s -> '147 µs'."""
    if value is None:
        return "no value"
    if unit in ("%", "") or value == 0:
        return f"{value:.4g} {unit}".strip()
    prefixes = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"))
    for factor, prefix in prefixes:
        if abs(value) >= factor:
            return f"{value / factor:.4g} {prefix}{unit}"
    return f"{value / 1e-9:.4g} n{unit}"


def _zoom_span(waves: Mapping[str, Waveform]) -> float | None:
    """A span showing the first few cycles after the trigger when a trace is too dense to
    read at full width (None: no zoom needed)."""
    spans = []
    for wave in waves.values():
        volts = np.asarray(wave.volts)
        if len(volts) < 2:
            continue
        high = volts > (volts.min() + volts.max()) / 2
        flips = np.nonzero(np.diff(high.astype(np.int8)))[0]
        after = flips[np.asarray(wave.times)[flips] >= 0]
        if len(flips) > DENSE_EDGES and len(after) > ZOOM_EDGES:
            spans.append(float(wave.times[after[ZOOM_EDGES]]))
    return max(spans) if spans else None


def _time_unit(span: float) -> tuple[float, str]:
    return next(((f, u) for f, u in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")) if span >= f),
                (1e-9, "ns"))


def plot_waveforms(waves: Mapping[str, Waveform], path: Path, title: str,
                   notes: Sequence[str] = ()) -> Path:
    """One trace per pin, stacked, time in the best unit; ``notes`` below the title. A dense
    capture gets a second column zoomed on the first cycles after the trigger."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rows = max(1, len(waves))
    zoom = _zoom_span(waves)
    columns = 2 if zoom else 1
    figure = Figure(figsize=(10 + 4 * (columns - 1), 1.8 + 1.6 * rows), dpi=100)
    axes = figure.subplots(rows, columns, sharex="col", squeeze=False,
                           gridspec_kw={"width_ratios": [5, 2][:columns]})
    span = max((abs(w.times[-1]) for w in waves.values() if w.points), default=1.0) or 1.0
    for column, (limit, width) in enumerate([(None, span), (zoom, zoom or 1.0)][:columns]):
        scale, label = _time_unit(width)
        for ax, (pin, wave) in zip(axes[:, column], waves.items(), strict=False):
            times, volts = np.asarray(wave.times), np.asarray(wave.volts)
            if limit is not None:
                keep = (times >= -limit * 0.1) & (times <= limit)
                times, volts = times[keep], volts[keep]
            times, volts = envelope(times, volts)
            ax.plot(times / scale, volts, linewidth=0.8, drawstyle="steps-post")
            ax.axvline(0.0, color="tab:red", linewidth=0.6, linestyle="--")
            ax.grid(True, linewidth=0.3)
            if column == 0:
                ax.set_ylabel(f"{pin}\nch{wave.channel} (V)")
        axes[-1, column].set_xlabel(f"time from trigger ({label})" if column == 0 else f"zoom ({label})")
    figure.suptitle(title, fontsize=10)
    if notes:
        figure.text(0.01, 0.005, "\n".join(notes), fontsize=7, va="bottom", family="monospace")
    figure.tight_layout(rect=(0, 0.02 + 0.025 * len(notes), 1, 0.97))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.png")
    figure.savefig(tmp)
    os.replace(tmp, path)
    return path
