"""Targets ``qemu-microbit`` and ``qemu-mps2``: MicroPython firmware in QEMU, reached
through its emulated UART exactly as a real board is (raw REPL and all).

One emulator per target object, reused across specs with a soft reset between them,
restarted when it dies or hangs beyond what the recovery ladder's gentler steps fix.

Options (rig file ``options:``):

- ``firmware``: image to boot. ``qemu-microbit``: a ``.hex`` (default: Debian's
  MicroPython 1.9.2 image) or an ``.elf`` built from source; ``qemu-mps2``: an ``.elf``
  (required).
- ``qemu``: the binary (default ``qemu-system-arm``).
- ``icount``: N gives deterministic mode ``-icount shift=N,sleep=off``; ``seed``
  (default 1 in deterministic mode) gives ``-seed`` (with it, two emulators answer the
  same random numbers). ``icount_sleep: true`` gives ``sleep=on``: a guest that halts
  (WFI) then idles in host time, which lets paced writes wait for it, and costs no host
  CPU; with ``sleep=off`` its clock is warped ahead at a full host core, and paced writes
  are spaced by the CPU time its vCPU thread gets (``chunk_cpu_us``, default 300).
- ``serial``: ``pipe`` (default: named pipes the harness owns, so paced writes can wait
  until the emulator has taken each chunk and gone idle: no byte is ever dropped, even
  on a loaded host), ``pty`` (QEMU's own pty, "char device redirected to /dev/pts/N";
  time-paced writes only) or ``tcp`` (a localhost socket, TCP_NODELAY set).
- ``reuse``: false boots a cold emulator for every spec (for comparison only).
- ``boot_timeout``: seconds to wait for QEMU's serial device (default 10).
- ``extra_args``: more QEMU arguments (e.g. ``["-d", "trace:nrf51_gpio_*", "-D", log]``).
- ``gpio_trace``: true, or a list of lines or pins (micro:bit ``pin0``..., MPS2 ``led0``,
  ``led1``): logs every change of those outputs with its emulated time
  (``harness.targets.qemu_gpio``; the virtual scope reads it through ``self.gpio``). Use
  with ``icount`` for emulated time.
- ``chunk_size`` / ``chunk_delay_ms`` / ``chunk_cpu_us``: paced writes when raw paste is not
  available.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import weakref
from pathlib import Path
from typing import Any

import serial

from harness.errors import HarnessError
from harness.firmware.manifest import file_sha256
from harness.targets.base import TargetConfig
from harness.targets.qemu_gpio import BOARDS as GPIO_BOARDS
from harness.targets.qemu_gpio import GpioTrace, lines_mask
from harness.targets.repl import ReplTarget
from harness.transport.stream import ByteStream, HostPipe, LinkLost, TransportError, open_stream

log = logging.getLogger("harness.targets.qemu")

DEBIAN_MICROBIT_HEX = Path("/usr/share/firmware-microbit-micropython/firmware.hex")
PTY_LINE = re.compile(rb"char device redirected to (\S+)")
BOOT_TIMEOUT_S = 10.0
IDLE_LOOKS = 5  # pauses at which an emulator is looked at before it counts as never idle
SERIAL_MODES = ("pipe", "pty", "tcp")


def free_tcp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _thread_states(pid: int) -> list[tuple[bytes, bytes]]:
    """(name, state) of every thread of ``pid``, from /proc."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    states = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", "rb") as handle:
                head, _, tail = handle.read().rpartition(b")")
            states.append((head.partition(b"(")[2], tail.split()[0]))
        except (OSError, IndexError):
            continue
    return states


def process_busy(pid: int) -> bool:
    """True unless every thread of ``pid`` sleeps.

    A guest waiting for input halts its CPU (WFI): QEMU's vCPU thread sleeps, and so do
    the others once they have delivered what was written. The vCPU thread alone is not
    enough: it also sleeps while it waits for QEMU's big lock, held by a thread that is
    itself waiting for a host CPU; then the guest has not drained its input yet.
    """
    return any(state not in (b"S", b"I") for _, state in _thread_states(pid))


