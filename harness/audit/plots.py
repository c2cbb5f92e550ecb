"""Plots of the audit report, drawn with matplotlib and embedded as base64 PNG data URIs
(the page stays one self-contained file, and prints as it shows)."""

from __future__ import annotations

import base64
import io
from typing import Any

DPI = 90


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def distribution(metric: dict[str, Any], title: str) -> str:
    """Histogram of a metric's samples, and the samples in the order they were taken."""
    figure = _figure(7.2, 2.3)
    hist, order = figure.subplots(1, 2, width_ratios=(1, 1.4))
    samples = metric["samples"]
    described = metric["stats"]
    counts = described["histogram"]["counts"]
    edges = described["histogram"]["edges"]
    widths = [b - a for a, b in zip(edges[:-1], edges[1:], strict=True)]
    hist.bar(edges[:-1], counts, width=widths, align="edge", color="#4c72b0", edgecolor="white")
    hist.axvline(described["max"], color="#c44e52", linewidth=1, label="observed max")
    hist.set_xlabel(metric["unit"] or "value")
    hist.set_ylabel("samples")
    hist.legend(fontsize=7, loc="upper right")
    order.plot(range(1, len(samples) + 1), samples, marker=".", linewidth=0.6, color="#4c72b0")
    order.set_xlabel("sample, in the order taken")
    order.set_ylabel(metric["unit"] or "value")
    for axes in (hist, order):
        axes.tick_params(labelsize=7)
        axes.ticklabel_format(axis="y", useOffset=False, style="plain")
    hist.ticklabel_format(axis="x", useOffset=False, style="plain")
    figure.suptitle(title, fontsize=9)
    return _png(figure)


def budget_bar(figures: dict[str, Any], title: str) -> str:
    """Observed worst case, with the engineering margin, against the budget and the limit the
    phase's margin leaves."""
    figure = _figure(7.2, 0.5 + 0.35 * len(figures))
    axes = figure.subplots()
    names = list(figures)
    for row, name in enumerate(names):
        item = figures[name]
        axes.barh(row, item["budget"], color="#eeeeee", edgecolor="#999999")
        axes.barh(row, item["with_engineering_margin"], color="#dd8452", height=0.5)
        axes.barh(row, item["value"], color="#4c72b0", height=0.5)
        axes.plot([item["limit"]] * 2, [row - 0.4, row + 0.4], color="#c44e52", linewidth=2)
    axes.set_yticks(range(len(names)), names, fontsize=7)
    axes.tick_params(labelsize=7)
    axes.set_xlabel("observed (blue), + engineering margin (orange), limit (red), budget (grey)", fontsize=7)
    figure.suptitle(title, fontsize=9)
    return _png(figure)


def waveform(wave: dict[str, Any], title: str) -> str:
    figure = _figure(7.2, 1.8)
    axes = figure.subplots()
    axes.step(wave["times"], wave["volts"], where="post", linewidth=0.8, color="#55a868")
    axes.set_xlabel("s")
    axes.set_ylabel("V")
    axes.tick_params(labelsize=7)
    figure.suptitle(title, fontsize=9)
    return _png(figure)
