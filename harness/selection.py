"""Choosing a rig's targets: ``--targets`` takes names, globs and filters.

Terms are separated by commas::

    --targets unix,qemu-microbit            names, as always
    --targets 'qemu-*'                      a glob over names
    --targets kind=board                    every target of a kind
    --targets 'kind=board,has=machine.Pin'  boards that have machine.Pin
    --targets 'name=lab-*,has=pyb'

A target is chosen when it matches one of the plain names or globs (if any are given) and
every filter. ``name=GLOB`` and ``kind=GLOB`` may repeat (any of them matches); ``has=CAP``
may repeat (all are needed). A capability is a module (``json``), a feature probe
(``emitter.native``) or a module attribute (``machine.Pin``): a target has it when the rig
declares it (``capabilities: [machine.Pin]`` on the target) or else when the running target
says so: such targets are started once to be probed (harness.capability).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from harness.capability import valid_name
from harness.errors import HarnessError
from harness.rig import Rig, RigTarget

log = logging.getLogger("harness.selection")

FILTERS = ("name", "kind", "has")
Probe = Callable[[RigTarget, tuple[str, ...]], set[str]]


@dataclass(frozen=True)
class Selection:
    text: str
    names: tuple[str, ...] = ()  # plain names and globs
    name_globs: tuple[str, ...] = ()  # name=...
    kinds: tuple[str, ...] = ()  # kind=...
    has: tuple[str, ...] = ()  # has=...

    @property
    def explicit(self) -> bool:
        """Only plain names: the user asked for these targets one by one."""
        return bool(self.names) and not (self.name_globs or self.kinds or self.has) and not any(
            _is_glob(n) for n in self.names)


def _is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def parse(text: str | None) -> Selection | None:
    """The terms of a ``--targets`` value; None for all targets."""
    if not text or not text.strip():
        return None
    names: list[str] = []
    found: dict[str, list[str]] = {key: [] for key in FILTERS}
    for term in (t.strip() for t in text.split(",")):
        if not term:
            continue
        key, eq, value = term.partition("=")
        if not eq:
            names.append(term)
            continue
        key, value = key.strip(), value.strip()
        if key not in FILTERS:
            raise HarnessError(f"--targets: unknown filter {key + '='!r} in {text!r} "
                               f"(known: {', '.join(k + '=' for k in FILTERS)})")
        if not value:
            raise HarnessError(f"--targets: {key}= needs a value in {text!r}")
        if key == "has" and not valid_name(value):
            raise HarnessError(f"--targets: has={value}: not a module or attribute name "
                               "(e.g. json, machine.Pin, emitter.native)")
        found[key].append(value)
    return Selection(text, tuple(names), tuple(found["name"]), tuple(found["kind"]), tuple(found["has"]))


def _describe(rig: Rig) -> str:
    return ", ".join(f"{t.name} ({t.kind})" for t in rig.targets.values())


def static_select(rig: Rig, selection: Selection | None) -> list[RigTarget]:
    """The targets chosen by names, globs, ``name=`` and ``kind=`` (``has=`` needs probing)."""
    if selection is None:
        return list(rig.targets.values())
    for name in selection.names:
        if not _is_glob(name) and name not in rig.targets:
            raise HarnessError(f"unknown target {name!r} (this rig has: {', '.join(rig.targets)})",
                               where=rig.path)
    chosen = []
    for target in rig.targets.values():
        if selection.names and not any(fnmatchcase(target.name, n) for n in selection.names):
            continue
        if selection.name_globs and not any(fnmatchcase(target.name, g) for g in selection.name_globs):
            continue
        if selection.kinds and not any(fnmatchcase(target.kind, k) for k in selection.kinds):
            continue
        chosen.append(target)
    if not chosen:
        raise HarnessError(f"--targets {selection.text!r}: no target of rig {rig.name!r} matches "
                           f"(it has: {_describe(rig)})", where=rig.path)
    if selection.explicit:  # the order the user gave
        chosen = [rig.targets[n] for n in dict.fromkeys(selection.names)]
    return chosen


def select(rig: Rig, selection: Selection | None, probe: Probe | None = None,
           candidates: list[RigTarget] | None = None) -> list[str]:
    """Names of the chosen targets. ``has=`` is decided by each target's declared capabilities,
    else by ``probe`` (which starts it); ``candidates`` narrows the static choice first."""
    chosen = candidates if candidates is not None else static_select(rig, selection)
    if selection is None or not selection.has:
        return [t.name for t in chosen]
    names = []
    for target in chosen:
        missing = tuple(c for c in selection.has if c not in target.capabilities)
        if missing and probe is not None:
            found = probe(target, missing)
            missing = tuple(c for c in missing if c not in found)
        if not missing:
            names.append(target.name)
        else:
            log.info("target %s left out: it lacks %s", target.name, ", ".join(missing))
    if not names:
        raise HarnessError(f"--targets {selection.text!r}: no target of rig {rig.name!r} has "
                           f"{', '.join(selection.has)} (it has: {_describe(rig)})", where=rig.path)
    return names


def live_probe(root: Path, rig: Rig) -> Probe:
    """A probe that starts a target, asks it, and stops it again."""

    def probe(rig_target: RigTarget, wanted: tuple[str, ...]) -> set[str]:
        from harness.capability import CapabilityProbe
        from harness.firmware.check import FirmwareCheck
        from harness.health import ProgramFiles
        from harness.targets import create_target

        check = FirmwareCheck(root, allow_mismatch=True, where=str(rig.path))
        files = ProgramFiles()
        instance = None
        try:
            config, _image = check.resolve(rig_target.config)
            instance = create_target(config)
            instance.start()
            capabilities = instance.capabilities()
            asker = CapabilityProbe(files)
            return {c for c in wanted if asker.has(rig_target.name, instance, capabilities, (), c)}
        except Exception as err:  # a target that cannot be asked is left out, with a line why
            log.warning("target %s: capabilities not probed (%s): left out", rig_target.name, err)
            return set()
        finally:
            if instance is not None:
                instance.stop()
            files.close()

    return probe
