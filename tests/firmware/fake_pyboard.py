"""A fake Pyboard for the DFU flashing tests: the one thing that cannot exist here.

It behaves like the real board where the flasher meets it:

- a serial port (a pty) speaking MicroPython's raw REPL; ``machine.bootloader()`` drops
  the port, as the board's USB CDC device vanishes;
- the USB listing: pyserial ``ListPortInfo`` entries with VID:PID f055:9800 while the
  board runs MicroPython (none while it is in DFU mode);
- a ``dfu-util`` executable printing what dfu-util 0.11 prints for ``-l`` and ``-D``,
  checking the DfuSe file, and with ``-s :leave`` sending the board back to MicroPython,
  which then reports the version written into the file.

Board and fake dfu-util share a small JSON state file.
"""

from __future__ import annotations

import json
import os
import select
import sys
import textwrap
import threading
import time
import tty
from pathlib import Path

from serial.tools.list_ports_common import ListPortInfo

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"

DFU_UTIL = r'''#!{python}
"""Fake dfu-util 0.11 for one fake Pyboard (state: {state})."""
import json, sys, time
STATE = {state!r}
def load():
    with open(STATE) as f:
        return json.load(f)
def save(s):
    with open(STATE + ".tmp", "w") as f:
        json.dump(s, f)
    import os; os.replace(STATE + ".tmp", STATE)
args = sys.argv[1:]
s = load()
s.setdefault("calls", []).append(args)
save(s)
print("dfu-util 0.11\n")
print("Copyright 2005-2009 Weston Schmidt, Harald Welte and OpenMoko Inc.")
print("Copyright 2010-2021 Tormod Volden and Stefan Schmidt")
print("This program is Free Software and has ABSOLUTELY NO WARRANTY")
print("Please report bugs to http://sourceforge.net/p/dfu-util/tickets/\n")
in_dfu = s["mode"] == "dfu"
if "-l" in args:
    if in_dfu:
        for alt, name in ((3, "@Device Feature/0xFFFF0000/01*004 e"),
                          (1, "@Option Bytes  /0x1FFFC000/01*016 e"),
                          (0, "@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg")):
            print("Found DFU: [0483:df11] ver=2200, devnum=12, cfg=1, intf=0, path=\"1-1.2\", "
                  f'alt={{alt}}, name="{{name}}", serial="385B37623036"')
    sys.exit(0)
if "-D" in args:
    if s.get("dfu_error") == "access":
        print("dfu-util: Cannot open DFU device 0483:df11 found on devnum 12 (LIBUSB_ERROR_ACCESS)",
              file=sys.stderr)
        sys.exit(74)
    if not in_dfu:
        print("dfu-util: No DFU capable USB device available", file=sys.stderr)
        sys.exit(74)
    data = open(args[args.index("-D") + 1], "rb").read()
    if not data.startswith(b"DfuSe") or data[-8:-5] != b"UFD":
        print("dfu-util: Invalid DFU suffix signature", file=sys.stderr)
        sys.exit(74)
    print("Opening DFU capable USB device...")
    print("Device ID 0483:df11")
    print("Device DFU version 011a")
    print("DfuSe interface name: \"Internal Flash  \"")
    print("Download\t[=========================] 100%       {{}} bytes".format(len(data)))
    print("Download done.")
    print("Done parsing DfuSe file")
    marker = data.find(b"MicroPython v")
    s = load()
    s["firmware"] = data[marker + 13:].split(b" ")[0].decode()
    if ":leave" in args:
        print("Submitting leave request...")
        print("Transitioning to dfuMANIFEST state")
        s["mode"] = "leaving"
    save(s)
    sys.exit(0)
print("dfu-util: You need to specify one of -D or -U", file=sys.stderr)
sys.exit(64)
'''


def dfu_file(path: Path, version: str) -> Path:
    """A small DfuSe file whose payload names the MicroPython version it "contains"."""
    payload = f"MicroPython v{version} on 2026-08-19; PYBv1.1 with STM32F405RG ".encode() * 4
    prefix = b"DfuSe\x01" + len(payload).to_bytes(4, "little") + b"\x01"
    suffix = b"\x00\x02\x11\xdf\x83\x04\x1a\x01UFD\x10" + b"\x00\x00\x00\x00"
    path.write_bytes(prefix + payload + suffix)
    return path


