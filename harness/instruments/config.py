"""The ``instruments:`` entries of a rig file: which scope, how to reach it, which board pins
are wired to which of its channels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.instruments.dialects import DIALECTS
from harness.yamlfile import load_yaml

VIRTUAL_DIALECT = "rigol-ds1000z"
VIRTUAL_KINDS = ("qemu-microbit", "qemu-mps2")  # the emulators that trace their outputs


@dataclass(frozen=True)
class InstrumentConfig:
    name: str
    dialect: str
    resource: str | None = None  # None: the virtual scope, whose port is chosen at start
    virtual: bool = False
    target: str | None = None  # the target whose pins are wired (None: any target)
    wiring: dict[str, int] = field(default_factory=dict)  # board pin -> channel
    timeout_s: float = 5.0
    volts_per_div: float = 1.0
    center_v: float = 1.65
    probe: float = 1.0
    reset: bool = True
    where: str = ""  # file:line, for messages

    def wires(self, target: str, pins: tuple[str, ...]) -> bool:
        return (self.target in (None, target)) and all(pin in self.wiring for pin in pins)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.resource})" if self.resource else self.name


def load_instruments(raw: Mapping[str, Any], path: Path,
                     targets: Mapping[str, Any]) -> list[InstrumentConfig]:
    """Instrument entries of an already schema-checked rig; cross-checks give errors naming
    the rig file and line. ``targets`` maps target names to their kinds and options
    (``harness.rig.RigTarget``-like objects with ``kind`` and ``config.options``)."""
    entries = raw.get("instruments") or []
    if not entries:
        return []
    _, lines = load_yaml(path)
    found: list[InstrumentConfig] = []
    for index, entry in enumerate(entries):
        line = lines.get(("instruments", index))
        fail = partial(_error, path, lines, index)
        name = entry["name"]
        if any(other.name == name for other in found):
            raise fail(f"instrument {name!r} defined twice", "name")
        virtual = bool(entry.get("virtual", False))
        resource = entry.get("resource")
        if virtual == bool(resource):
            raise fail("give either a VISA resource or virtual: true", "resource" if resource else None)
        if entry["dialect"] not in DIALECTS:  # the schema lists them too; keep both in step
            raise fail(f"unknown dialect {entry['dialect']!r} (known: {', '.join(DIALECTS)})", "dialect")
        target = entry.get("target")
        if target is not None and target not in targets and not _disabled(raw, target):
            raise fail(f"target {target!r} is not in this rig (it has: {', '.join(targets)})", "target")
        wiring = dict(entry.get("wiring") or {})
        if virtual:
            _check_virtual(entry, target, targets, fail)
        found.append(InstrumentConfig(
            name=name, dialect=entry["dialect"], resource=resource, virtual=virtual, target=target,
            wiring=wiring, timeout_s=float(entry.get("timeout_s", 5.0)),
            volts_per_div=float(entry.get("volts_per_div", 1.0)), center_v=float(entry.get("center_v", 1.65)),
            probe=float(entry.get("probe", 1.0)), reset=bool(entry.get("reset", True)),
            where=f"{path}:{line}" if line else str(path)))
    return found


def _error(path: Path, lines: Mapping[tuple, int], index: int, message: str,
           key: str | None = None) -> HarnessError:
    line = lines.get(("instruments", index))
    if key:
        line = lines.get(("instruments", index, key), line)
    return HarnessError(f"instruments.{index}: {message}", where=path, line=line)


def _disabled(raw: Mapping[str, Any], target: str) -> bool:
    return any(t.get("name") == target and t.get("enabled") is False for t in raw.get("targets", []))


def _check_virtual(entry: Mapping[str, Any], target: str | None, targets: Mapping[str, Any], fail) -> None:
    from harness.targets.qemu_gpio import BOARDS

    if entry["dialect"] != VIRTUAL_DIALECT:
        raise fail(f"the virtual scope speaks {VIRTUAL_DIALECT}, not {entry['dialect']}", "dialect")
    if target is None:
        raise fail("the virtual scope needs the target whose GPIO feeds it (target:)")
    if target not in targets:
        return  # a disabled target: nothing to feed the scope, nothing runs on it
    rig_target = targets[target]
    if rig_target.kind not in VIRTUAL_KINDS:
        raise fail(f"the virtual scope reads GPIO of {', '.join(VIRTUAL_KINDS)} targets, "
                   f"not {rig_target.kind}", "target")
    if not rig_target.config.options.get("gpio_trace"):
        raise fail(f"target {target!r} must trace its GPIO for the virtual scope (gpio_trace: true)",
                   "target")
    board = BOARDS[rig_target.kind]
    unknown = [pin for pin in entry.get("wiring") or {} if pin not in board.pins]
    if unknown:
        raise fail(f"the {board.name} has no pin {unknown[0]!r} (pins: {', '.join(board.pins)})", "wiring")
    channels = [c for c in (entry.get("wiring") or {}).values() if c > 4]
    if channels:
        raise fail(f"the virtual scope has channels 1-4, not {channels[0]}", "wiring")
