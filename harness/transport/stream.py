"""Open the byte stream to a board: any pyserial URL, a pty or device path, or ``auto``;
or own a pair of pipes for an emulator (``HostPipe``).

``socket://host:port`` and ``rfc2217://host:port`` come from pyserial's URL handlers;
a plain path (``/dev/ttyACM0``, ``/dev/pts/3``) is opened as a serial device; ``auto``
finds a board on USB by VID:PID. The raw REPL above this knows nothing of where the
bytes go.
"""

from __future__ import annotations

import fcntl
import logging
import os
import select
import socket
import struct
import termios
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import serial
import serial.tools.list_ports

from harness.errors import HarnessError

log = logging.getLogger("harness.transport")

# USB ids tried by ``auto``, in order: the Pyboard first, then other MicroPython boards.
DEFAULT_USB_IDS: tuple[str, ...] = (
    "f055:9800",  # Pyboard (MicroPython USB CDC)
    "0d28:0204",  # BBC micro:bit (DAPLink)
    "2e8a:0005",  # Raspberry Pi Pico (MicroPython)
)

# How long one read call may block; the raw REPL loops on it against its own deadlines.
POLL_S = 0.05
WRITE_TIMEOUT_S = 5.0


class ByteStream(Protocol):
    """What the raw REPL needs of a stream: pyserial objects and HostPipe both fit."""

    @property
    def in_waiting(self) -> int: ...

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes) -> int | None: ...

    def close(self) -> None: ...


class TransportError(Exception):
    """The link to a board failed (not the board's program). The message names the device."""


class LinkLost(TransportError):
    """The stream itself broke: the port vanished, the socket closed, the emulator died."""


def parse_usb_id(text: str) -> tuple[int, int]:
    """``"f055:9800"`` -> ``(0xF055, 0x9800)``; raise HarnessError on anything else."""
    try:
        vid, pid = text.split(":")
        return int(vid, 16), int(pid, 16)
    except ValueError:
        raise HarnessError(
            f"bad USB id {text!r}, expected VID:PID in hex like f055:9800"
        ) from None


def find_board(usb_ids: Iterable[str] = DEFAULT_USB_IDS) -> str:
    """The device path of the first attached board whose VID:PID is listed (list order wins)."""
    wanted = [parse_usb_id(item) for item in usb_ids]
    ports = list(serial.tools.list_ports.comports())
    for vid, pid in wanted:
        for port in sorted(ports, key=lambda p: p.device):
            if port.vid == vid and port.pid == pid:
                log.info("auto: found %04x:%04x at %s (%s)",
                         vid, pid, port.device, port.description)
                return port.device
    seen = ", ".join(f"{p.device} {p.vid or 0:04x}:{p.pid or 0:04x}" for p in ports) or "none"
    raise HarnessError(
        f"auto: no board with USB id {', '.join(usb_ids)} attached (serial ports seen: {seen})"
    )


def resolve_port(port: str, usb_ids: Sequence[str] = DEFAULT_USB_IDS) -> str:
    """The URL or path to open: ``auto`` becomes the found device, anything else stays."""
    return find_board(usb_ids) if port == "auto" else port


def _raw_socket(stream: serial.SerialBase) -> socket.socket | None:
    sock = getattr(stream, "_socket", None)
    return sock if isinstance(sock, socket.socket) else None


def set_nodelay(stream: serial.SerialBase) -> bool:
    """Turn off Nagle on a socket-backed stream (88 ms -> 3 ms per exchange). True if done."""
    sock = _raw_socket(stream)
    if sock is None:
        return False
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return True


def open_stream(url: str, baudrate: int = 115200) -> serial.SerialBase:
    """Open ``url`` (pyserial URL or device path; resolve ``auto`` first with resolve_port).

    Reads return after at most POLL_S, so callers loop against their own deadlines.
    Raises LinkLost naming the device when it cannot be opened.
    """
    # pyserial's RFC 2217 client has no write timeout (its writes go to a socket).
    write_timeout = None if url.startswith("rfc2217://") else WRITE_TIMEOUT_S
    try:
        stream = serial.serial_for_url(
            url, baudrate=baudrate, timeout=POLL_S, write_timeout=write_timeout
        )
    except (serial.SerialException, OSError, ValueError, NotImplementedError) as err:
        raise LinkLost(f"{url}: cannot open: {err}") from err
    if set_nodelay(stream):
        log.debug("%s: TCP_NODELAY set", url)
    return stream


