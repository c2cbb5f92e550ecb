"""Deterministic runs on the emulated micro:bit: the spec as the firmware's boot script.

Through the raw REPL a program arrives over the UART at host-dependent moments of the
emulated clock, so the micro:bit firmware's periodic interrupts (its 6 ms tick and the
display refresh) land at different points of the program from run to run: instruction
counts and ``ticks_us`` timings then spread by a few hundred instructions. With the
program built into the firmware image as its boot script, cold-booted under
``-icount shift=N,sleep=off -seed S``, nothing from the host reaches the guest until the
program ends, and every run is the same run: identical output, instruction counts and
timings.

MicroPython for the micro:bit (the Debian image, 1.9.2) runs a script it finds in flash at
0x3E000 ("MP", a little-endian 16-bit length, the source), then starts its REPL. The
image is an Intel HEX file: the script goes in as extra records before the end record.
"""

from __future__ import annotations

import os
import re
import select
import struct
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from harness.errors import HarnessError
from harness.records import Outcome
from harness.targets.base import TargetConfig, split_traceback
from harness.targets.repl import exception_from_stderr

SCRIPT_ADDRESS = 0x3E000
SCRIPT_LIMIT = 8 * 1024 - 4  # the script area ends where the file system would start
EOF_RECORD = ":00000001FF"
_BANNER = re.compile(r"(?:^|\n)MicroPython v[^\n]*\n(?:Type \"help\(\)\"[^\n]*\n)?>>> $")
_PROMPT = b">>> "
_BARE = re.compile(r"^[A-Za-z_]\w*(?:Error|Exception)(?::.*)?$")
PROBE_TIMEOUT_S = 5.0
# A script that ends with the heap locked leaves the REPL unable to start: after a bare
# exception line (no traceback could be allocated), this much host time without output
# means it never will. (After a traceback the firmware scrolls the error across the LED
# display before the REPL starts, which takes a while even at emulated speed.)
STALL_S = 1.0


def _record(kind: int, address: int, data: bytes) -> str:
    body = bytes([len(data), (address >> 8) & 0xFF, address & 0xFF, kind]) + data
    return ":" + body.hex().upper() + f"{(-sum(body)) & 0xFF:02X}"


def script_records(script: bytes, address: int = SCRIPT_ADDRESS) -> list[str]:
    """Intel HEX records placing ``script`` where the firmware looks for its boot script."""
    if len(script) > SCRIPT_LIMIT:
        raise HarnessError(f"a boot script holds at most {SCRIPT_LIMIT} bytes, this one has {len(script)}")
    data = b"MP" + struct.pack("<H", len(script)) + script
    data += bytes(len(data) % 2)
    records = [_record(4, 0, struct.pack(">H", address >> 16))]  # extended linear address
    for offset in range(0, len(data), 16):
        records.append(_record(0, (address + offset) & 0xFFFF, data[offset:offset + 16]))
    return records


def embed_script(hex_text: str, script: bytes) -> str:
    """The firmware image with ``script`` as its boot script (just before the end record,
    so no record of the image is read against our address base)."""
    lines = hex_text.split()
    if EOF_RECORD not in lines:
        raise HarnessError("not an Intel HEX firmware image (no end-of-file record)")
    end = lines.index(EOF_RECORD)
    return "\n".join(lines[:end] + script_records(script) + lines[end:]) + "\n"


