"""Target kinds, created by name from a rig's target config.

Modules are imported on first use, so a rig without a Node or QEMU target never
imports their code.
"""

from __future__ import annotations

import importlib

from harness.errors import HarnessError
from harness.targets.base import Capabilities, Target, TargetConfig

KIND_MODULES: dict[str, str] = {
    "cpython": "harness.targets.cpython",
    "unix": "harness.targets.unix",
    "qemu-microbit": "harness.targets.qemu",
    "qemu-mps2": "harness.targets.qemu",
    "board": "harness.targets.board",
    "webassembly": "harness.targets.webassembly",
}

__all__ = ["Capabilities", "Target", "TargetConfig", "create_target", "KIND_MODULES"]


def create_target(config: TargetConfig) -> Target:
    module = KIND_MODULES.get(config.kind)
    if module is None:
        raise HarnessError(
            f"target {config.name!r}: unknown kind {config.kind!r} "
            f"(known: {', '.join(sorted(KIND_MODULES))})"
        )
    importlib.import_module(module)
    return Target.registry[config.kind](config)