class VcpuClock:
    """CPU seconds QEMU's vCPU thread has run: how far the guest got, whatever the host's load.

    For an emulator that never idles (``-icount ...,sleep=off``: an idle guest's clock is
    warped ahead at full speed), so the wait for it cannot be seen. The thread is found by its
    name, which QEMU gives it with ``-name ...,debug-threads=on``: ``CPU 0/TCG``, or with
    ``-icount`` (one thread runs every vCPU) ``ALL CPUs/TCG``.
    """

    def __init__(self, pid: int):
        self.pid = pid
        self._fd: int | None = None  # its schedstat, kept open: read a few times per chunk
        self._finalizer: weakref.finalize | None = None

    def __call__(self) -> float:
        if self._fd is None:
            for tid in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{tid}/comm", "rb") as handle:
                    if handle.read().startswith((b"CPU 0/", b"ALL CPUs/")):
                        self._fd = os.open(f"/proc/{self.pid}/task/{tid}/schedstat", os.O_RDONLY)
                        self._finalizer = weakref.finalize(self, os.close, self._fd)
                        break
            else:
                raise OSError(f"QEMU pid {self.pid} has no thread named as a vCPU's")
        # Nanoseconds on a CPU, waiting, timeslices; an ended thread reads as an error.
        return int(os.pread(self._fd, 64, 0).split()[0]) / 1e9


def _sleeps(pid: int, looks: int = 3, apart_s: float = 0.002) -> bool:
    """True when every thread of ``pid`` sleeps at each of a few looks."""
    for look in range(looks):
        if look:
            time.sleep(apart_s)
        if process_busy(pid):
            return False
    return True


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        log.error("qemu pid %d does not die", proc.pid)


def describe_exit(status: int | None) -> str:
    if status is None:
        return "running"
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"exited with status {status}"


class QemuProcess:
    """One running emulator and the URL of its serial port."""

    def __init__(self, argv: list[str], serial_mode: str, boot_timeout: float = BOOT_TIMEOUT_S):
        self.argv = list(argv)
        self.serial_mode = serial_mode
        self.boot_timeout = boot_timeout
        self.workdir = Path(tempfile.mkdtemp(prefix="harness-qemu-"))
        self.log_path = self.workdir / "qemu.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.host_pipe: HostPipe | None = None
        self._finalizer: weakref.finalize | None = None
        self.paused = False
        self.idles: bool | None = None  # halts by itself while it waits (seen at a pause)
        self._busy_looks = 0

    def start(self) -> str:
        """Start QEMU; return the serial URL (pty path or socket://).

        Serial modes: ``pipe`` (named pipes this process owns: ``host_pipe``), ``pty``
        (QEMU allocates a pty; anyone may open its path), ``tcp`` (a localhost socket).
        """
        argv = list(self.argv) + ["-name", "harness,debug-threads=on"]  # names its vCPU thread
        port = 0
        if self.serial_mode == "tcp":
            port = free_tcp_port()
            argv += ["-serial", f"tcp:127.0.0.1:{port},server=on,wait=off"]
        elif self.serial_mode == "pipe":
            self.host_pipe = HostPipe(str(self.workdir))
            argv += ["-serial", self.host_pipe.port]
        else:
            argv += ["-serial", "pty"]
        log.debug("starting %s", " ".join(argv))
        with open(self.log_path, "wb") as out:
            try:
                self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                             stderr=subprocess.STDOUT)
            except OSError as err:
                raise HarnessError(f"cannot start QEMU: {err}", where=argv[0]) from err
        self._finalizer = weakref.finalize(self, _kill, self.proc)
        if self.host_pipe is not None:
            proc = self.proc
            self.host_pipe.peer_alive = lambda: proc.poll() is None
            # With -icount ...,sleep=off the vCPU never idles: paced by its CPU time instead.
            if not any("sleep=off" in arg for arg in argv):
                self.host_pipe.peer_busy = lambda: process_busy(proc.pid)
            else:
                self.host_pipe.peer_cpu_s = VcpuClock(proc.pid)
            self.url = self.host_pipe.port
            return self.url
        deadline = time.monotonic() + self.boot_timeout
        while True:
            if self.proc.poll() is not None:
                text = self.log_text()
                self.stop()
                raise HarnessError(
                    f"QEMU {describe_exit(self.proc.returncode)} at start: {text.strip()[-400:]}",
                    where=" ".join(argv),
                )
            if self.serial_mode == "tcp":
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                except OSError:
                    pass
                else:
                    self.url = f"socket://127.0.0.1:{port}"
                    return self.url
            else:
                match = PTY_LINE.search(self.log_path.read_bytes())
                if match:
                    self.url = match.group(1).decode()
                    return self.url
            if time.monotonic() > deadline:
                self.stop()
                raise LinkLost(f"QEMU did not open its serial port within {self.boot_timeout:g} s"
                               f" ({' '.join(argv)})")
            time.sleep(0.002)

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def death(self, grace_s: float = 0.0) -> str | None:
        """How QEMU ended, waiting up to ``grace_s`` for it; None while it runs."""
        if self.proc is None:
            return None
        try:
            self.proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            return None
        return f"QEMU {describe_exit(self.proc.returncode)}"

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def pause(self) -> None:
        """SIGSTOP the emulator, unless it idles by itself. A firmware that waits for input
        by polling its UART (ports/qemu's own boards), and -icount's sleep=off (which warps an
        idle guest's clock), kept a host core busy: three of them took both cores of a serial
        run. One whose threads are all seen asleep at one of its first pauses halts while it
        waits (WFI: the micro:bit 1.9.2, images built with firmware/boards/qemu-idle); stopping
        and resuming it would only cost two signals a spec."""
        if self.proc is None or self.proc.poll() is not None or self.paused:
            return
        if self.idles is None:  # looked at, at up to IDLE_LOOKS pauses: a loaded host can hide it
            if any("sleep=off" in arg for arg in self.argv):
                self.idles = False
            elif _sleeps(self.proc.pid):
                self.idles = True
            else:
                self._busy_looks += 1
                if self._busy_looks >= IDLE_LOOKS:
                    self.idles = False
        if not self.idles:
            os.kill(self.proc.pid, signal.SIGSTOP)
            self.paused = True

    def lower_priority(self, nice: int) -> None:
        """Every thread of the emulator at ``nice`` (threads keep their own nice values)."""
        if self.proc is None:
            return
        try:
            for tid in os.listdir(f"/proc/{self.proc.pid}/task"):
                os.setpriority(os.PRIO_PROCESS, int(tid), nice)
        except OSError as err:  # it ended, or this host refuses: it only runs as fast as before
            log.debug("lowering the priority of QEMU pid %d: %s", self.proc.pid, err)

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            if self.proc is not None and self.proc.poll() is None:
                os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self) -> None:
        self.resume()  # (SIGKILL ends a stopped process too; a resumed one also flushes its log)
        if self._finalizer is not None:
            self._finalizer()  # kills and reaps, once
        if self.host_pipe is not None:
            self.host_pipe.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


