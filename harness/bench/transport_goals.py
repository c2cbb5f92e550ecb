"""The goals of ``harness bench transport``, from the rows the transport benches measure.

- Debian micro:bit (1.9.2): soft-reset reuse against a cold emulator boot per spec
  (at least 10x) and against ``mpremote run`` on the same emulator (at least 2x);
- MicroPython 1.29 on MPS2-AN385, when built: reuse against a cold boot, and the
  harness within 3x of a bare raw REPL loop (soft reset + exec, nothing else).
"""

from __future__ import annotations

from pathlib import Path

from harness.bench.common import Goal
from harness.bench.transport import (
    COLD,
    FLOOR,
    MPREMOTE,
    MPS2_FLOOR_FACTOR,
    REUSE,
    bench_mps2,
    bench_transport,
)

MICROBIT_GOALS = {COLD: 10.0, MPREMOTE: 2.0}


def _by_name(rows: list[dict]) -> dict[str, dict]:
    return {row["name"]: row for row in rows}


def transport_goals(root: Path, rounds: int = 10) -> tuple[list[Goal], list[str]]:
    rows = _by_name(bench_transport(rounds=rounds))
    reuse = rows[REUSE]["median_ms"]
    goals = [
        Goal("transport", f"micro:bit 1.9.2 per spec vs {name}", "soft-reset reuse", name,
             reuse, rows[name]["median_ms"], "ms", minimum)
        for name, minimum in MICROBIT_GOALS.items() if name in rows
    ]
    notes = [f"transport: micro:bit {rows[REUSE]['samples']} samples per way; wrong outputs: "
             + ", ".join(f"{r['name']} {r['wrong']}" for r in rows.values())]
    image = _mps2_image(root)
    if image is None:
        notes.append("transport: no MicroPython 1.29 MPS2 image (run `make firmware`): MPS2 rows left out")
        return goals, notes
    mps2 = _by_name(bench_mps2(image, rounds=rounds))
    harness_ms = mps2[REUSE]["median_ms"]
    goals.append(Goal("transport", "MPS2 1.29 per spec vs cold boot", "soft-reset reuse", COLD,
                      harness_ms, mps2[COLD]["median_ms"], "ms", 1.0))
    goals.append(Goal("transport", f"MPS2 1.29 harness within {MPS2_FLOOR_FACTOR:g}x of the floor",
                      "soft-reset reuse", FLOOR, harness_ms, mps2[FLOOR]["median_ms"], "ms",
                      1 / MPS2_FLOOR_FACTOR))
    notes.append("transport: MPS2 wrong outputs: "
                 + ", ".join(f"{r['name']} {r['wrong']}" for r in mps2.values()))
    return goals, notes


def _mps2_image(root: Path) -> Path | None:
    from harness.errors import HarnessError
    from harness.firmware.manifest import load_manifest

    try:
        image = load_manifest(root).get("micropython-1.29-mps2")
    except HarnessError:
        return None
    return image.path if image.path and image.path.is_file() else None