class FakePyboard:
    """The board, its USB presence and its dfu-util. ``behaviour`` keys:
    ``ignore_bootloader`` (stays in MicroPython), ``dfu_error`` ("access"),
    ``no_return`` (never comes back after the download)."""

    def __init__(self, folder: Path, version: str = "1.22.2", mode: str = "app", **behaviour: object):
        folder.mkdir(parents=True, exist_ok=True)
        self.state_path = folder / "state.json"
        self.dfu_util = folder / "dfu-util"
        self.behaviour = behaviour
        self._save({"mode": mode, "firmware": version, "dfu_error": behaviour.get("dfu_error")})
        self.dfu_util.write_text(textwrap.dedent(DFU_UTIL).format(python=sys.executable,
                                                                 state=str(self.state_path)))
        self.dfu_util.chmod(0o755)
        self.port: str | None = None
        self.reboots = 0
        self._master: int | None = None
        self._slave: int | None = None
        self._stop = threading.Event()
        if mode == "app":  # enumerated before the constructor returns, as a plugged-in board is
            self._attach()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    # ---- state shared with the fake dfu-util --------------------------------------------

    def _save(self, state: dict) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        os.replace(tmp, self.state_path)

    def state(self) -> dict:
        return json.loads(self.state_path.read_text())

    def _set(self, **changes: object) -> None:
        state = self.state()
        state.update(changes)
        self._save(state)

    @property
    def dfu_calls(self) -> list[list[str]]:
        return self.state().get("calls", [])

    # ---- the USB listing ------------------------------------------------------------------

    def list_serial(self) -> list[ListPortInfo]:
        port = self.port
        if port is None:
            return []
        info = ListPortInfo(port, skip_link_detection=True)
        info.vid, info.pid = 0xF055, 0x9800
        info.description = "Pyboard Virtual Comm Port in FS Mode"
        return [info]

    # ---- the board --------------------------------------------------------------------------

    def _attach(self) -> None:
        self._master, self._slave = os.openpty()
        tty.setraw(self._master)
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)

    def _detach(self) -> None:
        self.port = None
        for fd in (self._master, self._slave):
            if fd is not None:
                os.close(fd)
        self._master = self._slave = None

    def _write(self, data: bytes) -> None:
        if self._master is not None:
            os.write(self._master, data)

    def _serve(self) -> None:
        raw = False
        code = bytearray()
        while not self._stop.is_set():
            mode = self.state()["mode"]
            if mode == "app" and self._master is None:
                self._attach()
                raw, code = False, bytearray()
            if mode == "leaving":  # the new firmware boots and enumerates again
                time.sleep(0.05)
                self._set(mode="absent" if self.behaviour.get("no_return") else "app")
                self.reboots += 1
                continue
            if self._master is None:
                time.sleep(0.01)
                continue
            ready, _, _ = select.select([self._master], [], [], 0.01)
            if not ready:
                continue
            try:
                data = os.read(self._master, 4096)
            except OSError:
                continue
            pos = 0
            while pos < len(data):
                byte = data[pos : pos + 1]
                pos += 1
                if not raw:
                    if byte == b"\x01":
                        raw = True
                        self._write(b"\r\n" + RAW_BANNER)
                    elif byte == b"\x03":
                        self._write(b"\r\n>>> ")
                    continue
                if byte == b"\x05":  # raw-paste request: supported by the firmware, refused here
                    pos += 2
                    self._write(b"R\x00")
                elif byte == b"\x01":
                    code.clear()
                    self._write(RAW_BANNER)
                elif byte == b"\x02":
                    raw = False
                    self._write(b"\r\n>>> ")
                elif byte == b"\x03":
                    code.clear()
                elif byte == b"\x04":
                    if not code:
                        self._write(b"OK\r\nMPY: soft reboot\r\n" + RAW_BANNER)
                        continue
                    self._write(b"OK")
                    if self._run(bytes(code)):
                        break
                    code.clear()
                    self._write(b">")
                else:
                    code += byte

    def _run(self, code: bytes) -> bool:
        """Run one program; True when the board left (bootloader)."""
        if b"machine.bootloader()" in code and not self.behaviour.get("ignore_bootloader"):
            self._detach()  # USB CDC gone: the host sees the port vanish
            time.sleep(0.05)
            self._set(mode="dfu")
            return True
        out = b""
        if b"sys.implementation" in code:
            out = self._identity().encode()
        self._write(out + b"\x04\x04")
        return False

    def _identity(self) -> str:
        version = self.state()["firmware"]
        numbers, _, label = version.partition("-")
        major, minor, micro = (int(n) for n in numbers.split("."))
        machine = "PYBv1.1 with STM32F405RG"
        return (f"(name='micropython', version=({major}, {minor}, {micro}, '{label}'), "
                f"_machine='{machine}', _mpy=7942, _build='PYBV11')\r\n"
                "pyboard\r\n"
                f"(sysname='pyboard', nodename='pyboard', release='{numbers}', "
                f"version='v{version} on 2026-08-19', machine='{machine}')\r\n"
                "102800\r\n")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._detach()
