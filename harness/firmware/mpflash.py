"""Flashing a Pyboard with mpflash, the second method beside dfu-util, on the same state machine.

    FIND_BOARD -> FETCH -> FLASH WITH MPFLASH -> WAIT_BOARD -> VERIFY -> DONE

mpflash (``pip install 'micropython-harness[mpflash]'``, optional) flashes micropython.org
releases by board id and version out of its own firmware folder; it has no option to flash
a given file. So an image with ``flash: mpflash`` is such a release, and:

- FIND_BOARD: the board's serial port, exactly one (mpflash's default ``--serial *`` flashes
  every board it finds).
- FETCH: ``mpflash --dir <folder> download --board B --version V`` into a folder of the
  harness's own (``.harness-cache/firmware/mpflash``, its database included, not the user's
  Downloads). The file it fetched must have the manifest's sha256 before the board is touched.
- FLASH WITH MPFLASH: ``mpflash ... flash --board B --version V --serial PORT --bootloader mpy``.
- WAIT_BOARD, VERIFY: the DFU flasher's own steps.

Why the harness does not enter the bootloader itself, as it does for dfu-util: mpflash names
the board by its serial port and refuses a port that is not there ("No serial ports
matched"). Once ``machine.bootloader()`` has run, that port is gone, and without ``--serial``
mpflash would flash whatever else is plugged in. So mpflash sends ``machine.bootloader()``
itself (``--bootloader mpy``, through mpremote), waits for the DFU device and writes it with
pydfu. What mpflash does not do, the harness still does: pick one board, check the image's
hash, put a deadline on every mpflash run (killing its process group: it runs mpremote),
wait for the board to come back (mpflash's own wait gives up after 10 s without failing) and
verify the new identity (mpflash's success means the write finished, not that the board runs
the manifest's version).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harness.firmware.dfu import PYBOARD_CDC, STM32_DFU, FlashError, PyboardFlasher, State, usb_id
from harness.firmware.manifest import CACHE, Image, verify

MPFLASH_DIR = CACHE / "mpflash"
INSTALL_HINT = "pip install 'micropython-harness[mpflash]' (or: pipx install mpflash)"
# mpflash logs through rich as "HH:MM:SS | <icon> message"; the icon is the level name where
# the console is not UTF-8.
_LOG_LINE = re.compile(r"^\d\d:\d\d:\d\d \| (\S+) ?(.*)$")
_ERROR_MARKS = ("❌", "☠️", "ERROR", "CRITICAL")
_BOX = "│┃╭╮╰╯─ "
_GENERIC = ("No boards were flashed",)


def download_command(mpflash: str, folder: Path, image: Image) -> list[str]:
    """mpflash fetching the release of the image's board and version into ``folder``."""
    return [mpflash, "--dir", str(folder), "--no-interactive", "download",
            "--board", image.board, "--version", image.micropython]


def flash_command(mpflash: str, folder: Path, image: Image, port: str) -> list[str]:
    """mpflash flashing that release onto the one board on ``port``, entering its bootloader
    with ``machine.bootloader()`` (``mpy``: a Pyboard has no 1200-baud touch reset)."""
    return [mpflash, "--dir", str(folder), "--no-interactive", "flash",
            "--board", image.board, "--version", image.micropython,
            "--serial", port, "--bootloader", "mpy"]


def fetched_files(folder: Path, image: Image) -> list[Path]:
    """The release files mpflash keeps for the image: ``<folder>/<port>/<BOARD>-v<version>.<ext>``."""
    return sorted(folder.glob(f"*/{image.board}-v{image.micropython}.{image.format}"))


def mpflash_errors(output: str, usage: bool = False) -> list[str]:
    """mpflash's error lines, without time and icon; with ``usage``, also the text of the
    boxed usage error click prints (exit status 2)."""
    errors: list[str] = []
    for raw in output.splitlines():
        line = raw.strip()
        match = _LOG_LINE.match(line)
        if match:
            if match.group(1) in _ERROR_MARKS and match.group(2).strip():
                errors.append(match.group(2).strip())
        elif usage and line.startswith("│"):
            text = line.strip(_BOX)
            if text:
                errors.append(text)
    return errors


def mpflash_failure(output: str, status: int, last: bool = False) -> str:
    """One line: mpflash's exit status, its telling error (the first, or with ``last`` the
    last, that is not a mere summary) and what to try."""
    errors = mpflash_errors(output, usage=status == 2)
    specific = [e for e in errors if e not in _GENERIC] or errors
    if specific:
        detail = specific[-1] if last else specific[0]
    else:
        lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
        detail = lines[-1] if lines else "no output"
    hint = ""
    if "Insufficient permissions" in output or "LIBUSB_ERROR_ACCESS" in output:
        rule = next((ln.strip() for ln in output.splitlines() if ln.strip().startswith("sudo cp ")), "")
        hint = (f": no permission to open the DFU device {usb_id(*STM32_DFU)}: install mpflash's udev "
                f"rule ({rule or 'see its output'}) or run as root")
    elif "No serial ports matched" in output:
        hint = ": the board's port went away before mpflash opened it (a reset?): run again"
    elif "Could not connect" in output or "No relevant firmwares" in output:
        hint = (": mpflash fetches releases from micropython.org: check the network, and that "
                "this board has this version there")
    return f"mpflash exit {status}: {detail}{hint}"


