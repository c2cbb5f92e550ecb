"""Quarantine (``conformance/quarantine.yaml``): specs known to be unreliable on some targets.

A quarantined item still runs and is reported (marked quarantined in every report), but its
verdict does not fail ``harness run`` nor the nightly. Every entry has a reason and an expiry
date; an expired entry stops a run with one line naming the entry, so a quarantine is never
forgotten::

    quarantine:
      - spec: stdlib/time/ticks_*          # or feature: stdlib.time.*  (fnmatch globs)
        target: qemu-*                     # default: every target
        reason: the emulator's clock drifts under host load (issue 42)
        expires: 2025-12-31                # the last day it counts
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.schema import validate
from harness.yamlfile import SafeLoader, load_yaml

QUARANTINE_FILE = Path("conformance") / "quarantine.yaml"


class TextDates(SafeLoader):
    """Dates stay text, so a bad one (2025-02-30) is an error naming its line, not YAML's."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class QuarantineEntry:
    reason: str
    expires: dt.date
    where: str  # file:line, for messages
    spec: str | None = None
    feature: str | None = None
    target: str = "*"
    mode: str = "*"

    def matches(self, spec_id: str, feature: str, target: str, mode: str = "bytecode") -> bool:
        if self.spec is not None and not fnmatchcase(spec_id, self.spec):
            return False
        if self.feature is not None and not fnmatchcase(feature, self.feature):
            return False
        return fnmatchcase(target, self.target) and fnmatchcase(mode, self.mode)

    def expired(self, today: dt.date) -> bool:
        return today > self.expires

    def pattern(self) -> str:
        what = f"spec {self.spec}" if self.spec is not None else f"feature {self.feature}"
        return f"{what} on {self.target}" + (f" ({self.mode})" if self.mode != "*" else "")

    def as_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "expires": self.expires.isoformat(), "where": self.where,
                "pattern": self.pattern()}


@dataclass(frozen=True)
class Quarantine:
    entries: tuple[QuarantineEntry, ...] = ()
    path: Path | None = None

    def lookup(self, spec_id: str, feature: str, target: str, mode: str = "bytecode",
               today: dt.date | None = None) -> QuarantineEntry | None:
        """The first entry in force that covers the item (an expired one covers nothing)."""
        today = today or dt.date.today()
        for entry in self.entries:
            if not entry.expired(today) and entry.matches(spec_id, feature, target, mode):
                return entry
        return None

    def check_expiry(self, today: dt.date | None = None) -> None:
        """HarnessError naming the first expired entry's file and line."""
        today = today or dt.date.today()
        for entry in self.entries:
            if entry.expired(today):
                file, _, line = entry.where.rpartition(":")
                raise HarnessError(
                    f"quarantine entry expired on {entry.expires.isoformat()}: {entry.pattern()} "
                    f"({entry.reason}); fix the spec, or renew or remove the entry",
                    where=file, line=int(line) if line.isdigit() else None)


def load_quarantine(root: Path, check_expiry: bool = False, path: Path | None = None) -> Quarantine:
    """The project's quarantine file (empty without one); with ``check_expiry``, an expired
    entry is an error."""
    path = path or root / QUARANTINE_FILE
    if not path.exists():
        return Quarantine((), path)
    data, lines = load_yaml(path, TextDates)
    shown = _shown(path, root)
    if isinstance(data, dict):
        for index, entry in enumerate(data.get("quarantine") or []):
            if isinstance(entry, dict):
                _normalise(entry, index, shown, lines)
    validate(data, "quarantine", shown, lines)
    entries = []
    for index, entry in enumerate(data.get("quarantine") or []):
        line = lines.get(("quarantine", index))
        entries.append(QuarantineEntry(
            reason=entry["reason"],
            expires=_date(entry["expires"], shown, lines.get(("quarantine", index, "expires")), index),
            where=f"{shown}:{line}",
            spec=entry.get("spec"),
            feature=entry.get("feature"),
            target=entry.get("target", "*"),
            mode=entry.get("mode", "*"),
        ))
    quarantine = Quarantine(tuple(entries), path)
    if check_expiry:
        quarantine.check_expiry()
    return quarantine


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _normalise(entry: dict[str, Any], index: int, where: str, lines: dict) -> None:
    """Say clearly when an entry names both or neither of spec and feature."""
    has = [k for k in ("spec", "feature") if k in entry]
    if len(has) != 1:
        message = ("give either 'spec' or 'feature', not both" if has
                   else "an entry needs 'spec' (a spec id or glob) or 'feature'")
        line = lines.get(("quarantine", index, "feature")) or lines.get(("quarantine", index))
        raise HarnessError(f"quarantine.{index}: {message}", where=where, line=line)


def _date(text: str, where: str, line: int | None, index: int) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise HarnessError(f"quarantine.{index}.expires: {text!r} is not a date (YYYY-MM-DD)",
                           where=where, line=line) from None
