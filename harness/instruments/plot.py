"""Waveform plots (PNG) attached to each scope check's result."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from harness.instruments.waveform import Waveform

MAX_PLOT_POINTS = 4000  # per trace: min/max envelope, so narrow pulses still show


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


def plot_waveforms(waves: Mapping[str, Waveform], path: Path, title: str,
                   notes: Sequence[str] = ()) -> Path:
    """One trace per pin, stacked, time in the best unit; ``notes`` below the title."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rows = max(1, len(waves))
    figure = Figure(figsize=(10, 1.8 + 1.6 * rows), dpi=100)
    axes = figure.subplots(rows, 1, sharex=True, squeeze=False)[:, 0]
    span = max((abs(w.times[-1]) for w in waves.values() if w.points), default=1.0) or 1.0
    scale, label = next(((f, u) for f, u in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns"))
                         if span >= f), (1e-9, "ns"))
    for ax, (pin, wave) in zip(axes, waves.items(), strict=False):
        times, volts = envelope(np.asarray(wave.times), np.asarray(wave.volts))
        ax.plot(times / scale, volts, linewidth=0.8, drawstyle="steps-post")
        ax.set_ylabel(f"{pin}\nch{wave.channel} (V)")
        ax.axvline(0.0, color="tab:red", linewidth=0.6, linestyle="--")
        ax.grid(True, linewidth=0.3)
    axes[-1].set_xlabel(f"time from trigger ({label})")
    figure.suptitle(title, fontsize=10)
    if notes:
        figure.text(0.01, 0.005, "\n".join(notes), fontsize=7, va="bottom", family="monospace")
    figure.tight_layout(rect=(0, 0.02 + 0.025 * len(notes), 1, 0.97))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.png")
    figure.savefig(tmp)
    os.replace(tmp, path)
    return path
