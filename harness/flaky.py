"""Flakiness from history: an item whose verdict flips between stored runs with nothing changed.

Plain functions over stored result rows (``Store.verdict_rows``). An item is one
(spec, target, mode). Its *window* is its last ``window`` results in the rig's runs (a run
that left it out, e.g. ``--last-failed`` or an audit, does not count), newest first, cut
where the spec's content hash, the target's firmware identity or the baseline entry in
force differ from the newest row's: a change there explains a changed verdict.

- NOT-RUN and INFRA say nothing about the spec (the target was away, the link failed): skipped.
- The item is FLAKY when the window holds at least ``min_flips`` verdict changes between
  consecutive runs (a change and a change back: one change alone is a new failure or a fix).
  Its rate is flips / (runs - 1): 1.0 alternates every run.
- The last ``consistent`` runs agreeing end flakiness: a spec that flipped before but now
  fails on every one of the last K runs is a new, consistent failure, never hidden as FLAKY
  (and one that passes K times in a row is taken as fixed).

The rig's ``flaky:`` block sets the rule: ``{window: 10, min_flips: 2, consistent: 3}``;
``window: 0`` turns history-based flakiness off.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from harness.errors import HarnessError
from harness.records import Verdict

Key = tuple[str, str, str]
# Verdicts that carry no evidence about the spec itself.
SILENT: frozenset[str] = frozenset({Verdict.NOT_RUN.value, Verdict.INFRA.value})
GOOD: frozenset[str] = frozenset({Verdict.PASS.value, Verdict.KNOWN_DIFF.value})
RULE_KEYS = ("window", "min_flips", "consistent")
SCAN = 4  # runs looked at per result of the window: partial runs leave items out


@dataclass(frozen=True)
class FlakyRule:
    window: int = 10  # the rig's last N runs are looked at
    min_flips: int = 2  # verdict changes that make an item flaky
    consistent: int = 3  # the last K runs agreeing end flakiness

    @property
    def enabled(self) -> bool:
        return self.window >= 2


def flaky_rule(raw: dict[str, Any], where: str = "") -> FlakyRule:
    """The rig's ``flaky:`` block (the rig schema checks types; this names the block's problems)."""
    block = raw.get("flaky") or {}
    if not isinstance(block, dict):
        raise HarnessError("flaky: must be a mapping", where=where or None)
    values: dict[str, int] = {}
    for name, value in block.items():
        if name not in RULE_KEYS:
            raise HarnessError(f"flaky: unknown key {name!r} (known: {', '.join(RULE_KEYS)})",
                               where=where or None)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise HarnessError(f"flaky.{name}: {value!r} is not a whole number >= 0", where=where or None)
        values[name] = value
    rule = FlakyRule(**values)
    return FlakyRule(rule.window, max(1, rule.min_flips), max(1, rule.consistent))


@dataclass(frozen=True)
class Flakiness:
    """One item's recent history, and what it says."""

    spec_id: str
    target: str
    mode: str
    status: str  # "stable", "flaky", "consistent" (the last K agree after flips), "unknown"
    verdicts: tuple[str, ...]  # oldest first
    runs: tuple[str, ...]  # run ids, oldest first
    flips: int
    feature: str = ""

    @property
    def rate(self) -> float:
        return self.flips / (len(self.verdicts) - 1) if len(self.verdicts) > 1 else 0.0

    @property
    def fail_rate(self) -> float:
        return sum(v not in GOOD for v in self.verdicts) / len(self.verdicts) if self.verdicts else 0.0

    @property
    def flaky(self) -> bool:
        return self.status == "flaky"

    def describe(self) -> str:
        return (f"flaky over the last {len(self.verdicts)} runs: {self.flips} flips "
                f"(rate {self.rate:.0%}; {' '.join(self.verdicts)})")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdicts"] = list(self.verdicts)
        data["runs"] = list(self.runs)
        data["rate"] = round(self.rate, 3)
        data["fail_rate"] = round(self.fail_rate, 3)
        return data


def firmware_key(identity: dict[str, Any]) -> tuple[str, ...]:
    """What a target runs, without the parts that vary run to run (free memory, pids)."""
    return tuple(str(identity.get(k, "")) for k in
                 ("implementation", "version", "firmware", "firmware_sha256", "firmware_name"))


