"""Instruction counts of a spec run on an emulator in deterministic mode.

With ``-icount shift=N,sleep=off`` QEMU's virtual clock follows executed instructions
(2**N ns each), so a count of instructions is the emulated board's time for busy code.
The audit gets one per spec run like this:

- a TCG plugin (``icount.c``, built with gcc on first use into ``.harness-cache/audit/``)
  counts every executed instruction and, when the guest stores to a marker register,
  writes the count and the virtual clock into QEMU's ``-D`` log;
- the spec's source is run with one marker store before its first line and one after its
  last (``marker_code``), so the difference is the spec's own work, interrupt handlers
  included, from its first statement to its last (compilation excluded);
- the marker is an I/O address whose write changes nothing: an unused word of the nRF51's
  GPIO block on the micro:bit, the MPS2 FPGA LED register (LEDs off) on mps2-an385.

Virtual time between the marks also counts time the guest spent idle (WFI: the clock
jumps to the next timer), which instructions do not.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from harness.errors import HarnessError

# Where a store changes nothing the program can see, per target kind.
MARKER_ADDRESS: dict[str, int] = {
    # In the nRF51 GPIO block but below its first register (OUT, 0x504): no register, the write
    # is ignored, and the GPIO trace's plugin (which watches 0x504 on) never sees it.
    "qemu-microbit": 0x50000500,
    "qemu-mps2": 0x40028000,  # MPS2 FPGAIO LED0: the user LEDs, off
}
_MARK = re.compile(rb"^hmark 0x([0-9a-f]+) (\d+) (-?\d+)\s*$")


@dataclass(frozen=True)
class Mark:
    address: int
    instructions: int
    virtual_ns: int


@dataclass(frozen=True)
class Region:
    """What the emulator did between a spec run's first and last marker."""

    instructions: int
    virtual_ns: int
    marks: int


def plugin_source() -> bytes:
    return resources.files("harness.audit").joinpath("icount.c").read_bytes()


def build_plugin(cache: Path) -> Path:
    """The compiled plugin, built once per source version (atomically: parallel audits may race)."""
    source = plugin_source()
    target = cache / f"icount-{hashlib.sha256(source).hexdigest()[:16]}.so"
    if target.exists():
        return target
    gcc = shutil.which("gcc")
    if gcc is None:
        raise HarnessError("gcc is needed to build the audit's QEMU plugin (apt-get install gcc)")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        src, out = Path(tmp) / "icount.c", Path(tmp) / "icount.so"
        src.write_bytes(source)
        proc = subprocess.run([gcc, "-shared", "-fPIC", "-O2", "-fvisibility=hidden", "-o", str(out),
                               str(src)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise HarnessError(f"cannot build the audit's QEMU plugin: {proc.stderr.strip()[-400:]}",
                               where=src)
        os.replace(out, target)
    return target


def marker_code(address: int) -> tuple[str, str]:
    """Source lines that store to the marker: before the spec's first line, after its last."""
    prologue = f"import machine as _hm;_hm.mem32[{address:#x}]=0\n"
    return prologue, f"\n_hm.mem32[{address:#x}]=0\n"


def parse_marks(data: bytes) -> list[Mark]:
    marks = []
    for raw in data.splitlines():
        match = _MARK.match(raw.strip())
        if match:
            marks.append(Mark(int(match.group(1), 16), int(match.group(2)), int(match.group(3))))
    return marks


def region(marks: list[Mark]) -> Region | None:
    """From the first mark to the last; None without two marks (the spec ended early)."""
    if len(marks) < 2:
        return None
    return Region(marks[-1].instructions - marks[0].instructions,
                  marks[-1].virtual_ns - marks[0].virtual_ns, len(marks))


class MarkLog:
    """Reads one QEMU ``-D`` log as it grows; a restarted QEMU starts its log again."""

    def __init__(self, path: Path):
        self.path = path
        self._offset = 0

    def move_to(self, path: Path) -> None:
        if path != self.path:
            self.path, self._offset = path, 0

    def skip(self) -> None:
        """Forget everything written so far."""
        self.take()

    def take(self) -> list[Mark]:
        """The marks written since the last call (complete lines only)."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return []
        if size < self._offset:  # a new emulator truncated the log
            self._offset = 0
        with open(self.path, "rb") as handle:
            handle.seek(self._offset)
            data = handle.read()
        end = data.rfind(b"\n") + 1
        self._offset += end
        return parse_marks(data[:end])
