"""Flashing a real Pyboard through its DFU bootloader, as a state machine with deadlines.

    FIND_BOARD -> ENTER_BOOTLOADER -> WAIT_DFU -> DOWNLOAD -> WAIT_BOARD -> VERIFY -> DONE

- FIND_BOARD: the board's USB serial port (CDC f055:9800, or the port given). A board
  already in DFU mode (0483:df11) goes straight to DOWNLOAD.
- ENTER_BOOTLOADER: ``machine.bootloader()`` through the raw REPL; the port vanishes.
- WAIT_DFU: until ``dfu-util -l`` lists 0483:df11.
- DOWNLOAD: ``dfu-util -a 0 -d 0483:df11 -s :leave -D image.dfu`` (leave: jump to the
  new firmware afterwards).
- WAIT_BOARD: until the CDC port is back.
- VERIFY: the new firmware's identity against the manifest's image.

Every wait has a deadline and every failure says which step, which device, and what to
try. What it touches (USB listings, dfu-util, the serial port) is passed in, so the
whole machine runs against a fake board in tests.
"""

from __future__ import annotations

import enum
import logging
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.firmware.check import compare
from harness.firmware.manifest import Image, verify
from harness.transport.rawrepl import RawRepl
from harness.transport.stream import TransportError, open_stream

log = logging.getLogger("harness.firmware.dfu")

PYBOARD_CDC = (0xF055, 0x9800)
STM32_DFU = (0x0483, 0xDF11)
BOOTLOADER_CODE = b"import machine\nmachine.bootloader()\n"
_FOUND_DFU = re.compile(r"Found DFU: \[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\]")
UDEV_HINT = ("add a udev rule for 0483:df11 (e.g. MODE=\"0666\" in "
             "/etc/udev/rules.d/49-stm32-dfu.rules) or run as root")


class State(enum.StrEnum):
    FIND_BOARD = "find board"
    ENTER_BOOTLOADER = "enter bootloader"
    WAIT_DFU = "wait for DFU device"
    DOWNLOAD = "download"
    FETCH = "fetch"  # mpflash: the release into its firmware folder
    MPFLASH = "flash with mpflash"  # mpflash: bootloader entry and download in one run
    WAIT_BOARD = "wait for the board"
    VERIFY = "verify"
    DONE = "done"
    FAILED = "failed"


class FlashError(HarnessError):
    """Flashing stopped; the message names the step, the device and what to try."""


@dataclass(frozen=True)
class Timeouts:
    bootloader_s: float = 10.0  # machine.bootloader() until the DFU device shows
    download_s: float = 180.0  # dfu-util's whole run
    board_s: float = 30.0  # after the download until the serial port is back
    repl_s: float = 5.0  # raw REPL answers
    poll_s: float = 0.25  # between USB listings


def usb_id(vid: int, pid: int) -> str:
    return f"{vid:04x}:{pid:04x}"


def serial_ports() -> list[Any]:
    """The host's serial ports with their USB ids (pyserial's listing)."""
    from serial.tools import list_ports

    return list(list_ports.comports())


def dfu_command(dfu_util: str, image: Path, device: tuple[int, int] = STM32_DFU) -> list[str]:
    """dfu-util download of a DfuSe file; ``-s :leave`` jumps to the new firmware after it."""
    return [dfu_util, "-a", "0", "-d", usb_id(*device), "-s", ":leave", "-D", str(image)]


def parse_dfu_list(text: str) -> list[tuple[int, int]]:
    """USB ids of the DFU devices ``dfu-util -l`` found."""
    return [(int(v, 16), int(p, 16)) for v, p in _FOUND_DFU.findall(text)]


def _dfu_failure(output: str, status: int) -> str:
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("dfu-util:") or "error" in ln.lower()]
    detail = (errors or lines or ["no output"])[-1]
    hint = ""
    if "LIBUSB_ERROR_ACCESS" in output or "Cannot open DFU device" in output:
        hint = f": no permission to open the DFU device: {UDEV_HINT}"
    elif "No DFU capable USB device" in output:
        hint = ": the DFU device went away (cable? reset?)"
    return f"dfu-util failed (exit {status}): {detail}{hint}"


