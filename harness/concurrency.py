"""Every target at once, in one process: ``harness run --concurrent``.

Each target's items run on a thread of their own, in collection order, from the moment the
run has collected them; pytest's loop takes each item's result when it comes to the item, so
the progress, the reports and the terminal read as in a serial run. A target spends nearly
all its time waiting for its own process (an emulator, Node, ``micropython``, a CPython fork
server): the threads overlap those waits, while the Python work around each spec (judging,
storing) takes turns (``Session.shared``). Unlike pytest-xdist workers (``--parallel N``),
nothing is collected, started or reported twice: on two cores that was a third of the run's
CPU (``harness bench parallel``).

The run ends when its slowest target does. So a thread whose target is done helps the
emulator with the most work left, if that is more than ``SPLIT_MIN_S``: it starts another
instance of it (a lane: ``Session.live``) and takes the target's next specs as they come
free, up to one lane per core. Scope checks stay on the first lane (the rig's scope is wired
to that emulator). The micro:bit 1.9.2, whose input is paced, took 41 s of a 75 s serial run
of the suite (24 s of it two documented hangs): alone it would decide when the run ends.

A target's thread runs ahead of pytest's loop: with ``-x`` the store can hold results of
items the terminal never showed. An interrupt stops the threads after the spec each is
running; what finished is stored, what was cut short is not.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from harness.session import Session, SessionClosed

SWITCH_INTERVAL_S = 0.0005
JOIN_S = 2.0  # at the end, how long running specs get to finish before their targets stop
SPLIT_MIN_S = 2.0  # work left on a target (at its pace so far) that is worth another emulator
FIRST_ITEM_S = 0.1  # a target's pace before its first item finished


@dataclass
class _Target:
    name: str
    splittable: bool  # an emulator: another instance of it is just another process
    pinned: list[Any]  # scope checks: the first lane's
    free: collections.deque = field(default_factory=collections.deque)
    lanes: int = 1
    seconds: float = 0.0  # spent on finished items, over all lanes
    finished: int = 0

    def left_s(self) -> float:
        """Seconds of work left per lane, at the pace so far."""
        pace = self.seconds / self.finished if self.finished else FIRST_ITEM_S
        return (len(self.free) + len(self.pinned)) * pace / self.lanes


class TargetThreads:
    """Threads running ``items`` (spec items: ``spec``, ``target``, ``mode``) target by target;
    each item gets a ``future`` with its Result. ``splittable``: the targets that may get
    more lanes (emulators)."""

    def __init__(self, session: Session, items: Sequence[Any], splittable: set[str] | None = None,
                 max_lanes: int | None = None):
        self.session = session
        self.items = list(items)
        self.targets: dict[str, _Target] = {}
        for item in self.items:
            item.future = Future()
            target = self.targets.get(item.target)
            if target is None:
                splits = item.target in (splittable or ())
                target = self.targets[item.target] = _Target(item.target, splits, [])
            (target.pinned if item.spec.hardware_path is not None else target.free).append(item)
        self.max_lanes = max_lanes or os.cpu_count() or 1
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._switch_interval = sys.getswitchinterval()

    def start(self) -> None:
        self.session.concurrent = True
        # A thread woken by its target waits for the interpreter lock at most this long (the
        # default 5 ms is paid at each poll of a paced write); ``stop`` puts it back.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        for target in self.targets.values():
            self._spawn(target, 0)

    def _spawn(self, target: _Target, lane: int) -> None:
        name = f"target-{target.name}" + (f"-{lane}" if lane else "")
        thread = threading.Thread(target=self._work, args=(target, lane), name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _work(self, target: _Target, lane: int) -> None:
        while True:
            if not self._drain(target, lane):
                return
            helped = self._next_lane()
            if helped is None:
                return
            target, lane = helped

    def _drain(self, target: _Target, lane: int) -> bool:
        """Run the target's items this lane can take; False when the thread must stop."""
        while True:
            with self._lock:
                if lane == 0 and target.pinned:
                    item = target.pinned.pop(0)
                elif target.free:
                    item = target.free.popleft()
                else:
                    return True
                alone = target.lanes == 1
                after = (target.pinned[0] if lane == 0 and target.pinned else
                         target.free[0] if target.free else None) if alone else None
            # The next item is sent ahead (send_ahead) only while one lane has the target.
            upcoming = (after.spec, after.target, after.mode) if after is not None else None
            started = time.monotonic()
            if not self._one(item, upcoming, lane):
                return False
            with self._lock:
                target.seconds += time.monotonic() - started
                target.finished += 1

    def _next_lane(self) -> tuple[_Target, int] | None:
        """The emulator with the most work left, as a new lane of it; None if none is worth it."""
        with self._lock:
            if self._stop.is_set():
                return None
            candidates = [t for t in self.targets.values()
                          if t.splittable and t.free and t.lanes < self.max_lanes]
            if not candidates:
                return None
            target = max(candidates, key=lambda t: t.left_s())
            if target.left_s() < SPLIT_MIN_S:
                return None
            target.lanes += 1
            return target, target.lanes - 1

    def _one(self, item: Any, upcoming: tuple | None, lane: int) -> bool:
        """Run one item into its future; False when the thread should stop."""
        if self._stop.is_set() or not item.future.set_running_or_notify_cancel():
            return False
        try:
            item.future.set_result(self.session.run_item(item.spec, item.target, item.mode,
                                                         upcoming, lane))
        except SessionClosed as err:
            item.future.set_exception(err)
            return False
        except BaseException as err:  # given to pytest's loop with the item, as a serial run raises it
            item.future.set_exception(err)
        return True

    def stop(self, timeout: float = JOIN_S) -> None:
        """No more items: the specs running now get ``timeout`` to finish (and be stored);
        after that the session stops their targets under them and nothing more is stored."""
        self._stop.set()
        for item in self.items:
            item.future.cancel()  # those not started
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self.session.shared():
            self.session.closing = True
        sys.setswitchinterval(self._switch_interval)
