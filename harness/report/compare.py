"""Compare one run with earlier ones: new failures, fixes, new STALE-DIFFs, timing regressions.

Plain functions over stored result rows (``Store.results``), so they need neither pytest nor
the store itself. An item is one (spec, target, mode).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from harness.records import Verdict

Key = tuple[str, str, str]

# Verdicts that need someone's attention; a STALE-DIFF is counted on its own.
BAD: frozenset[str] = frozenset(
    v.value for v in (Verdict.FAIL, Verdict.TIMEOUT, Verdict.CRASH, Verdict.INFRA, Verdict.FLAKY)
)
STALE = Verdict.STALE_DIFF.value
FLAKY = Verdict.FLAKY.value
# A FLAKY item is reported on its own, never as a new failure; FLAKY -> FAIL is one.
FAILED: frozenset[str] = BAD - {FLAKY}
GOOD: frozenset[str] = frozenset({Verdict.PASS.value, Verdict.KNOWN_DIFF.value})


@dataclass(frozen=True)
class TimingRule:
    """A spec is slower when its duration is at least ``ratio`` times its baseline AND at least
    ``min_increase_s`` more: the ratio ignores slow specs' small noise, the floor ignores fast
    specs' large relative noise. The baseline is the median over the last ``history`` runs in
    which the item passed, so one noisy run neither raises nor hides an alarm."""

    ratio: float = 1.5
    min_increase_s: float = 0.1
    history: int = 5

    def regressed(self, baseline_s: float, now_s: float) -> bool:
        return now_s >= baseline_s * self.ratio and now_s - baseline_s >= self.min_increase_s


@dataclass(frozen=True)
class Change:
    spec_id: str
    feature: str
    target: str
    mode: str
    before: str | None  # None: the item is new
    now: str | None  # None: the item is gone
    reason: str = ""


@dataclass(frozen=True)
class TimingChange:
    spec_id: str
    feature: str
    target: str
    mode: str
    baseline_s: float  # median of the earlier runs
    now_s: float
    samples: int  # earlier runs the baseline is the median of

    @property
    def ratio(self) -> float:
        return self.now_s / self.baseline_s if self.baseline_s > 0 else float("inf")


@dataclass(frozen=True)
class Comparison:
    run_id: str
    previous_id: str | None
    rule: TimingRule = field(default_factory=TimingRule)
    new_failures: tuple[Change, ...] = ()
    new_stale_diffs: tuple[Change, ...] = ()
    fixes: tuple[Change, ...] = ()
    timing: tuple[TimingChange, ...] = ()
    changed: tuple[Change, ...] = ()  # other verdict changes (e.g. FAIL -> CRASH, PASS -> NOT-RUN)
    added: int = 0
    removed: tuple[Change, ...] = ()

    @property
    def regression(self) -> bool:
        return bool(self.new_failures or self.new_stale_diffs or self.timing)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rule"] = asdict(self.rule)
        for entry, timing in zip(data["timing"], self.timing, strict=True):
            entry["ratio"] = round(timing.ratio, 3) if timing.baseline_s > 0 else None
        data["regression"] = self.regression
        return data


def key(row: dict[str, Any]) -> Key:
    return (row["spec_id"], row["target"], row["mode"])


def classify(before: str | None, now: str) -> str | None:
    """What a verdict change means: new-failure, new-stale-diff, fix, flaky, changed, or None (same)."""
    if now == FLAKY:
        return "flaky" if before != FLAKY else None
    if now in FAILED and before not in FAILED:
        return "new-failure"
    if now == STALE and before != STALE:
        return "new-stale-diff"
    if before is not None and (before in BAD or before == STALE) and now in GOOD:
        return "fix"
    if before is not None and before != now:
        return "changed"
    return None


def _change(row: dict[str, Any], before: str | None, now: str | None) -> Change:
    return Change(row["spec_id"], row["feature"], row["target"], row["mode"], before, now,
                  row["reason"] if now is not None else "")


def timing_regressions(current: Iterable[dict[str, Any]], history: Sequence[Iterable[dict[str, Any]]],
                       rule: TimingRule) -> list[TimingChange]:
    """Items of ``current`` slower than the median of their passing durations in ``history``.

    ``history`` holds earlier runs' rows, newest first; only ``rule.history`` of them count.
    """
    samples: dict[Key, list[float]] = {}
    for rows in list(history)[: rule.history]:
        for row in rows:
            if row["verdict"] in GOOD:
                samples.setdefault(key(row), []).append(row["duration_s"])
    slower = []
    for row in current:
        earlier = samples.get(key(row))
        if row["verdict"] not in GOOD or not earlier:
            continue
        baseline = statistics.median(earlier)
        if rule.regressed(baseline, row["duration_s"]):
            slower.append(TimingChange(row["spec_id"], row["feature"], row["target"], row["mode"],
                                       baseline, row["duration_s"], len(earlier)))
    return sorted(slower, key=lambda t: (-(t.now_s - t.baseline_s), t.spec_id))


def compare(
    run_id: str,
    current: Iterable[dict[str, Any]],
    previous_id: str | None,
    previous: Iterable[dict[str, Any]],
    history: Sequence[Iterable[dict[str, Any]]] = (),
    rule: TimingRule | None = None,
) -> Comparison:
    """Compare a run's rows with the previous run's rows (and earlier runs' for timing).

    Without a previous run every failing item is new: the first nightly reports what fails.
    """
    rule = rule or TimingRule()
    current = list(current)
    before = {key(row): row for row in previous}
    found: dict[str, list[Change]] = {"new-failure": [], "new-stale-diff": [], "fix": [], "changed": []}
    added = 0
    for row in current:
        old = before.pop(key(row), None)
        added += old is None
        kind = classify(old["verdict"] if old else None, row["verdict"])
        if kind in ("new-failure", "new-stale-diff") and row.get("quarantine"):
            kind = "changed"  # quarantined: listed, not a regression (harness.quarantine)
        if kind == "flaky":
            continue  # every FLAKY item is listed with its rate (harness.report.labops)
        if kind:
            found[kind].append(_change(row, old["verdict"] if old else None, row["verdict"]))
    removed = [_change(row, row["verdict"], None) for row in before.values()]
    return Comparison(
        run_id=run_id,
        previous_id=previous_id,
        rule=rule,
        new_failures=tuple(found["new-failure"]),
        new_stale_diffs=tuple(found["new-stale-diff"]),
        fixes=tuple(found["fix"]),
        timing=tuple(timing_regressions(current, history, rule)),
        changed=tuple(found["changed"]),
        added=added,
        removed=tuple(sorted(removed, key=lambda c: (c.spec_id, c.target, c.mode))),
    )
