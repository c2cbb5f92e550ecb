"""Parallel runs over pytest-xdist: one worker per board, the rest spread so that the
slowest target does not hold the others back.

The items are cut into work units, and xdist hands out whole units:

- a target with a device behind it (kind ``board``, or ``exclusive: true``) is one unit, so
  all its items run on one worker and no two workers ever share its port; targets naming
  the same port or labgrid place are one board, hence one unit;
- emulators and host targets have no shared device (each worker that gets some of their
  items starts its own emulator or interpreter), so their items are cut into chunks.

Units go out boards first; a worker gets its next unit when it has almost finished the
last, preferring a unit of a target it already runs, then of a target no worker runs yet
(each worker starts as few emulators as it can: a second emulator of one target costs a
boot, and spins while it waits), costliest first (longest-processing-time order) within
each. Chunks are small, so the workers end within about a chunk of each other. The cost of
an item is the wall time per item its target took in the rig's last finished run (from the
store), else a default per kind. Item node ids stay as they are (no ``@group`` suffix), so
reports, JUnit and ``--last-failed`` see the same names as in a serial run.
"""

from __future__ import annotations

import math
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from harness.rig import Rig

# Seconds per item when the store has nothing better: the order of magnitude is what counts.
DEFAULT_ITEM_S = {"board": 0.3, "qemu-microbit": 0.1, "qemu-mps2": 0.03, "webassembly": 0.02,
                  "cpython": 0.02, "unix": 0.01}
FALLBACK_ITEM_S = 0.05
CHUNKS_PER_WORKER = 8  # a splittable target's share: small enough to balance the tail
MIN_CHUNK_S = 0.5  # ... big enough that starting its target on another worker is worth it
MODES = ("native", "viper", "mpy")  # item labels are "<target>" or "<target>-<mode>"
_LABEL = re.compile(r"\[([^\[\]]+)\]$")


@dataclass(frozen=True)
class Unit:
    """Items xdist runs on one worker, in order."""

    name: str
    nodeids: tuple[str, ...]
    cost_s: float
    exclusive: bool
    target: str | None = None  # the one target of a chunk


def item_target(nodeid: str, targets: Sequence[str]) -> str | None:
    """The rig target of a spec item's node id (``specs/x.py::x[unix-native]`` -> ``unix``)."""
    match = _LABEL.search(nodeid)
    if not match:
        return None
    label = match.group(1)
    if label in targets:
        return label
    base, _, mode = label.rpartition("-")
    return base if mode in MODES and base in targets else None


def plan_units(nodeids: Sequence[str], rig: Rig, item_s: dict[str, float], workers: int) -> list[Unit]:
    """The work units of a collection, in the order they should be handed out."""
    by_target: dict[str, list[str]] = {}
    others: list[str] = []
    names = list(rig.targets)
    for nodeid in nodeids:
        target = item_target(nodeid, names)
        if target is None:
            others.append(nodeid)
        else:
            by_target.setdefault(target, []).append(nodeid)

    def cost(target: str) -> float:
        kind = rig.targets[target].kind
        return item_s.get(target) or DEFAULT_ITEM_S.get(kind, FALLBACK_ITEM_S)

    units: list[Unit] = []
    boards: dict[str, list[str]] = {}  # device -> targets on it
    for target in by_target:
        rig_target = rig.targets[target]
        if rig_target.is_exclusive:
            boards.setdefault(rig_target.device, []).append(target)
    for targets in boards.values():
        ids = tuple(n for t in targets for n in by_target[t])
        units.append(Unit("+".join(targets), ids, sum(cost(t) * len(by_target[t]) for t in targets), True))
    exclusive = {t for targets in boards.values() for t in targets}
    # The workers left beside the boards share the rest: a few chunks each bound the tail.
    spread = sum(cost(t) * len(ids) for t, ids in by_target.items() if t not in exclusive)
    free = max(1, workers - len(boards))
    chunk_s = max(MIN_CHUNK_S, spread / (free * CHUNKS_PER_WORKER))
    for target, ids in by_target.items():
        if target in exclusive:
            continue
        size = max(1, math.ceil(chunk_s / cost(target)))
        for number, start in enumerate(range(0, len(ids), size)):
            chunk = tuple(ids[start:start + size])
            units.append(Unit(f"{target}#{number}", chunk, cost(target) * len(chunk), False, target))
    units += [Unit(nodeid, (nodeid,), FALLBACK_ITEM_S, False) for nodeid in others]
    return sorted(units, key=lambda u: (not u.exclusive, -u.cost_s))