def observed(row: dict[str, Any]) -> str:
    """The verdict the run judged on its own (before history made it FLAKY)."""
    return row.get("observed") or row["verdict"]


def _baseline(row: dict[str, Any]) -> str | None:
    # Rows written before the store recorded the entry in force: unknown, matches anything.
    return row.get("baseline_key")


def _same_context(row: dict[str, Any], newest: dict[str, Any]) -> bool:
    if row.get("content_hash") != newest.get("content_hash"):
        return False
    if firmware_key(row.get("identity") or {}) != firmware_key(newest.get("identity") or {}):
        return False
    a, b = _baseline(row), _baseline(newest)
    return a is None or b is None or a == b


def assess(rows: Sequence[dict[str, Any]], rule: FlakyRule) -> Flakiness | None:
    """What the history of one item says. ``rows`` are its results, newest first (the
    current run's first); None without rows."""
    if not rows:
        return None
    newest = rows[0]
    window: list[dict[str, Any]] = []
    for row in rows[: max(rule.window, 1)]:
        if not _same_context(row, newest):
            break
        if observed(row) not in SILENT:
            window.append(row)
    window.reverse()  # oldest first
    verdicts = tuple(observed(r) for r in window)
    flips = sum(a != b for a, b in zip(verdicts, verdicts[1:], strict=False))
    status = "stable"
    if not verdicts:
        status = "unknown"
    elif flips >= rule.min_flips:
        tail = verdicts[-rule.consistent:]
        status = "consistent" if len(tail) == rule.consistent and len(set(tail)) == 1 else "flaky"
    elif flips:
        status = "changed"
    return Flakiness(newest["spec_id"], newest["target"], newest["mode"], status, verdicts,
                     tuple(r["run_id"] for r in window), flips, newest.get("feature", ""))


def by_item(rows: Iterable[dict[str, Any]], order: Sequence[str]) -> dict[Key, list[dict[str, Any]]]:
    """Rows grouped per item, each group newest first (``order``: run ids, newest first)."""
    rank = {run_id: n for n, run_id in enumerate(order)}
    grouped: dict[Key, list[dict[str, Any]]] = {}
    for row in rows:
        if row["run_id"] in rank:
            grouped.setdefault((row["spec_id"], row["target"], row["mode"]), []).append(row)
    for group in grouped.values():
        group.sort(key=lambda r: rank[r["run_id"]])
    return grouped


def history_flakiness(store: Any, rig: str, rule: FlakyRule,
                      run_ids: Sequence[str] | None = None) -> list[Flakiness]:
    """Every item of the rig's last ``rule.window`` runs (or ``run_ids``, newest first) that is
    flaky now, most flips first."""
    order = list(run_ids) if run_ids is not None else [
        r["id"] for r in store.runs(rig, limit=rule.window * SCAN)]
    found = []
    for rows in by_item(store.verdict_rows(order), order).values():
        assessed = assess(rows, rule)
        if assessed is not None and assessed.flaky:
            found.append(assessed)
    return sorted(found, key=lambda f: (-f.rate, -f.flips, f.spec_id, f.target, f.mode))


class History:
    """Earlier runs of a rig, loaded one target at a time, for judging items as they run."""

    def __init__(self, store: Any, rig: str, run_id: str, rule: FlakyRule):
        self.rule = rule
        self.store = store
        self.order: list[str] = []
        if rule.enabled:
            # The current run gives the newest row of each window; assess() keeps ``window`` rows.
            self.order = [r["id"] for r in store.runs(rig, limit=rule.window * SCAN) if r["id"] != run_id]
        self._by_target: dict[str, dict[Key, list[dict[str, Any]]]] = {}

    def earlier(self, spec_id: str, target: str, mode: str) -> list[dict[str, Any]]:
        if not self.order:
            return []
        if target not in self._by_target:
            self._by_target[target] = by_item(self.store.verdict_rows(self.order, target), self.order)
        return self._by_target[target].get((spec_id, target, mode), [])

    def assess(self, current: dict[str, Any]) -> Flakiness | None:
        """``current``: the row the item is about to be stored as (its observed verdict)."""
        if not self.rule.enabled:
            return None
        earlier = self.earlier(current["spec_id"], current["target"], current["mode"])
        return assess([current, *earlier], self.rule)
