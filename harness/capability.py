"""What a target has: declared in the rig (``capabilities:``), or probed on the running target.

A capability is a module (``json``), a feature probe (``emitter.native``) or a module
attribute (``machine.Pin``, ``pyb.LED``). Modules and feature probes come from the target's
start-up probe (``Target.capabilities``); an attribute is probed with a tiny program the first
time it is asked about. A rig may declare what a target has (what the lab wired: a scope on
its pins, a peripheral): declared capabilities are taken as they are.
"""

from __future__ import annotations

import re
from typing import Any

from harness.health import ProgramFiles
from harness.targets.base import FEATURE_PROBES, Capabilities

_NAME = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
ATTRIBUTE_PROBE = (
    "import {module} as m\n"
    "o = m\n"
    "for n in '{path}'.split('.'):\n"
    "    o = getattr(o, n, None)\n"
    "print('has' if o is not None else 'lacks')\n"
)


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))


class CapabilityProbe:
    """Answers "does this running target have X?", asking the target at most once per X."""

    def __init__(self, files: ProgramFiles):
        self.files = files
        self.cache: dict[tuple[str, str], bool] = {}

    def has(self, name: str, instance: Any, capabilities: Capabilities | None, declared: tuple[str, ...],
            capability: str) -> bool:
        if capability in declared:
            return True
        if capabilities is None:
            return True  # nothing probed: the spec's own ImportError is the evidence
        if capability in FEATURE_PROBES or "." not in capability:
            return not capabilities.lacks(capability)
        module, _, path = capability.partition(".")
        if capabilities.lacks(module):
            return False
        key = (name, capability)
        if key not in self.cache:
            self.cache[key] = self._ask(instance, module, path)
        return self.cache[key]

    def _ask(self, instance: Any, module: str, path: str) -> bool:
        if instance is None or not (valid_name(module) and valid_name(path)):
            return False
        spec = self.files.spec(ATTRIBUTE_PROBE.format(module=module, path=path), "capability")
        try:
            outcome = instance.run(spec)
        except Exception:  # a target that cannot answer does not have it, as far as we know
            return False
        lines = outcome.stdout.strip().splitlines()
        return bool(lines) and lines[-1] == "has" and not outcome.exception
