"""harness.concurrency: targets' items on threads, lanes for a slow emulator, stopping.

The session here only times and records what it is asked to run (the real one is exercised
by tests/rig/test_parallel.py's concurrent run): what is tested is who runs what, when.
"""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import CancelledError
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.concurrency import TargetThreads


@dataclass
class FakeSpec:
    id: str
    hardware_path: Path | None = None


@dataclass
class Item:
    spec: FakeSpec
    target: str
    mode: str = "bytecode"
    future: object = None


class RecordingSession:
    """Runs an item by sleeping its target's time per spec; records (spec, target, lane)."""

    def __init__(self, seconds: dict[str, float]):
        self.seconds = seconds
        self.concurrent = False
        self.closing = False
        self.ran: list[tuple[str, str, int, str]] = []
        self._lock = threading.RLock()
        self.release = threading.Event()
        self.release.set()

    def shared(self):
        return self._lock if self.concurrent else contextlib.nullcontext()

    def run_item(self, spec, target, mode, upcoming, lane):
        self.release.wait()
        time.sleep(self.seconds[target])
        with self._lock:
            self.ran.append((spec.id, target, lane, threading.current_thread().name))
        return f"{spec.id}@{target}"


def items(target: str, count: int, hardware: tuple[int, ...] = ()) -> list[Item]:
    return [Item(FakeSpec(f"s{n}", Path("x.yaml") if n in hardware else None), target)
            for n in range(count)]


def test_each_target_on_its_own_thread_and_every_item_once():
    session = RecordingSession({"a": 0.002, "b": 0.002})
    work = items("a", 20) + items("b", 20)
    threads = TargetThreads(session, work, splittable=set())
    threads.start()
    assert [item.future.result(timeout=10) for item in work] == [f"{i.spec.id}@{i.target}" for i in work]
    assert session.concurrent
    assert sorted((s, t) for s, t, _, _ in session.ran) == sorted((i.spec.id, i.target) for i in work)
    assert {t: {name for _, tt, _, name in session.ran if tt == t} for t in "ab"} == {
        "a": {"target-a"}, "b": {"target-b"}}
    # Each target's items in collection order.
    assert [s for s, t, _, _ in session.ran if t == "a"] == [f"s{n}" for n in range(20)]


def test_a_slow_emulator_gets_a_second_lane_when_another_target_is_done():
    session = RecordingSession({"slow": 0.02, "quick": 0.001})
    work = items("slow", 150, hardware=(100,)) + items("quick", 10)
    threads = TargetThreads(session, work, splittable={"slow"}, max_lanes=2)
    threads.start()
    for item in work:
        item.future.result(timeout=30)
    lanes = {lane for _, target, lane, _ in session.ran if target == "slow"}
    assert lanes == {0, 1}  # the quick target's thread helped once it was done
    # The scope check (hardware spec) stays on the first lane, whose emulator the scope reads.
    assert [lane for spec, target, lane, _ in session.ran if spec == "s100"] == [0]
    assert threads.targets["slow"].lanes == 2 and threads.targets["quick"].lanes == 1


def test_a_target_that_may_not_split_keeps_one_lane():
    session = RecordingSession({"board": 0.01, "quick": 0.001})
    work = items("board", 60) + items("quick", 5)
    threads = TargetThreads(session, work, splittable=set(), max_lanes=4)
    threads.start()
    for item in work:
        item.future.result(timeout=30)
    assert {lane for _, target, lane, _ in session.ran if target == "board"} == {0}


def test_stop_cancels_what_has_not_started_and_closes_the_session():
    session = RecordingSession({"a": 0.001})
    session.release.clear()  # the first item waits: nothing finishes before stop()
    work = items("a", 5)
    threads = TargetThreads(session, work, splittable=set())
    threads.start()
    time.sleep(0.05)
    session.release.set()
    threads.stop(timeout=5)
    assert session.closing
    assert work[0].future.result(timeout=5) == "s0@a"  # the one running was let finish
    for item in work[1:]:
        with pytest.raises(CancelledError):
            item.future.result(timeout=5)
    assert len(session.ran) == 1