@dataclass
class PyboardFlasher:
    """One flashing run of one image onto one Pyboard."""

    image: Image
    file: Path  # the .dfu to write
    port: str = "auto"  # the board's serial port, or auto (USB f055:9800)
    dfu_util: str = "dfu-util"
    list_serial: Callable[[], list[Any]] = serial_ports
    timeouts: Timeouts = field(default_factory=Timeouts)
    say: Callable[[str], None] = print
    state: State = State.FIND_BOARD
    history: list[tuple[State, str]] = field(default_factory=list)  # (state entered, why)
    identity: dict[str, Any] = field(default_factory=dict)
    _board_port: str = ""

    # ---- the machine ------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        """Flash and verify; returns the new identity. FlashError on any failure."""
        self._preflight()
        steps = self.steps()
        self._enter(State.FIND_BOARD, "start")
        while self.state is not State.DONE:
            try:
                next_state, why = steps[self.state]()
            except FlashError as err:
                self._enter(State.FAILED, str(err))
                raise
            self._enter(next_state, why)
        return self.identity

    def steps(self) -> dict[State, Callable[[], tuple[State, str]]]:
        """Each state's step; a step returns the next state and why (a flasher using another
        tool swaps the middle steps and keeps the rest)."""
        return {
            State.FIND_BOARD: self._find_board,
            State.ENTER_BOOTLOADER: self._enter_bootloader,
            State.WAIT_DFU: self._wait_dfu,
            State.DOWNLOAD: self._download,
            State.WAIT_BOARD: self._wait_board,
            State.VERIFY: self._verify,
        }

    def _enter(self, state: State, why: str) -> None:
        self.state = state
        self.history.append((state, why))
        log.info("flash %s: %s (%s)", self.image.name, state.value, why)
        if state not in (State.FAILED, State.FIND_BOARD):
            self.say(f"flash: {state.value}: {why}")

    def _fail(self, message: str) -> FlashError:
        return FlashError(f"flashing {self.image.name!r}, step '{self.state.value}': {message}")

    def _preflight(self) -> None:
        """Nothing touches the board until the image is the one the manifest names."""
        if self.image.flash != "dfu":
            raise FlashError(f"image {self.image.name!r} is not flashed through DFU "
                             f"(flash: {self.image.flash})", where=self.image.where or None)
        checked = verify(self.image, self.file)
        if not checked.ok:
            raise FlashError(f"refusing to flash: {checked.message()}")
        if shutil.which(self.dfu_util) is None:
            raise FlashError(f"{self.dfu_util} not found: install dfu-util (tools/setup-system)")

    # ---- USB -------------------------------------------------------------------------

    def dfu_devices(self) -> list[tuple[int, int]]:
        try:
            proc = subprocess.run([self.dfu_util, "-l"], capture_output=True, text=True,
                                  timeout=max(5.0, self.timeouts.repl_s))
        except subprocess.TimeoutExpired:
            raise self._fail(f"{self.dfu_util} -l did not answer")
        except OSError as err:
            raise self._fail(f"cannot run {self.dfu_util}: {err}")
        return parse_dfu_list(proc.stdout + proc.stderr)

    def board_port(self) -> str | None:
        """The Pyboard's serial port if it is enumerated now."""
        if self.port != "auto":
            known = {p.device for p in self.list_serial()}
            return self.port if self.port in known or Path(self.port).exists() else None
        for info in self.list_serial():
            if (getattr(info, "vid", None), getattr(info, "pid", None)) == PYBOARD_CDC:
                return str(info.device)
        return None

    def _poll(self, found: Callable[[], Any], timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = found()
            if value:
                return value
            if time.monotonic() >= deadline:
                return None
            time.sleep(self.timeouts.poll_s)

    # ---- the steps ---------------------------------------------------------------------

    def _find_board(self) -> tuple[State, str]:
        if STM32_DFU in self.dfu_devices():
            return State.DOWNLOAD, f"already in DFU mode ({usb_id(*STM32_DFU)})"
        port = self.board_port()
        if port is None:
            where = f"port {self.port}" if self.port != "auto" else f"USB {usb_id(*PYBOARD_CDC)}"
            raise self._fail(f"no Pyboard found ({where}, and no DFU device {usb_id(*STM32_DFU)}): "
                             "plug it in, or give --port")
        self._board_port = port
        return State.ENTER_BOOTLOADER, f"board on {port}"

    def _enter_bootloader(self) -> tuple[State, str]:
        port = self._board_port
        try:
            stream = open_stream(port)
        except TransportError as err:
            raise self._fail(f"cannot open the board's port: {err}")
        repl = RawRepl(stream, port)
        try:
            repl.enter(timeout=self.timeouts.repl_s)
        except TransportError as err:
            stream.close()
            raise self._fail(f"{port}: no raw REPL ({err}); press RST and try again")
        try:
            repl.send(BOOTLOADER_CODE, timeout=self.timeouts.repl_s)
        except TransportError as err:
            log.debug("%s: link dropped while entering the bootloader: %s", port, err)  # expected
        finally:
            try:
                stream.close()
            except Exception as err:  # the port may already be gone with the board
                log.debug("%s: close: %s", port, err)
        return State.WAIT_DFU, f"machine.bootloader() sent on {port}"

    def _wait_dfu(self) -> tuple[State, str]:
        if not self._poll(lambda: STM32_DFU in self.dfu_devices(), self.timeouts.bootloader_s):
            raise self._fail(
                f"the board did not enumerate as DFU device {usb_id(*STM32_DFU)} within "
                f"{self.timeouts.bootloader_s:g} s: connect BOOT0 to 3V3 (the DFU jumper), "
                "press RST and run again")
        return State.DOWNLOAD, f"DFU device {usb_id(*STM32_DFU)} present"

    def _download(self) -> tuple[State, str]:
        argv = dfu_command(self.dfu_util, self.file)
        try:
            proc = subprocess.run(argv, capture_output=True, text=True,
                                  timeout=self.timeouts.download_s)
        except subprocess.TimeoutExpired:
            raise self._fail(f"dfu-util did not finish within {self.timeouts.download_s:g} s "
                             f"({' '.join(argv)}); the board may be half-written: "
                             "reflash in DFU mode (BOOT0 jumper)")
        except OSError as err:
            raise self._fail(f"cannot run {self.dfu_util}: {err}")
        if proc.returncode != 0:
            raise self._fail(_dfu_failure(proc.stdout + proc.stderr, proc.returncode))
        return State.WAIT_BOARD, f"{self.file.name} written ({' '.join(argv[1:-1])})"

    def _wait_board(self) -> tuple[State, str]:
        port = self._poll(self.board_port, self.timeouts.board_s)
        if not port:
            hint = self._not_back_hint()
            raise self._fail(f"the board did not come back as USB {usb_id(*PYBOARD_CDC)} within "
                             f"{self.timeouts.board_s:g} s: {hint}")
        self._board_port = port
        return State.VERIFY, f"board back on {port}"

    def _not_back_hint(self) -> str:
        still_dfu = STM32_DFU in self.dfu_devices()
        return ("it is still in DFU mode: remove the BOOT0 jumper and press RST" if still_dfu
                else "press RST; if it stays silent, reflash in DFU mode")

    def _verify(self) -> tuple[State, str]:
        self.identity = read_identity(self._board_port, self.timeouts.repl_s, self.timeouts.board_s)
        problems = compare(self.image, self.identity)
        if problems:
            raise self._fail(f"the board now reports {self.identity.get('implementation')!r}: "
                             + "; ".join(problems))
        return State.DONE, f"the board runs {self.image.name} ({self.identity.get('implementation')})"


def read_identity(port: str, repl_timeout: float, settle_s: float) -> dict[str, Any]:
    """sys.implementation and os.uname() of the board on ``port``, as a target identity."""
    from harness.targets.repl import IDENTITY_CODE, implementation_text, parse_fields

    deadline = time.monotonic() + settle_s
    while True:  # a freshly enumerated port may refuse to open for a moment
        try:
            stream = open_stream(port)
            break
        except TransportError as err:
            if time.monotonic() >= deadline:
                raise FlashError(f"{port}: cannot open the board after flashing: {err}")
            time.sleep(0.2)
    try:
        repl = RawRepl(stream, port)
        repl.enter(timeout=repl_timeout)
        result = repl.exec(IDENTITY_CODE, repl_timeout)
    except TransportError as err:
        raise FlashError(f"{port}: the board does not answer after flashing: {err}")
    finally:
        stream.close()
    lines = result.stdout.splitlines() + ["", "", ""]
    uname = parse_fields(lines[2])
    return {
        "target": "board",
        "kind": "board",
        "implementation": implementation_text(parse_fields(lines[0])),
        "version": uname.get("version", ""),
        "machine": uname.get("machine", ""),
        "firmware": "",
        "extra": {"sys.implementation": lines[0], "os.uname": uname, "port": port},
    }
