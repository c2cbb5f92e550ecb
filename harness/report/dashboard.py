"""The dashboard (``results/dashboard.html``): a rig's runs over time, from the store.

One static page: the pass rate of each target run after run, verdict counts, trend plots
(inline SVG drawn by matplotlib) and what changed in the latest run against the one before.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from harness.history import RunSummary, previous_run, run_summaries
from harness.records import VERDICT_ORDER
from harness.report.compare import TimingRule, compare
from harness.report.regressions import SECTIONS, describe
from harness.store import Store

RUNS_SHOWN = 30
CHANGES_SHOWN = 30
VERDICT_COLORS = {
    "PASS": "#2e9d4f", "KNOWN-DIFF": "#4a90c2", "STALE-DIFF": "#d8a31a", "FAIL": "#d0342c",
    "UNSUPPORTED": "#9a9a9a", "RESOURCE": "#9b59b6", "TIMEOUT": "#e67e22", "CRASH": "#8b0000",
    "INFRA": "#b8860b", "FLAKY": "#e0c020", "NOT-RUN": "#c8c8c8",
}


def _when(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M") if stamp else ""


def _rate_color(rate: float | None) -> str:
    """Red at 50 % or less, through yellow, to green at 100 %."""
    if rate is None:
        return "#f4f4f4"
    hue = max(0.0, min(1.0, (rate - 0.5) * 2)) * 120
    return f"hsl({hue:.0f}, 65%, 80%)"


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    # Fixed margins (``axes``), not bbox_inches="tight": that draws every figure twice.
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog: the SVG sits inside the HTML


def prepare_in_background() -> None:
    """Import the plotting modules on a thread while the run goes on.

    They take 0.4 s to import, almost all of it while the run's thread waits for its targets;
    done at the end, that was most of the time between the last spec and the summary.
    """
    from harness.imports import import_in_background

    import_in_background("matplotlib.backends.backend_svg", "matplotlib.figure",
                         thread="dashboard-imports")


def trend_plots(runs: list[RunSummary], durations: dict[str, dict[str, float]]) -> dict[str, str]:
    """Inline SVGs of pass rate per target, verdict counts and time spent, oldest run first."""
    import matplotlib

    # Text stays text (smaller, searchable); a fixed salt makes the same data give the same file.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "harness"}):
        return _trend_plots(list(reversed(runs)), durations)


def _trend_plots(ordered: list[RunSummary], durations: dict[str, dict[str, float]]) -> dict[str, str]:
    from matplotlib.figure import Figure

    x = list(range(len(ordered)))
    labels = [_when(r.started)[5:] for r in ordered]
    targets = sorted({t for r in ordered for t in r.targets})
    plots = {}

    def axes(title: str, ylabel: str) -> tuple[Any, Any]:
        figure = Figure(figsize=(9.0, 3.0), dpi=96)
        # Room on the right for the legend, at the bottom for the slanted run dates.
        figure.subplots_adjust(left=0.07, right=0.76, bottom=0.25, top=0.89)
        ax = figure.add_subplot()
        ax.set_title(title, fontsize=10, loc="left")
        ax.set_ylabel(ylabel, fontsize=9)
        ax.set_xticks(x, labels, rotation=30, ha="right", fontsize=7)
        ax.set_xlim(-0.5, len(x) - 0.5)  # every run has its place, even one without results
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(axis="y", alpha=0.3)
        return figure, ax

    figure, ax = axes("pass rate (PASS + KNOWN-DIFF) per target", "%")
    for target in targets:
        rates = [r.pass_rate(target) for r in ordered]
        ax.plot(x, [100 * v if v is not None else float("nan") for v in rates], marker="o",
                markersize=3, label=target)
    ax.set_ylim(0, 105)
    if targets:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    plots["pass_rate"] = _svg(figure)

    figure, ax = axes("results per verdict (all targets)", "results")
    bottom = [0] * len(ordered)
    for verdict in VERDICT_ORDER:
        heights = [r.totals.get(verdict.value, 0) for r in ordered]
        if any(heights):
            ax.bar(x, heights, bottom=bottom, color=VERDICT_COLORS[verdict.value], label=verdict.value)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    if any(bottom):
        ax.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    plots["verdicts"] = _svg(figure)

    figure, ax = axes("time spent in specs per target (targets' own measurements)", "seconds")
    for target in targets:
        ax.plot(x, [durations.get(r.id, {}).get(target, float("nan")) for r in ordered], marker="o",
                markersize=3, label=target)
    if targets:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    plots["durations"] = _svg(figure)
    return plots


def dashboard_data(store: Store, rig: str, limit: int = RUNS_SHOWN,
                   known: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """``known``: run id -> its stored results, for runs the caller has read already."""
    runs = run_summaries(store, rig, limit)
    targets = sorted({t for r in runs for t in r.targets})
    rows = []
    for run in runs:
        rates = {t: run.pass_rate(t) for t in targets}
        rows.append({
            "id": run.id, "when": _when(run.started), "kind": run.kind, "finished": run.finished,
            "total": run.total, "totals": run.totals,
            "rates": {t: None if v is None else round(100 * v, 1) for t, v in rates.items()},
            "colors": {t: _rate_color(v) for t, v in rates.items()},
        })
    changes: dict[str, Any] = {}
    # An unfinished run (killed, or still going) is shown but not compared.
    latest = next((r for r in runs if r.finished is not None), None)
    previous = previous_run(store, rig, latest.id) if latest else None
    if latest and previous:
        known = known or {}
        latest_rows = known[latest.id] if latest.id in known else store.results(latest.id)
        previous_rows = known[previous["id"]] if previous["id"] in known else store.results(previous["id"])
        comparison = compare(latest.id, latest_rows, previous["id"], previous_rows, [previous_rows],
                             TimingRule(history=1))
        data = comparison.as_dict()
        changes = {title: [describe(e) for e in data[name][:CHANGES_SHOWN]] + (
                       [f"... and {len(data[name]) - CHANGES_SHOWN} more"]
                       if len(data[name]) > CHANGES_SHOWN else [])
                   for name, title, _style in SECTIONS if data[name]}
    return {
        "rig": rig,
        "runs": rows,
        "targets": targets,
        "verdicts": [v.value for v in VERDICT_ORDER],
        "colors": VERDICT_COLORS,
        "latest": latest.id if latest else None,
        "previous": previous["id"] if previous else None,
        "changes": changes,
        "plots": trend_plots(runs, store.durations([r.id for r in runs])) if runs else {},
    }


def render_dashboard(data: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("harness.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("dashboard.html.j2").render(**data)


def write_dashboard(store: Store, rig: str, out_dir: Path, limit: int = RUNS_SHOWN,
                    known: dict[str, list[dict[str, Any]]] | None = None) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "dashboard.html"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(render_dashboard(dashboard_data(store, rig, limit, known)), encoding="utf-8")
    tmp.replace(path)
    return path