def _end(proc: subprocess.Popen[bytes]) -> None:
    """Stop QEMU so that it flushes its -D log (the plugin's marks): SIGTERM, then SIGKILL."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
    proc.wait()


def supports_boot_script(kind: str, firmware: Path) -> bool:
    return kind == "qemu-microbit" and firmware.suffix.lower() == ".hex"


@dataclass(frozen=True)
class BootRun:
    outcome: Outcome
    heap_locked_after: bool | None  # probed only after a MemoryError


def split_output(text: str) -> tuple[str, str]:
    """(stdout, stderr) of a boot script's output: a traceback, or a bare ``MemoryError:``
    that could not allocate one, ends it."""
    stdout, stderr = split_traceback(text, exit_code=1)
    if stderr:
        return stdout, stderr
    lines = text.splitlines(keepends=True)
    if lines and _BARE.match(lines[-1].strip()):
        return "".join(lines[:-1]), lines[-1]
    return text, ""


class BootRunner:
    """Cold-boots the emulator once per spec run, the spec built into the image."""

    def __init__(self, config: TargetConfig, firmware: Path, workdir: Path, extra_args: list[str]):
        self.config = config
        self.firmware = firmware
        self.workdir = workdir
        self.extra_args = extra_args  # e.g. the plugin; its -D log is given per run
        self.boots = 0

    def argv(self, image: Path, log: Path | None) -> list[str]:
        from harness.targets.qemu import QemuMicrobitTarget

        options = {k: v for k, v in self.config.options.items() if k != "gpio_trace"}
        options["firmware"] = str(image)
        args = QemuMicrobitTarget(TargetConfig(self.config.name, self.config.kind, options)).argv()
        if log is not None:
            args += ["-d", "plugin", "-D", str(log)]
        return args + self.extra_args + ["-serial", "stdio"]

    def run(self, source: bytes, timeout: float, log: Path | None) -> BootRun:
        self.boots += 1
        image = self.workdir / f"boot-{self.boots}.hex"
        image.write_text(embed_script(self.firmware.read_text(encoding="ascii"), source), encoding="ascii")
        started = time.monotonic()
        with open(self.workdir / "qemu-stderr.log", "wb") as errors:
            proc = subprocess.Popen(self.argv(image, log), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=errors)
        try:
            data, ended = self._read_until_prompt(proc, started + timeout)
            duration = time.monotonic() - started
            text = data.replace(b"\x00", b"").replace(b"\r\n", b"\n").decode("utf-8", "replace")
            if ended in ("prompt", "stalled"):
                body = text
                if ended == "prompt":
                    banner = _BANNER.search(text)
                    assert banner is not None
                    body = text[:banner.start() + (text[banner.start()] == "\n")]
                stdout, stderr = split_output(body)
                exception = exception_from_stderr(stderr) if stderr else None
                locked = True if ended == "stalled" else None
                if ended == "prompt" and exception == "MemoryError":
                    locked = self._probe_lock(proc)
                detail = f"cold boot with the spec as boot script ({image.name})"
                if ended == "stalled":
                    detail += "; the REPL did not start after it (the heap is still locked)"
                outcome = Outcome(stdout=stdout, stderr=stderr, exit_code=1 if exception else 0,
                                  exception=exception, duration_s=duration, detail=detail)
                return BootRun(outcome, locked)
            if ended == "exit":
                return BootRun(Outcome(stdout=text, duration_s=duration, crashed=True,
                                       detail=f"QEMU exited with status {proc.returncode} under the "
                                              "boot script"), None)
            return BootRun(Outcome(stdout=text, duration_s=duration, timed_out=True,
                                   detail=f"no REPL prompt within {timeout:g} s of the cold boot"), None)
        finally:
            _end(proc)
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    stream.close()
            image.unlink(missing_ok=True)

    @staticmethod
    def _read_until_prompt(proc: subprocess.Popen[bytes], deadline: float) -> tuple[bytes, str]:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        data, last = b"", time.monotonic()
        while True:
            text = data.replace(b"\x00", b"").replace(b"\r\n", b"\n").decode("utf-8", "replace")
            if text.endswith(">>> ") and _BANNER.search(text):
                return data, "prompt"
            now = time.monotonic()
            tail = text.rstrip("\n").rpartition("\n")[2]
            bare = _BARE.match(tail.strip()) and "Traceback (most recent call last)" not in text
            if text.endswith("\n") and bare and now - last > STALL_S:
                return data, "stalled"
            left = deadline - now
            if left <= 0:
                return data, "timeout"
            ready, _, _ = select.select([fd], [], [], min(left, STALL_S / 5))
            if ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    proc.wait()
                    return data, "exit"
                data, last = data + chunk, time.monotonic()

    @staticmethod
    def _probe_lock(proc: subprocess.Popen[bytes]) -> bool | None:
        """Is the heap still locked? Typing ``1`` at the REPL needs the heap to compile."""
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(b"1\r")
            proc.stdin.flush()
        except OSError:
            return None
        fd, answer = proc.stdout.fileno(), b""
        deadline = time.monotonic() + PROBE_TIMEOUT_S
        while not answer.endswith(_PROMPT):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(0.0, left))
            if not ready:
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                return None
            answer += chunk
        return b"MemoryError" in answer
