"""Shared pieces of ``harness bench``: side-by-side timing, the goal table, bench.json."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Goal:
    """A ratio goal: ``subject`` must be at least ``minimum`` times faster than ``baseline``."""

    bench: str
    name: str
    subject: str
    baseline: str
    subject_value: float
    baseline_value: float
    unit: str
    minimum: float

    @property
    def ratio(self) -> float:
        return self.baseline_value / self.subject_value if self.subject_value else float("inf")

    @property
    def status(self) -> str:
        return "PASS" if self.ratio >= self.minimum else "FALL-SHORT"


def interleaved(contenders: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Run each contender once per round, in turn, so machine noise hits all alike.

    Each callable returns its own measured duration (seconds) for one unit of work.
    """
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            samples[name].append(fn())
    return samples


def timed(fn: Callable[[], Any]) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    return run


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_goals(goals: list[Goal], console: Console | None = None, notes: list[str] | None = None) -> None:
    console = console or Console()
    table = Table(title="harness bench", title_justify="left")
    for column in ("bench", "goal", "subject", "baseline", "ratio", "needed", "status"):
        table.add_column(column, justify="right" if column in ("ratio", "needed") else "left")
    for goal in goals:
        style = "green" if goal.status == "PASS" else "bold red"
        table.add_row(
            goal.bench,
            goal.name,
            f"{goal.subject}: {goal.subject_value:.4g} {goal.unit}",
            f"{goal.baseline}: {goal.baseline_value:.4g} {goal.unit}",
            f"{goal.ratio:.1f}x",
            f">= {goal.minimum:g}x",
            f"[{style}]{goal.status}[/]",
        )
    console.print(table)
    for note in notes or []:
        console.print(note)


def write_bench_json(path: Path, goals: list[Goal], extra: dict[str, Any] | None = None) -> None:
    """Merge this run's goals into bench.json (one entry per bench, newest wins)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data.setdefault("schema", "micropython-harness/bench")
    benches = data.setdefault("benches", {})
    for name in {g.bench for g in goals}:
        benches[name] = {
            "measured": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "goals": [
                {**asdict(g), "ratio": round(g.ratio, 3), "status": g.status}
                for g in goals if g.bench == name
            ],
            **((extra or {}).get(name, {})),
        }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
