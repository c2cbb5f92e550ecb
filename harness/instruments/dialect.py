"""A scope's SCPI dialect: a table of command templates plus a few parsing functions.

Templates are formatted with named fields: ``{src}``/``{src2}`` (the dialect's channel
name), ``{n}``/``{n2}`` (channel numbers), ``{scale}``, ``{offset}``, ``{coupling}``,
``{probe}``, ``{position}``, ``{slope}``, ``{level}``. A template whose header ends in
``?`` is a query; in a command list its answer is read and dropped, except where the
list's last query gives the value (measurements).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from harness.instruments.link import Link

SLOPES = ("rising", "falling")
COUPLINGS = ("DC", "AC")


def fmt(value: float) -> str:
    """Numbers in commands: short, exact enough, accepted by every dialect (NR3)."""
    return f"{value:.6g}"


def is_query(command: str) -> bool:
    return "?" in command.split(" ", 1)[0]


@dataclass(frozen=True)
class Samples:
    """What a dialect's waveform reader returns: volts and times of one channel."""

    times: np.ndarray
    volts: np.ndarray
    x_increment: float
    metadata: dict[str, Any] = field(default_factory=dict)


class WaveformReader(Protocol):
    def __call__(self, link: Link, dialect: Dialect, channel: int) -> Samples: ...


# A step of waiting for the acquisition: a query and a test of its answer (True: done).
# The test raises ValueError for an answer it does not understand.
Poll = tuple[str, Callable[[str], bool]]


@dataclass(frozen=True)
class Dialect:
    name: str  # as rig files spell it, e.g. "rigol-ds1000z"
    title: str  # for messages, e.g. "Rigol DS1000Z"
    idn: re.Pattern[str]  # what a genuine instrument answers to *IDN?
    divisions: int  # horizontal divisions of the screen
    channel_name: Callable[[int], str]
    reset: tuple[str, ...]
    channel: tuple[str, ...]
    timebase: tuple[str, ...]
    trigger: tuple[str, ...]
    slopes: Mapping[str, str]
    arm: tuple[str, ...]
    done: tuple[Poll, ...]
    measures: Mapping[str, tuple[str, ...]]
    read_waveform: WaveformReader
    offset_sign: float = 1.0  # the dialect's channel offset = offset_sign * volts at screen centre
    duty_percent: float = 1.0  # factor turning the duty-cycle answer into percent
    # timebase position field from (window_s, pretrigger fraction); default: the trigger's
    # distance left of the screen centre (Rigol's offset, Keysight's position)
    position: Callable[[float, float], float] = lambda window, pre: window * (0.5 - pre)

    def run(self, link: Link, templates: tuple[str, ...], **fields: Any) -> str | None:
        """Send a command list; the answer of the last query, if any."""
        answer = None
        for template in templates:
            command = template.format(**fields)
            if is_query(command):
                answer = link.query(command)
            else:
                link.write(command)
        return answer

    def fields(self, channel: int, channel2: int | None = None, **more: Any) -> dict[str, Any]:
        values = {"n": channel, "src": self.channel_name(channel)}
        if channel2 is not None:
            values.update(n2=channel2, src2=self.channel_name(channel2))
        values.update(more)
        return values


def status_is(done: str, known: tuple[str, ...]) -> Callable[[str], bool]:
    """A poll test for status words: True for ``done``, ValueError for an unknown word."""
    words = {word.upper() for word in known} | {done.upper()}

    def test(answer: str) -> bool:
        word = answer.strip().strip('"').upper()
        if word not in words:
            raise ValueError(f"unknown status {answer.strip()[:40]!r} (known: {', '.join(sorted(words))})")
        return word == done.upper()

    return test


def integer_test(predicate: Callable[[int], bool]) -> Callable[[str], bool]:
    def test(answer: str) -> bool:
        try:
            return predicate(int(float(answer.strip())))
        except ValueError:
            raise ValueError(f"expected an integer, got {answer.strip()[:40]!r}") from None

    return test


def parse_csv_numbers(answer: str, count: int) -> list[float]:
    """A comma-separated preamble of exactly ``count`` numbers."""
    parts = answer.strip().split(",")
    if len(parts) != count:
        raise ValueError(f"expected {count} comma-separated values, got {len(parts)}")
    return [float(part) for part in parts]
