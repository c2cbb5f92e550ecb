"""GPIO outputs of an emulated board, with the emulated time of every change.

A small TCG plugin (``gpio_clock.c``, compiled with gcc on first use into
``.harness-cache/qemu-plugins/``) writes one line into QEMU's ``-D`` log whenever a watched
output line changes level or direction, stamped with ``QEMU_CLOCK_VIRTUAL``. With
``-icount shift=N,sleep=off`` that clock follows executed instructions (2**N ns each), so
the stamps are the emulated board's time, not the host's. Boards: the micro:bit's nRF51
GPIO (``qemu-microbit``) and the MPS2 FPGA's user LEDs (``qemu-mps2``).

``GpioTrace`` belongs to one QEMU target: it gives the emulator its arguments, starts a new
log at every boot, and parses the log as it grows. The virtual scope reads it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from harness.errors import HarnessError
from harness.project import find_root

# micro:bit v1 edge connector pin -> nRF51 GPIO line (pin0 is P0.03).
MICROBIT_PIN_LINES: dict[str, int] = {
    "pin0": 3, "pin1": 2, "pin2": 1, "pin3": 4, "pin4": 5, "pin5": 17, "pin6": 12, "pin7": 11,
    "pin8": 18, "pin9": 10, "pin10": 6, "pin11": 26, "pin12": 20, "pin13": 23, "pin14": 22,
    "pin15": 21, "pin16": 16, "pin19": 0, "pin20": 30,
}
LED_MATRIX_LINES = range(4, 16)
# Every line but the LED matrix, whose refresh would flood the log.
DEFAULT_LINES = sum(1 << n for n in range(32) if n not in LED_MATRIX_LINES)
HIGH_VOLTS = 3.3  # the nRF51 drives its outputs to VDD


@dataclass(frozen=True)
class GpioBoard:
    """Where a board's outputs live: the stores that may change them, the registers that
    hold them (no direction register: every line drives), and its pin names."""

    name: str
    first: int
    last: int
    out_register: int
    dir_register: int | None
    pins: dict[str, int] = field(default_factory=dict)
    default_lines: int = 0xFFFFFFFF

    def plugin_args(self, lines: int) -> str:
        return (f"lines={lines:#x},lo={self.first:#x},hi={self.last:#x},out={self.out_register:#x},"
                f"dir={self.dir_register or 0:#x}")


NRF51 = GpioBoard("micro:bit (nRF51 GPIO)", 0x50000504, 0x5000077F, 0x50000504, 0x50000514,
                  MICROBIT_PIN_LINES, DEFAULT_LINES)
# The MPS2 FPGA's LED register (FPGAIO LED0 at 0x40028000): bit n is user LED n.
MPS2_LEDS = GpioBoard("MPS2 FPGAIO user LEDs", 0x40028000, 0x40028003, 0x40028000, None,
                      {"led0": 0, "led1": 1}, 0x3)
BOARDS: dict[str, GpioBoard] = {"qemu-microbit": NRF51, "qemu-mps2": MPS2_LEDS}
_LINE = re.compile(rb"^gpio out 0x([0-9a-f]{8}) dir 0x([0-9a-f]{8}) ns (-?\d+)$")


def plugin_source() -> bytes:
    return resources.files("harness.targets").joinpath("gpio_clock.c").read_bytes()


def build_plugin(cache: Path | None = None) -> Path:
    """The compiled plugin, built once per source version (atomically, so parallel workers
    can race for it)."""
    source = plugin_source()
    digest = hashlib.sha256(source).hexdigest()[:16]
    folder = cache or find_root() / ".harness-cache" / "qemu-plugins"
    target = folder / f"gpio_clock-{digest}.so"
    if target.exists():
        return target
    gcc = shutil.which("gcc")
    if gcc is None:
        raise HarnessError("gcc is needed to build the QEMU GPIO plugin (apt-get install gcc)")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        src = Path(tmp) / "gpio_clock.c"
        src.write_bytes(source)
        out = Path(tmp) / "gpio_clock.so"
        proc = subprocess.run([gcc, "-shared", "-fPIC", "-O2", "-fvisibility=hidden", "-o", str(out),
                               str(src)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise HarnessError(f"cannot build the QEMU GPIO plugin: {proc.stderr.strip()[-400:]}",
                               where=src)
        os.replace(out, target)
    return target


@dataclass(frozen=True)
class GpioChange:
    """The watched lines' output and direction registers from ``t_ns`` on."""

    t_ns: int
    out: int
    dir: int

    def volts(self, line: int) -> float:
        """Level of one line: driven high, driven low, or not driven (read as 0 V)."""
        bit = 1 << line
        return HIGH_VOLTS if (self.dir & bit and self.out & bit) else 0.0


@dataclass(frozen=True)
class GpioMark:
    """A point in the trace: changes after it are new."""

    boot: int
    index: int