@dataclass
class MpflashFlasher(PyboardFlasher):
    """One flashing run of one release onto one Pyboard, through mpflash."""

    file: Path | None = None  # type: ignore[assignment]  # the release mpflash fetched (FETCH)
    folder: Path = field(default=MPFLASH_DIR, kw_only=True)  # mpflash's firmware folder (--dir)
    mpflash: str = field(default="mpflash", kw_only=True)  # the mpflash executable

    def steps(self) -> dict[State, Callable[[], tuple[State, str]]]:
        return {
            State.FIND_BOARD: self._find_board,
            State.FETCH: self._fetch,
            State.MPFLASH: self._flash,
            State.WAIT_BOARD: self._wait_board,
            State.VERIFY: self._verify,
        }

    def _preflight(self) -> None:
        if self.image.flash != "mpflash":
            raise FlashError(f"image {self.image.name!r} is not flashed with mpflash "
                             f"(flash: {self.image.flash})", where=self.image.where or None)
        if shutil.which(self.mpflash) is None:
            if self.mpflash == "mpflash":
                raise FlashError(f"mpflash is not installed (image {self.image.name!r} has flash: "
                                 f"mpflash): {INSTALL_HINT}")
            raise FlashError(f"{self.mpflash} not found (--mpflash): {INSTALL_HINT}")
        self.folder.mkdir(parents=True, exist_ok=True)

    # ---- the steps of its own -------------------------------------------------------------

    def _find_board(self) -> tuple[State, str]:
        port = self.board_port()
        if port is None:
            where = f"port {self.port}" if self.port != "auto" else f"USB {usb_id(*PYBOARD_CDC)}"
            raise self._fail(f"no Pyboard found ({where}): plug it in, or give --port; a board "
                             f"already in DFU mode ({usb_id(*STM32_DFU)}) has no port for mpflash "
                             "to name: press RST, or flash an image with flash: dfu")
        self._board_port = port
        return State.FETCH, f"board on {port}"

    def _fetch(self) -> tuple[State, str]:
        argv = download_command(self.mpflash, self.folder, self.image)
        status, output = self._tool(argv, "fetch")
        files = fetched_files(self.folder, self.image)
        if not files:  # mpflash exits 0 when it found nothing to download, or no network
            raise self._fail(f"no {self.image.board} {self.image.micropython} release in {self.folder} "
                             f"after {' '.join(argv[3:])}: {mpflash_failure(output, status, last=True)}")
        file = files[0]
        checked = verify(self.image, file)
        if not checked.ok:
            raise self._fail(f"refusing to flash: {checked.message()} (mpflash keeps what it "
                             f"fetched: delete {file} to fetch it again)")
        self.file = file
        return State.MPFLASH, f"{file.name} in {self.folder}, sha256 as the manifest's"

    def _flash(self) -> tuple[State, str]:
        argv = flash_command(self.mpflash, self.folder, self.image, self._board_port)
        status, output = self._tool(argv, "flash")
        if status != 0:
            raise self._fail(f"{mpflash_failure(output, status)} (its output: {self.folder / 'flash.log'})")
        name = self.file.name if self.file else self.image.name
        return State.WAIT_BOARD, f"{name} written by mpflash on {self._board_port}"

    def _not_back_hint(self) -> str:
        return (f"press RST; if it stays in DFU mode ({usb_id(*STM32_DFU)}), flash it with "
                "dfu-util (an image with flash: dfu)")

    # ---- running mpflash ------------------------------------------------------------------

    def _tool(self, argv: list[str], step: str) -> tuple[int, str]:
        """Run mpflash with the step's deadline; its output goes to ``<folder>/<step>.log``."""
        log_path = self.folder / f"{step}.log"
        env = dict(os.environ, COLUMNS="200")  # rich wraps at 80 columns into a pipe
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, errors="replace", env=env,
                                    start_new_session=True)  # its own group: mpremote dies with it
        except OSError as err:
            raise self._fail(f"cannot run {self.mpflash}: {err}")
        try:
            output, _ = proc.communicate(timeout=self.timeouts.download_s)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            output, _ = proc.communicate()
            log_path.write_text(output)
            after = ("it may have left the board in its bootloader: press RST, or flash with "
                     "dfu-util" if step == "flash" else "no network to micropython.org?")
            raise self._fail(f"mpflash did not finish within {self.timeouts.download_s:g} s "
                             f"({' '.join(argv[3:])}), stopped; {after} (its output: {log_path})")
        log_path.write_text(output)
        return proc.returncode, output