class QemuTarget(ReplTarget):
    """Shared by the QEMU kinds: the emulator process, its restart, its identity."""

    machine_name = ""

    def __init__(self, config: TargetConfig):
        super().__init__(config)
        self.qemu = str(self.options.get("qemu", "qemu-system-arm"))
        self.nice = 0  # yield_cpu
        self.serial_mode = str(self.options.get("serial", "pipe"))
        if self.serial_mode not in SERIAL_MODES:
            raise HarnessError(f"target {self.name!r}: serial must be one of "
                               f"{', '.join(SERIAL_MODES)}, not {self.serial_mode!r}")
        self.reuse = bool(self.options.get("reuse", True))
        if not self.reuse:
            self.reset_method = "restart"
        self.boot_timeout = float(self.options.get("boot_timeout", BOOT_TIMEOUT_S))
        icount = self.options.get("icount")
        self.icount = int(icount) if icount is not None else None
        seed = self.options.get("seed", 1 if self.icount is not None else None)
        self.seed = int(seed) if seed is not None else None
        self.firmware = self._firmware_path()
        self.process: QemuProcess | None = None
        self.gpio: GpioTrace | None = None
        if self.options.get("gpio_trace"):
            board = GPIO_BOARDS[self.kind]
            self.gpio = GpioTrace(lines_mask(self.options["gpio_trace"], f"target {self.name!r}", board),
                                  icount_shift=self.icount, board=board)

    # ---- the command line -------------------------------------------------------------

    def _firmware_path(self) -> Path:
        value = self.options.get("firmware")
        if not value:
            raise HarnessError(f"target {self.name!r} ({self.kind}): option 'firmware' is required")
        return Path(str(value)).expanduser()

    def machine_args(self) -> list[str]:
        raise NotImplementedError

    def argv(self) -> list[str]:
        args = [self.qemu, *self.machine_args(), "-nographic"]
        if self.icount is not None:
            sleep = "on" if self.options.get("icount_sleep", False) else "off"
            args += ["-icount", f"shift={self.icount},sleep={sleep}"]
        if self.seed is not None:
            args += ["-seed", str(self.seed)]
        extra = [str(a) for a in self.options.get("extra_args", [])]
        if self.gpio is not None:
            extra += self.gpio.qemu_args()
        return args + extra

    # ---- ReplTarget hooks ------------------------------------------------------------------

    def _connect(self) -> tuple[ByteStream, str]:
        if not self.firmware.is_file():
            raise HarnessError(f"target {self.name!r}: firmware not found", where=self.firmware)
        if shutil.which(self.qemu) is None:
            raise HarnessError(f"target {self.name!r}: QEMU binary not found", where=self.qemu)
        self._end_process()
        if self.gpio is not None:
            self.gpio.new_boot()  # a fresh log: the emulated clock starts again at zero
        self.process = QemuProcess(self.argv(), self.serial_mode, self.boot_timeout)
        url = self.process.start()
        if self.nice:
            self.process.lower_priority(self.nice)
        stream: ByteStream
        if self.process.host_pipe is not None:
            stream = self.process.host_pipe
        else:
            try:
                stream = open_stream(url)
            except TransportError:
                self._end_process()
                raise
        self._dirty = False  # a fresh boot is a clean interpreter
        return stream, f"{self.name} ({url}, qemu pid {self.process.pid})"

    def _end_process(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None

    def _disconnect(self) -> None:
        if self._repl is not None:
            try:
                self._repl.stream.close()
            except (serial.SerialException, OSError):
                pass
        self._end_process()

    def _hard_reset(self) -> None:
        """Restart the emulator: a cold boot, a new serial port."""
        log.info("%s: restarting QEMU", self.name)
        repl = self._repl
        if repl is None:
            self.start()
            return
        try:
            repl.stream.close()
        except (serial.SerialException, OSError):
            pass
        stream, device = self._connect()
        repl.attach(stream, device)
        repl.enter()
        self._dirty = False

    _reopen = _hard_reset  # a pty vanishes with its emulator: reopening is restarting

    def _death(self, grace_s: float = 0.0) -> str | None:
        return self.process.death(grace_s) if self.process else None

    def pause(self) -> None:
        if self.process is not None:
            self.process.pause()

    def yield_cpu(self, nice: int) -> None:
        self.nice = nice  # an emulator started again later runs at it too
        if self.process is not None:
            self.process.lower_priority(nice)

    def resume(self) -> None:
        if self.process is not None:
            self.process.resume()

    def _firmware_identity(self) -> str:
        return f"{self.firmware.name} sha256:{file_sha256(self.firmware.resolve())}"

    def _identity_extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"qemu": " ".join(self.argv()), "firmware_path": str(self.firmware)}
        if self.icount is not None:
            extra["icount_shift"] = self.icount
        return extra

    # ---- evidence for tests and tools ------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    @property
    def url(self) -> str:
        return self.process.url if self.process else ""