INITIAL = GpioChange(0, 0, 0)


def parse_lines(data: bytes) -> list[GpioChange]:
    """Changes in complete log lines (other log lines are ignored)."""
    changes = []
    for raw in data.splitlines():
        match = _LINE.match(raw.strip())
        if match:
            changes.append(GpioChange(int(match.group(3)), int(match.group(1), 16), int(match.group(2), 16)))
    return changes


class GpioTrace:
    """The GPIO activity of one emulator, across its restarts (one log per boot)."""

    def __init__(self, lines: int = DEFAULT_LINES, icount_shift: int | None = None,
                 plugin: Path | None = None, board: GpioBoard = NRF51):
        self.lines = lines
        self.board = board
        self.icount_shift = icount_shift
        self._plugin = plugin
        self._folder = Path(tempfile.mkdtemp(prefix="harness-gpio-"))
        self._finalizer = weakref.finalize(self, shutil.rmtree, str(self._folder), True)
        self._lock = threading.Lock()
        self.boot = 0
        self.log_path: Path | None = None
        self._offset = 0
        self._changes: list[GpioChange] = []
        self._base = 0  # index of _changes[0] in this boot's sequence (older ones trimmed)
        self.last_growth = time.monotonic()

    # ---- the emulator's side -----------------------------------------------------------

    @property
    def time_resolution_s(self) -> float | None:
        """Resolution of the time stamps in emulated time (None: host time, see time_base)."""
        return (1 << self.icount_shift) * 1e-9 if self.icount_shift is not None else None

    @property
    def time_base(self) -> str:
        if self.icount_shift is None:
            return "QEMU virtual clock without -icount: host time, not the emulated board's"
        return (f"QEMU virtual clock, -icount shift={self.icount_shift},sleep=off: "
                f"{1 << self.icount_shift} ns per instruction")

    def new_boot(self) -> None:
        """A fresh log for an emulator about to start: its clock starts again at zero."""
        with self._lock:
            self.boot += 1
            self.log_path = self._folder / f"gpio-{self.boot}.log"
            self._offset = 0
            self._changes = []
            self._base = 0
            self.last_growth = time.monotonic()

    def qemu_args(self) -> list[str]:
        if self.log_path is None:
            self.new_boot()
        plugin = self._plugin or build_plugin()
        options = self.board.plugin_args(self.lines)
        return ["-d", "plugin", "-D", str(self.log_path), "-plugin", f"{plugin},{options}"]

    def close(self) -> None:
        self._finalizer()

    # ---- the reader's side -------------------------------------------------------------

    def poll(self) -> None:
        """Take in what the emulator wrote since the last poll (complete lines only)."""
        with self._lock:
            if self.log_path is None:
                return
            try:
                with open(self.log_path, "rb") as handle:
                    handle.seek(self._offset)
                    data = handle.read()
            except FileNotFoundError:
                return
            end = data.rfind(b"\n") + 1
            if end == 0:
                return
            self._offset += end
            self._changes.extend(parse_lines(data[:end]))
            self.last_growth = time.monotonic()

    def mark(self) -> GpioMark:
        """The present: later changes are new. Older ones are dropped (the state is kept)."""
        self.poll()
        with self._lock:
            if len(self._changes) > 1:
                drop = len(self._changes) - 1
                self._changes = self._changes[drop:]
                self._base += drop
            return GpioMark(self.boot, self._base + len(self._changes))

    def since(self, mark: GpioMark) -> tuple[GpioChange, list[GpioChange]]:
        """The state at ``mark`` and every change after it. After a restart: the new boot
        from its start."""
        self.poll()
        with self._lock:
            if mark.boot != self.boot:
                return INITIAL, list(self._changes)
            split = max(0, mark.index - self._base)
            state = self._changes[split - 1] if split > 0 else INITIAL
            return state, self._changes[split:]

    def quiet_for(self) -> float:
        """Host seconds since the log last grew."""
        return time.monotonic() - self.last_growth


def lines_mask(value: object, where: str, board: GpioBoard = NRF51) -> int:
    """The ``gpio_trace`` option: true (the board's default lines; on the micro:bit every line
    but the LED matrix) or a list of lines or pin names."""
    if value is True:
        return board.default_lines
    if isinstance(value, list) and value:
        mask = 0
        for item in value:
            line = board.pins.get(item) if isinstance(item, str) else item
            if not isinstance(line, int) or isinstance(line, bool) or not 0 <= line < 32:
                raise HarnessError(f"gpio_trace: {item!r} is neither a line (0-31) nor a pin of the "
                                   f"{board.name} ({', '.join(board.pins)})", where=where)
            mask |= 1 << line
        return mask
    raise HarnessError(f"gpio_trace must be true or a list of lines or pins, not {value!r}", where=where)
