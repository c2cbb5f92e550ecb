"""A scripted MicroPython board for fast protocol tests: a serial-like object that
answers as the firmware's REPL does (friendly prompt, raw REPL, raw paste, soft reset).

Programs run under CPython with these extras: a line ``HANG`` runs forever (until Ctrl-C,
unless the board ignores it), ``RESET`` reboots the board, ``BIG`` fails to compile with
MemoryError.
"""

from __future__ import annotations

import contextlib
import io
import struct
import time

import serial

BANNER = b'MicroPython v1.99 on 2030-01-01; fake board\r\nType "help()" for more information.\r\n'
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"


class FakeBoard:
    timeout = 0.01

    def __init__(self, *, raw_paste: bool = False, window: int = 16, ignores_ctrl_c: bool = False,
                 silent: bool = False, broken: bool = False):
        self.raw_paste = raw_paste
        self.window = window
        self.ignores_ctrl_c = ignores_ctrl_c
        self.silent = silent  # never answers anything
        self.broken = broken  # every read and write raises, as a vanished port does
        self.out = bytearray()
        self.mode = "friendly"
        self.line = bytearray()
        self.hanging = False
        self.paste_credit = 0
        self.paste_received = 0
        self.window_violations = 0
        self.writes: list[bytes] = []
        self.programs: list[str] = []
        self.soft_resets = 0
        self.is_open = True
        self.out += BANNER + b">>> "

    # ---- serial-like interface --------------------------------------------------------

    @property
    def in_waiting(self) -> int:
        if self.broken:
            raise serial.SerialException("fake port vanished")
        return len(self.out)

    def read(self, size: int = 1) -> bytes:
        if self.broken:
            raise serial.SerialException("fake port vanished")
        if not self.out:
            time.sleep(self.timeout)
            return b""
        data = bytes(self.out[:size])
        del self.out[:size]
        return data

    def write(self, data: bytes) -> int:
        if self.broken:
            raise serial.SerialException("fake port vanished")
        self.writes.append(bytes(data))
        for byte in data:
            self._feed(bytes([byte]))
        return len(data)

    def close(self) -> None:
        self.is_open = False

    # ---- firmware behaviour -----------------------------------------------------------

    def _send(self, data: bytes) -> None:
        if not self.silent:
            self.out += data

    def _feed(self, c: bytes) -> None:
        if self.hanging:
            if c == b"\x03" and not self.ignores_ctrl_c:
                self.hanging = False
                self._send(b"\x04Traceback (most recent call last):\r\n"
                           b'  File "<stdin>", line 1, in <module>\r\nKeyboardInterrupt: \r\n\x04>')
            return
        if self.mode == "friendly":
            if c == b"\x01":
                self.mode = "raw"
                self.line.clear()
                self._send(b"\r\n" + RAW_BANNER)
            elif c == b"\x03":
                self._send(b"\r\n>>> ")
            elif c == b"\r":
                self._send(b"\r\n>>> ")
            return
        if self.mode == "paste":
            self._feed_paste(c)
            return
        # raw REPL
        if c == b"\x01":
            if self.raw_paste and self.line.endswith(b"\x05A"):
                self.line.clear()
                self.mode = "paste"
                self.paste_credit = self.window
                self.paste_received = 0
                self._send(b"R\x01" + struct.pack("<H", self.window))
                return
            self.line.clear()
            self._send(RAW_BANNER)
        elif c == b"\x02":
            self.mode = "friendly"
            self._send(b"\r\n" + BANNER + b">>> ")
        elif c == b"\x03":
            self.line.clear()
        elif c == b"\x04":
            if not self.line:
                self.soft_resets += 1
                self._send(b"OK\r\nsoft reboot\r\n" + RAW_BANNER)
                return
            code = bytes(self.line)
            self.line.clear()
            self._send(b"OK")
            self._run(code)
        else:
            self.line += c

    def _feed_paste(self, c: bytes) -> None:
        if c == b"\x04":
            self.mode = "raw"
            code = bytes(self.line)
            self.line.clear()
            self._send(b"\x04")
            self._run(code)
            return
        if self.paste_credit <= 0:
            self.window_violations += 1
        self.paste_credit -= 1
        self.paste_received += 1
        self.line += c
        if self.paste_received % self.window == 0:
            self.paste_credit += self.window
            self._send(b"\x01")

    def _run(self, code: bytes) -> None:
        text = code.decode()
        self.programs.append(text)
        lines = text.splitlines()
        if "BIG" in lines:
            self._send(b"\x04MemoryError: memory allocation failed, allocating 1936 bytes\r\n\x04>")
            return
        out, err = io.StringIO(), ""
        body = "\n".join(line for line in lines if line not in ("HANG", "RESET"))
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(body, "<stdin>", "exec"), {})
        except Exception as exc:  # noqa: BLE001 - reported as the board would
            err = ("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                   f"{type(exc).__name__}: {exc}\n")
        self._send(out.getvalue().replace("\n", "\r\n").encode())
        if "RESET" in lines:
            self.mode = "friendly"
            self._send(b"\x00" + BANNER + b">>> ")
            return
        if "HANG" in lines:
            self.hanging = True
            return
        self._send(b"\x04" + err.replace("\n", "\r\n").encode() + b"\x04>")
