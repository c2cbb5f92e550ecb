"""Plots of the audit report, drawn with matplotlib and embedded as base64 PNG data URIs
(the page stays one self-contained file, and prints as it shows)."""

from __future__ import annotations

import base64
import io
from typing import Any

DPI = 90


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    # A fixed layout (no tight bounding box, no layout engine): one drawing pass per plot.
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(width: float, height: float, left: float = 0.09, bottom: float = 0.2) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=left, right=0.98, bottom=bottom, top=0.86, wspace=0.4)
    return figure


def distribution(metric: dict[str, Any], title: str) -> str:
    """Histogram of a metric's samples, and the samples in the order they were taken."""
    figure = _figure(7.2, 2.3)
    hist, order = figure.subplots(1, 2, width_ratios=(1, 1.4))
    samples = metric["samples"]
    described = metric["stats"]
    counts = described["histogram"]["counts"]
    edges = described["histogram"]["edges"]
    widths = [b - a for a, b in zip(edges[:-1], edges[1:], strict=True)]
    from matplotlib.ticker import MaxNLocator

    hist.bar(edges[:-1], counts, width=widths, align="edge", color="#4c72b0", edgecolor="white")
    hist.axvline(described["max"], color="#c44e52", linewidth=1, label="observed max")
    hist.set_xlabel(metric["unit"] or "value", fontsize=8)
    hist.set_ylabel("samples", fontsize=8)
    hist.legend(fontsize=7, loc="upper left")
    order.plot(range(1, len(samples) + 1), samples, marker=".", linewidth=0.6, color="#4c72b0")
    order.set_xlabel("sample, in the order taken", fontsize=8)
    order.set_ylabel(metric["unit"] or "value", fontsize=8)
    for axes in (hist, order):
        axes.tick_params(labelsize=7)
        axes.ticklabel_format(useOffset=False, style="plain")
        axes.xaxis.set_major_locator(MaxNLocator(4, integer=axes is order))
        axes.yaxis.set_major_locator(MaxNLocator(4, integer=axes is hist))
    figure.suptitle(title, fontsize=9)
    return _png(figure)


def budget_bar(figures: dict[str, Any], title: str) -> str:
    """Observed worst case, with the engineering margin, against the budget and the limit the
    phase's margin leaves."""
    figure = _figure(7.2, 0.9 + 0.35 * len(figures), left=0.3, bottom=0.6 / (0.9 + 0.35 * len(figures)))
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