def item_seconds(rig: Rig, skip_run: str | None = None) -> dict[str, float]:
    """Wall seconds per item of each target in the rig's last finished run."""
    from harness.store import Store

    if not rig.database.exists():
        return {}
    store = Store(rig.database)
    try:
        for run in store.runs(rig.name, limit=10):
            if run["id"] == skip_run or not run.get("finished"):
                continue
            seconds = store.item_seconds(run["id"])
            if seconds:
                return {t: total / count for t, (count, total) in seconds.items() if count}
        return {}
    finally:
        store.close()


def next_units(queue: Any, units: dict[str, Unit], order: dict[str, int], node: Any,
               warm: dict[Any, set[str]]) -> list[str]:
    """The queued units' names in the order ``node`` should take them: boards; then units of
    targets it runs already; then of targets no worker runs; then the rest (each by plan
    rank, costliest first)."""
    mine = warm.get(node, set())
    elsewhere = set().union(*(targets for other, targets in warm.items() if other is not node))
    last = len(order)

    def preference(name: str) -> tuple[int, int]:
        unit = units.get(name)
        if unit is None or unit.target is None:
            group = 0 if unit is not None and unit.exclusive else 2
        elif unit.target in mine:
            group = 1
        else:
            group = 2 if unit.target not in elsewhere else 3
        return group, order.get(name, last)

    return sorted(queue, key=preference)


def _loadscope() -> type:
    from xdist.scheduler import LoadScopeScheduling

    return LoadScopeScheduling


def make_scheduler(config: Any, log: Any, rig: Rig, item_s: dict[str, float]) -> Any:
    """An xdist scheduler handing out the rig's work units (see the module's doc)."""

    class RigScheduling(_loadscope()):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(config, log)
            self.unit_of: dict[str, str] = {}
            self.by_name: dict[str, Unit] = {}
            self.order: dict[str, int] = {}
            self.warm: dict[Any, set[str]] = {}  # node -> targets it has been given

        def _plan(self) -> None:
            units = plan_units(self.collection or [], rig, item_s, max(1, len(self.nodes)))
            for rank, unit in enumerate(units):
                self.order[unit.name] = rank
                self.by_name[unit.name] = unit
                for nodeid in unit.nodeids:
                    self.unit_of[nodeid] = unit.name

        def _split_scope(self, nodeid: str) -> str:
            if not self.unit_of:
                self._plan()
            return self.unit_of.get(nodeid, nodeid)

        def _assign_work_unit(self, node: Any) -> None:
            # The queue is re-sorted each time: the preference depends on the node, and a
            # crashed worker's units come back at its end.
            order = next_units(self.workqueue, self.by_name, self.order, node, self.warm)
            self.workqueue = OrderedDict((name, self.workqueue[name]) for name in order)
            first = self.by_name.get(order[0]) if order else None
            if first is not None and first.target is not None:
                self.warm.setdefault(node, set()).add(first.target)
            super()._assign_work_unit(node)

    return RigScheduling()


class ParallelHooks:
    """xdist hooks of the controller, registered by the plugin when xdist is there."""

    def __init__(self, rig: Callable[[], Rig], run_id: Callable[[], str]):
        self.rig = rig
        self.run_id = run_id

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_make_scheduler(self, config: Any, log: Any) -> Any:
        if not config.getoption("harness_parallel", False):
            return None
        rig = self.rig()
        return make_scheduler(config, log, rig, item_seconds(rig, skip_run=self.run_id()))


def workers_for(requested: int | None, rig: Rig, targets: str | None = None) -> int:
    """How many workers: ``requested`` (``harness run --parallel N``), else the rig's
    ``parallel:``, else 1 (serial). 0 (``--parallel``, ``parallel: true``) is automatic: one
    worker per board and one per core for the rest, at most one per target, at least 2."""
    wanted = requested if requested is not None else rig.parallel
    if wanted is None:
        return 1
    if wanted == 0:
        from harness.selection import parse, static_select

        selected = static_select(rig, parse(targets))
        boards = {t.device for t in selected if t.is_exclusive}
        rest = sum(1 for t in selected if not t.is_exclusive)
        return max(2, min(len(selected), len(boards) + min(rest, os.cpu_count() or 1)))
    return max(1, wanted)


def xdist_args(requested: int | None, rig: Rig, targets: str | None = None) -> list[str]:
    """pytest arguments for a parallel run (none for a serial one)."""
    workers = workers_for(requested, rig, targets)
    if workers <= 1:
        return []
    return ["-p", "xdist", "-n", str(workers), "--harness-parallel"]
