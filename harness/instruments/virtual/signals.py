"""Channels of the virtual scope: level changes of digital lines, frozen into acquisitions.

A source (the emulator's GPIO trace, or a scripted one) reports level changes in
nanoseconds of its own clock. An acquisition is the window around the first trigger edge
after arming; waveforms are sampled from it, and the virtual scope's own measurements use
the exact change times, so they keep the source's time resolution.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from harness.instruments.analysis import Edges


class Change(Protocol):
    t_ns: int

    def volts(self, line: int) -> float: ...


class EdgeSource(Protocol):
    """Where the virtual scope's signals come from (``harness.targets.qemu_gpio.GpioTrace``)."""

    @property
    def time_resolution_s(self) -> float | None: ...

    @property
    def time_base(self) -> str: ...

    def mark(self) -> Any: ...

    def since(self, mark: Any) -> tuple[Change, Sequence[Change]]: ...

    def quiet_for(self) -> float: ...


@dataclass(frozen=True)
class Level:
    """A scripted change: every line in ``high`` at 3.3 V, the others at 0 V, from t_ns on."""

    t_ns: int
    high: frozenset[int] = frozenset()
    high_volts: float = 3.3

    def volts(self, line: int) -> float:
        return self.high_volts if line in self.high else 0.0


class ScriptedSource:
    """An edge source fed by a program (tests, demonstrations): ``add`` appends changes."""

    def __init__(self, time_resolution_s: float | None = 1e-9, time_base: str = "scripted"):
        self._resolution = time_resolution_s
        self._time_base = time_base
        self._changes: list[Level] = []
        self._lock = threading.Lock()
        self._last_growth = time.monotonic()

    @property
    def time_resolution_s(self) -> float | None:
        return self._resolution

    @property
    def time_base(self) -> str:
        return self._time_base

    def add(self, *changes: Level) -> None:
        with self._lock:
            self._changes.extend(changes)
            self._last_growth = time.monotonic()

    def square(self, line: int, start_ns: int, period_ns: int, high_ns: int, cycles: int) -> None:
        """``cycles`` pulses on one line (the other lines low)."""
        for k in range(cycles):
            t = start_ns + k * period_ns
            self.add(Level(t, frozenset({line})), Level(t + high_ns))

    def mark(self) -> int:
        with self._lock:
            return len(self._changes)

    def since(self, mark: int) -> tuple[Change, Sequence[Change]]:
        with self._lock:
            state = self._changes[mark - 1] if mark > 0 else Level(0)
            return state, list(self._changes[mark:])

    def quiet_for(self) -> float:
        return time.monotonic() - self._last_growth


@dataclass(frozen=True)
class Steps:
    """One channel inside an acquisition: ``initial`` volts, then volts[i] from times_ns[i]."""

    initial: float
    times_ns: np.ndarray
    volts: np.ndarray

    def at(self, t_ns: np.ndarray) -> np.ndarray:
        index = np.searchsorted(self.times_ns, t_ns, side="right") - 1
        values = np.where(index >= 0, self.volts[np.maximum(index, 0)] if len(self.volts) else 0.0,
                          self.initial)
        return values.astype(float)


@dataclass(frozen=True)
class Capture:
    """A frozen acquisition: the window [start_ns, end_ns] around the trigger."""

    trigger_ns: int
    start_ns: float
    end_ns: float
    channels: dict[int, Steps] = field(default_factory=dict)

    def edges(self, channel: int, threshold_v: float) -> Edges:
        """Exact edge times (seconds from the trigger) of one channel inside the window."""
        steps = self.channels[channel]
        levels = np.concatenate(([steps.initial], steps.volts)) >= threshold_v
        flips = np.nonzero(np.diff(levels.astype(int)))[0]
        when = (steps.times_ns[flips] - self.trigger_ns) * 1e-9
        rising = when[levels[flips + 1]]
        falling = when[~levels[flips + 1]]
        return Edges(rising, falling, threshold_v, 0.0)


def level_series(state: Change, changes: Sequence[Change], line: int) -> tuple[float, np.ndarray, np.ndarray]:
    """The level of one line: its volts at the mark, then (times, volts) where it changes."""
    initial = state.volts(line)
    times, volts = [], []
    last = initial
    for change in changes:
        value = change.volts(line)
        if value != last:
            times.append(change.t_ns)
            volts.append(value)
            last = value
    return initial, np.array(times, dtype=np.int64), np.array(volts, dtype=float)


def find_trigger(state: Change, changes: Sequence[Change], line: int, level_v: float,
                 slope: str) -> int | None:
    """Time of the first edge of ``line`` crossing ``level_v`` in the ``slope`` direction."""
    last = state.volts(line)
    for change in changes:
        value = change.volts(line)
        if slope == "rising" and last < level_v <= value:
            return change.t_ns
        if slope == "falling" and last > level_v >= value:
            return change.t_ns
        last = value
    return None


def freeze(state: Change, changes: Sequence[Change], lines: dict[int, int], trigger_ns: int,
           start_ns: float, end_ns: float) -> Capture:
    """The acquisition of the channels (channel -> line) inside [start_ns, end_ns]."""
    channels = {}
    for channel, line in lines.items():
        initial, times, volts = level_series(state, changes, line)
        before = times < start_ns
        if before.any():  # the level at the window's start is the last change before it
            initial = float(volts[before][-1])
        inside = (times >= start_ns) & (times <= end_ns)
        channels[channel] = Steps(initial, times[inside], volts[inside])
    return Capture(trigger_ns, start_ns, end_ns, channels)


def last_time(changes: Sequence[Change]) -> int | None:
    return changes[-1].t_ns if changes else None
