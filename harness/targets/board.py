"""Target ``board``: a real MicroPython board on a serial link, from a rig file.

Options (rig file ``options:``):

- ``port``: a device path (``/dev/ttyACM0``), a pty, ``socket://host:port``,
  ``rfc2217://host:port?ign_set_control`` (a board shared by ser2net or labgrid), or
  ``auto`` (default): the first attached board by USB VID:PID, the Pyboard first.
- ``labgrid``: ``{place, coordinator}`` instead of ``port``: the place is acquired at
  start, its serial port (the exporter's ser2net) used through RFC 2217, and released at
  stop (harness.transport.labgrid).
- ``usb_ids``: the VID:PID list ``auto`` tries, in order (default Pyboard, micro:bit, Pico).
- ``baud``: 115200 by default (ignored by USB CDC, pty and sockets).
- ``reset``: how the board gets clean between specs: ``soft`` (Ctrl-D, default),
  ``machine`` (``machine.reset()``, then the port is reopened if it went away), ``none``.
- ``firmware``: text the board's ``os.uname().version`` / ``sys.implementation`` must
  contain (e.g. ``v1.22.2``); a board running something else is refused at start.
- ``firmware_sha256``: the image's hash when known (recorded with every result).
- ``power_cycle``: a command that power-cycles the board (e.g. ``uhubctl -l 1-1 -p 2 -a
  cycle``); when given it is the hard reset, so a board that ignores Ctrl-C comes back.
- ``reopen_timeout``: seconds to wait for the port to come back after a reset (10).
- ``chunk_size`` / ``chunk_delay_ms``: paced writes when raw paste is not available.
- ``integrity``: for a link that can drop or garble bytes (default true; see
  harness.transport.integrity): the board proves it got the program exactly, a sync
  check follows every program, and answers other than PASS are confirmed by a second
  run. On a micro:bit-class board it costs two of the six call levels the C stack allows.
"""

from __future__ import annotations

import logging
import shlex
import subprocess
import time
from typing import Any

import serial

from harness.errors import HarnessError
from harness.targets.base import TargetConfig
from harness.targets.repl import ReplTarget
from harness.transport.labgrid import LabgridPlace, PlaceConfig
from harness.transport.stream import (
    DEFAULT_USB_IDS,
    ByteStream,
    LinkLost,
    TransportError,
    open_stream,
    resolve_port,
)

log = logging.getLogger("harness.targets.board")

RESET_METHODS = ("soft", "machine", "none")
REBOOT_CODE = b"import machine\nmachine.reset()\n"


class BoardTarget(ReplTarget):
    kind = "board"
    default_integrity = True  # a real serial link can drop and garble bytes

    def __init__(self, config: TargetConfig):
        super().__init__(config)
        self.port = str(self.options.get("port", "auto"))
        self.usb_ids = tuple(str(i) for i in self.options.get("usb_ids", DEFAULT_USB_IDS))
        self.baud = int(self.options.get("baud", 115200))
        if self.reset_method not in RESET_METHODS:
            raise HarnessError(f"target {self.name!r}: reset must be one of "
                               f"{', '.join(RESET_METHODS)}, not {self.reset_method!r}")
        self.expected_firmware = str(self.options.get("firmware", "") or "")
        self.firmware_sha256 = str(self.options.get("firmware_sha256", "") or "")
        self.reopen_timeout = float(self.options.get("reopen_timeout", 10.0))
        command = self.options.get("power_cycle") or ""
        self.power_cycle = shlex.split(command) if isinstance(command, str) else list(command)
        self.resolved_port = ""
        place = self.options.get("labgrid")
        self.place = LabgridPlace(PlaceConfig.from_option(place)) if place else None
        self._stream: ByteStream | None = None

    def _connect(self) -> tuple[ByteStream, str]:
        port = self.place.acquire() if self.place is not None else self.port  # acquired once
        self.resolved_port = resolve_port(port, self.usb_ids)
        stream = self._stream = open_stream(self.resolved_port, self.baud)
        self._dirty = True  # a board's state is unknown until it is reset
        return stream, f"{self.name} ({self.resolved_port})"

    def _disconnect(self) -> None:
        stream, self._stream = self._stream, None  # the latest one opened (stop() drops the REPL first)
        if stream is not None:
            try:
                stream.close()
            except (serial.SerialException, OSError):
                pass
        if self.place is not None:
            self.place.release()  # also after a failed start: the place is never left held

    def _after_connect(self) -> None:
        if self.expected_firmware:
            ident = self.identity()
            seen = " ".join([ident.implementation, ident.version,
                             str(ident.extra.get("sys.implementation", ""))])
            if self.expected_firmware not in seen:
                where = self.resolved_port
                self.stop()
                raise HarnessError(
                    f"target {self.name!r}: the board runs {ident.version or seen!r}, "
                    f"the rig expects firmware {self.expected_firmware!r}",
                    where=where,
                )

    def _hard_reset(self) -> None:
        """``machine.reset()``; the board reboots to the friendly REPL; enter the raw one.
        A USB board disappears for a moment: then reopen the port once it is back.
        With a ``power_cycle`` command, that command is the hard reset instead."""
        repl = self.repl
        if self.power_cycle:
            log.warning("%s: power cycle: %s", self.name, " ".join(self.power_cycle))
            try:
                subprocess.run(self.power_cycle, check=True, timeout=60, capture_output=True)
            except (OSError, subprocess.SubprocessError) as err:
                raise TransportError(f"{self.name}: power cycle failed: {err}") from err
            self._reopen()
            self._dirty = False
            return
        if not repl.at_prompt:
            repl.enter()
        repl.send(REBOOT_CODE)
        time.sleep(0.2)
        try:
            repl.enter(timeout=3.0)
        except LinkLost:
            self._reopen()
        self._dirty = False

    def _reopen(self) -> None:
        repl = self.repl
        try:
            repl.stream.close()
        except (serial.SerialException, OSError):
            pass
        deadline = time.monotonic() + self.reopen_timeout
        while True:
            try:
                stream, device = self._connect()
                break
            except (TransportError, HarnessError) as err:
                if time.monotonic() >= deadline:
                    raise LinkLost(f"{self.name}: port did not come back within "
                                   f"{self.reopen_timeout:g} s: {err}") from err
                time.sleep(0.25)
        repl.attach(stream, device)
        repl.enter()

    def _firmware_identity(self) -> str:
        if self.firmware_sha256:
            return f"sha256:{self.firmware_sha256}"
        return self.expected_firmware

    def _identity_extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"port": self.resolved_port or self.port}
        if self.place is not None:
            config = self.place.config
            extra["labgrid"] = {"place": config.place, "coordinator": config.coordinator}
        return extra
