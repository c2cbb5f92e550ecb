"""A nightly run: the matrix, the audits the rig asks for, and the comparison with the last night.

The rig's ``nightly:`` block configures it (all keys optional)::

    nightly:
      timing: {ratio: 1.5, min_increase_s: 0.1, history: 5}   # see TimingRule
      audits:                                                  # handed to the audit hook
        - {profile: conformance/profiles/pdr.yaml, runs: 20}

Audits (top-level ``audits:`` of the rig, then ``nightly.audits``) are run by the module named
in AUDIT_HOOK, when it exists: it provides ``run_nightly_audits(requests, context)`` returning
one dict per audit: ``{"name": str, "ok": bool, "summary": str, "report": path or None}``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.history import earlier_runs, previous_run
from harness.report.compare import Comparison, TimingRule, compare
from harness.rig import Rig
from harness.store import Store

AUDIT_HOOK = "harness.audit.nightly"
NIGHTLY_KEYS = {"timing", "audits"}
TIMING_KEYS = {"ratio": float, "min_increase_s": float, "history": int}


@dataclass(frozen=True)
class NightlyConfig:
    timing: TimingRule = field(default_factory=TimingRule)
    audits: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class AuditContext:
    """What an audit run by the nightly gets to work with."""

    root: Path
    rig: Rig
    store: Store
    run_id: str  # the nightly's matrix run, already stored
    results: Path  # the folder for reports


def nightly_config(rig: Rig) -> NightlyConfig:
    """The rig's ``nightly:`` block, checked (one-line errors naming the rig file)."""
    block = rig.raw.get("nightly") or {}
    unknown = sorted(set(block) - NIGHTLY_KEYS)
    if unknown:
        raise HarnessError(f"nightly: unknown key {unknown[0]!r} (known: {', '.join(sorted(NIGHTLY_KEYS))})",
                           where=rig.path)
    timing = block.get("timing") or {}
    if not isinstance(timing, dict):
        raise HarnessError("nightly.timing: must be a mapping", where=rig.path)
    values: dict[str, Any] = {}
    for name, value in timing.items():
        kind = TIMING_KEYS.get(name)
        if kind is None:
            raise HarnessError(f"nightly.timing: unknown key {name!r} (known: {', '.join(TIMING_KEYS)})",
                               where=rig.path)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise HarnessError(f"nightly.timing.{name}: {value!r} is not a non-negative number",
                               where=rig.path)
        values[name] = kind(value)
    audits = list(rig.raw.get("audits") or []) + list(block.get("audits") or [])
    if not all(isinstance(a, dict) for a in audits):
        raise HarnessError("nightly.audits: each audit must be a mapping", where=rig.path)
    return NightlyConfig(TimingRule(**values), tuple(audits))


def _audit_name(request: dict[str, Any], index: int) -> str:
    return str(request.get("name") or request.get("profile") or f"audit {index + 1}")


def run_audits(requests: tuple[dict[str, Any], ...], context: AuditContext) -> list[dict[str, Any]]:
    """Run the rig's audits through AUDIT_HOOK; without it each is reported as not run (not ok)."""
    if not requests:
        return []
    try:
        hook = importlib.import_module(AUDIT_HOOK)
    except ModuleNotFoundError as err:
        if not (err.name and AUDIT_HOOK.startswith(err.name)):
            raise
        return [{"name": _audit_name(r, i), "ok": False, "report": None,
                 "summary": f"not run: this harness has no audit runner ({AUDIT_HOOK})"}
                for i, r in enumerate(requests)]
    return list(hook.run_nightly_audits(list(requests), context))


def compare_run(store: Store, rig: str, run_id: str, rule: TimingRule,
                against: str | None = None) -> tuple[Comparison, dict[str, Any] | None]:
    """Compare a stored run with the previous run of the rig (or ``against``)."""
    if against is not None:
        previous = store.run(against)
        if previous is None:
            raise HarnessError(f"no stored run {against!r} to compare with", where=store.path)
    else:
        previous = previous_run(store, rig, run_id)
    history = [store.results(r["id"]) for r in earlier_runs(store, rig, run_id, limit=rule.history)]
    comparison = compare(
        run_id,
        store.results(run_id),
        previous["id"] if previous else None,
        store.results(previous["id"]) if previous else [],
        history,
        rule,
    )
    return comparison, previous
