"""``harness firmware identify``: start each rig target, ask what it runs, compare, stop."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.firmware.check import FirmwareCheck
from harness.rig import Rig
from harness.targets import create_target
from harness.transport.stream import TransportError

log = logging.getLogger("harness.firmware")


@dataclass(frozen=True)
class IdentifyRow:
    target: str
    status: str  # OK, MISMATCH, NO-EXPECTATION, UNAVAILABLE, OFFLINE
    identity: dict[str, Any]
    expected: str = ""
    detail: str = ""


def identify_targets(root: Path, rig: Rig, names: list[str] | None = None) -> list[IdentifyRow]:
    check = FirmwareCheck(root, allow_mismatch=True, where=str(rig.path))
    rows: list[IdentifyRow] = []
    for rig_target in rig.select(names):
        name = rig_target.name
        try:
            config, image = check.resolve(rig_target.config)
        except HarnessError as err:
            rows.append(IdentifyRow(name, "UNAVAILABLE", {}, detail=str(err)))
            continue
        expected = image.name if image else ""
        instance = create_target(config)
        try:
            instance.start()
            identity = check.check(name, instance.identity().as_dict(), image)
        except (HarnessError, TransportError, OSError) as err:
            rows.append(IdentifyRow(name, "OFFLINE", {}, expected, str(err)))
            continue
        finally:
            instance.stop()
        if image is None:
            status = "NO-EXPECTATION"
        else:
            status = "MISMATCH" if "firmware_mismatch" in identity else "OK"
        rows.append(IdentifyRow(name, status, identity, expected, identity.get("firmware_mismatch", "")))
    return rows
