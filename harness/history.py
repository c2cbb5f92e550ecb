"""A rig's history from the store: its runs with their verdict counts, one spec or feature across runs.

Plain functions over stored rows; ``harness history``, ``harness nightly`` and the dashboard use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from harness.records import VERDICT_ORDER, Verdict
from harness.store import Store

GOOD: frozenset[str] = frozenset({Verdict.PASS.value, Verdict.KNOWN_DIFF.value})
NIGHTLY = "nightly"
RUN_SCAN = 500  # runs looked at when searching a rig's history


@dataclass(frozen=True)
class RunSummary:
    """One stored run and its verdict counts per target."""

    id: str
    rig: str
    started: float
    finished: float | None
    kind: str  # "nightly" or "run"
    counts: dict[str, dict[str, int]]  # target -> verdict -> results

    @property
    def targets(self) -> list[str]:
        return list(self.counts)

    @property
    def totals(self) -> dict[str, int]:
        merged: dict[str, int] = {}
        for per_target in self.counts.values():
            for verdict, n in per_target.items():
                merged[verdict] = merged.get(verdict, 0) + n
        return {v.value: merged[v.value] for v in VERDICT_ORDER if merged.get(v.value)}

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def pass_rate(self, target: str | None = None) -> float | None:
        """PASS + KNOWN-DIFF over all results (of one target), None without results."""
        counts = self.counts.get(target, {}) if target else self.totals
        total = sum(counts.values())
        return sum(n for v, n in counts.items() if v in GOOD) / total if total else None


def kind_of(run: dict[str, Any]) -> str:
    return run["info"].get("kind", "run")


def run_summaries(store: Store, rig: str, limit: int = 20) -> list[RunSummary]:
    """The rig's last ``limit`` runs, newest first."""
    runs = store.runs(rig, limit=limit)
    counts = store.verdict_counts([r["id"] for r in runs])
    return [
        RunSummary(r["id"], r["rig"], r["started"], r["finished"], kind_of(r), counts[r["id"]])
        for r in runs
    ]


def earlier_runs(store: Store, rig: str, run_id: str, limit: int = 5,
                 kind: str | None = None) -> list[dict[str, Any]]:
    """Finished runs of the rig started before ``run_id``, newest first (of ``kind`` if given)."""
    current = store.run(run_id)
    if current is None:
        raise KeyError(run_id)
    found = [
        r for r in store.runs(rig, limit=RUN_SCAN)
        if r["id"] != run_id and r["finished"] is not None and r["started"] < current["started"]
        and (kind is None or kind_of(r) == kind)
    ]
    return found[:limit]


def previous_run(store: Store, rig: str, run_id: str) -> dict[str, Any] | None:
    """The run a nightly compares with: the previous nightly, else the previous finished run."""
    for kind in (NIGHTLY, None):
        found = earlier_runs(store, rig, run_id, limit=1, kind=kind)
        if found:
            return found[0]
    return None


def item_history(store: Store, rig: str, limit: int = 20, spec_id: str | None = None,
                 feature: str | None = None) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(run, its results of the spec or feature) for the rig's last runs, newest first.

    Runs in which the spec or feature has no result are left out.
    """
    runs = store.runs(rig, limit=limit)
    rows = store.item_rows([r["id"] for r in runs], spec_id=spec_id, feature=feature)
    by_run: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_run.setdefault(row["run_id"], []).append(row)
    return [(run, by_run[run["id"]]) for run in runs if run["id"] in by_run]
