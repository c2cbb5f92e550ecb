"""The measurement channel: lines a spec prints for audits, not for its verdict.

A spec reports a timing, a count or a size it observed on one line of its output::

    @measure <name> <value> [<unit>] [<key>=<value> ...]
    @measure workload_us 45210 us
    @measure gc.pause_us 812 us at=10432

The verdict ignores these lines (they are taken out of both the expected and the actual
output before comparing), so a spec can time itself without making its output vary. The
audit (``harness audit``) collects them into samples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PREFIX = "@measure"
_LINE = re.compile(r"^@measure[ \t]+(\S+)[ \t]+(\S+)((?:[ \t]+\S+)*)[ \t]*$")
_NAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


@dataclass(frozen=True)
class Sample:
    """One ``@measure`` line: a named value with its optional unit and attributes."""

    name: str
    value: float
    unit: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


def is_measure_line(line: str) -> bool:
    return line.startswith(PREFIX) and (len(line) == len(PREFIX) or line[len(PREFIX)] in " \t\r")


def strip_measurements(text: str) -> str:
    """The output without its measurement lines (everything else byte for byte)."""
    if PREFIX not in text:
        return text
    return "".join(line for line in text.splitlines(keepends=True) if not is_measure_line(line))


def parse_measurements(text: str) -> tuple[list[Sample], list[str]]:
    """The samples of every well-formed measurement line, and the malformed lines."""
    samples: list[Sample] = []
    bad: list[str] = []
    for line in text.splitlines():
        if not is_measure_line(line):
            continue
        match = _LINE.match(line.rstrip("\r"))
        value = _number(match.group(2)) if match else None
        if match is None or value is None or not _NAME.match(match.group(1)):
            bad.append(line)
            continue
        unit, attrs = "", {}
        for word in match.group(3).split():
            key, eq, rest = word.partition("=")
            if eq:
                attrs[key] = rest
            elif not unit:
                unit = word
        samples.append(Sample(match.group(1), value, unit, attrs))
    return samples, bad


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None