class QemuMicrobitTarget(QemuTarget):
    """BBC micro:bit (nRF51822) in QEMU: Debian's MicroPython 1.9.2 by default (9 KB heap;
    bytes written unpaced are dropped, no raw paste), or a current build as an ELF."""

    kind = "qemu-microbit"

    def _firmware_path(self) -> Path:
        value = self.options.get("firmware")
        return Path(str(value)).expanduser() if value else DEBIAN_MICROBIT_HEX

    def machine_args(self) -> list[str]:
        monitor = ["-monitor", "none"]
        if self.firmware.suffix.lower() == ".elf":
            flash = int(self.options.get("flash_size", 1048576))
            sram = int(self.options.get("sram_size", 262144))
            # ports/qemu images talk through semihosting at start-up: without it they never
            # reach the REPL.
            return ["-M", "microbit", "-global", f"nrf51-soc.flash-size={flash}",
                    "-global", f"nrf51-soc.sram-size={sram}", "-semihosting",
                    "-kernel", str(self.firmware), *monitor]
        return ["-M", "microbit", "-device", f"loader,file={self.firmware}", *monitor]


class QemuMps2Target(QemuTarget):
    """MicroPython's ``ports/qemu`` firmware on the Cortex-M3 ``mps2-an385`` machine."""

    kind = "qemu-mps2"

    def machine_args(self) -> list[str]:
        machine = str(self.options.get("machine", "mps2-an385"))
        return ["-machine", machine, "-monitor", "null", "-semihosting",
                "-kernel", str(self.firmware)]


def qemu_available(binary: str = "qemu-system-arm") -> bool:
    """True when the QEMU binary is on PATH (tests and tools skip without it)."""
    return shutil.which(binary) is not None and os.access(shutil.which(binary) or "", os.X_OK)