class HostPipe:
    """A pair of named pipes owned by this process, for an emulator started with
    ``-serial pipe:<base>`` (QEMU reads ``<base>.in`` and writes ``<base>.out``).

    Why pipes and not a pty: a pipe shows exactly how many written bytes the emulator
    has not read yet (FIONREAD on our own end), from the moment they are written; a
    pty hands them over through the kernel's flip buffer later, so right after a write
    it looks empty. Paced writes use ``tx_pending`` to wait until the emulator has taken
    every byte and gone idle: an emulated UART has no wire speed, and a host that
    deschedules the emulator would otherwise let a backlog burst into the firmware's
    small receive ring and overflow it (the micro:bit firmware drops such bytes).

    Both ends stay open here, so reads never see EOF when the emulator dies:
    ``peer_alive`` (set by the owner) is checked while idle. Implements the part of
    pyserial's interface the raw REPL uses.
    """

    def __init__(self, directory: str, timeout: float = POLL_S,
                 write_timeout: float = WRITE_TIMEOUT_S):
        self.base = os.path.join(directory, "serial")
        self.port = f"pipe:{self.base}"
        for suffix in (".in", ".out"):
            os.mkfifo(self.base + suffix, 0o600)
        # O_RDWR: opening never blocks and never needs the other side yet.
        self.tx = os.open(self.base + ".in", os.O_RDWR | os.O_NONBLOCK)
        self.rx = os.open(self.base + ".out", os.O_RDWR | os.O_NONBLOCK)
        self.timeout = timeout
        self.write_timeout = write_timeout
        self.peer_alive: Callable[[], bool] = lambda: True
        # Set by the owner when it can tell: True while the emulator still works on input.
        self.peer_busy: Callable[[], bool] | None = None
        # Set by the owner of an emulator that never idles: CPU seconds its guest has had.
        self.peer_cpu_s: Callable[[], float] | None = None
        self.is_open = True

    def _check_open(self) -> None:
        if not self.is_open:
            raise serial.SerialException(f"{self.port}: closed")

    @property
    def in_waiting(self) -> int:
        self._check_open()
        return _fionread(self.rx)

    def tx_backlog(self) -> int:
        """Bytes written that the emulator has not read yet."""
        self._check_open()
        return _fionread(self.tx)

    def tx_pending(self) -> bool:
        """True while the emulator has not read, or not finished with, what was written."""
        if self.tx_backlog():
            return True
        return bool(self.peer_busy and self.peer_busy())

    def read(self, size: int = 1) -> bytes:
        self._check_open()
        ready, _, _ = select.select([self.rx], [], [], self.timeout)
        if not ready:
            if not self.peer_alive():
                raise serial.SerialException(f"{self.port}: the emulator is gone")
            return b""
        try:
            return os.read(self.rx, size)
        except BlockingIOError:
            return b""
        except OSError as err:
            raise serial.SerialException(f"{self.port}: read failed: {err}") from err

    def write(self, data: bytes) -> int:
        self._check_open()
        view = memoryview(data)
        deadline = time.monotonic() + self.write_timeout
        while view:
            _, ready, _ = select.select([], [self.tx], [], 0.05)
            if not ready:
                if not self.peer_alive():
                    raise serial.SerialException(f"{self.port}: the emulator is gone")
                if time.monotonic() > deadline:
                    raise serial.SerialTimeoutException(f"{self.port}: write timeout")
                continue
            try:
                sent = os.write(self.tx, view)
            except BlockingIOError:
                continue
            except OSError as err:
                raise serial.SerialException(f"{self.port}: write failed: {err}") from err
            view = view[sent:]
        return len(data)

    def close(self) -> None:
        if self.is_open:
            self.is_open = False
            for fd in (self.tx, self.rx):
                try:
                    os.close(fd)
                except OSError:
                    pass
            for suffix in (".in", ".out"):
                try:
                    os.unlink(self.base + suffix)
                except OSError:
                    pass


def _fionread(fd: int) -> int:
    return int(struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0])
