"""A fake ``mpflash`` executable for one fake Pyboard: the real tool needs micropython.org and a
real USB DFU device, neither of which exists here.

It takes mpflash 1.29's command line (``--dir``, ``--no-interactive``, ``download --board
--version``, ``flash --board --version --serial --bootloader``), prints its log lines
(``HH:MM:SS | <icon> message``) and its click usage box, and exits as it does: 0 when it
downloaded, and also when it found nothing or had no network; 1 when no board was flashed;
2 for a usage error. ``flash`` speaks the raw REPL to the fake board on the serial port to
send ``machine.bootloader()`` (as mpremote does), then writes the board's state as pydfu's
download and DFU exit do. Each run's argv goes to ``calls.jsonl`` beside the script.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from fake_pyboard import FakePyboard

MPFLASH = r'''#!{python}
"""Fake mpflash 1.29 (board state: {state})."""
import json, os, select, shutil, subprocess, sys, time
STATE = {state!r}
CONFIG = {config!r}
HERE = os.path.dirname(os.path.abspath(__file__))
PORTS = {{"PYBV11": "stm32", "RPI_PICO": "rp2"}}
ICONS = {{"info": "\u2139\ufe0f", "success": "\u2705", "warning": "\u26a0\ufe0f", "error": "\u274c"}}

def log(level, message):
    print(time.strftime("%H:%M:%S") + " | " + ICONS[level] + " " + message, flush=True)

def load():
    with open(STATE) as f:
        return json.load(f)

def save(s):
    with open(STATE + ".tmp", "w") as f:
        json.dump(s, f)
    os.replace(STATE + ".tmp", STATE)

def usage_error(command, text):
    print(" Usage: mpflash " + command + " [OPTIONS]\n\n Try 'mpflash " + command + " --help' for help")
    print("\u256d\u2500 Error " + "\u2500" * 60 + "\u256e")
    print("\u2502 " + text.ljust(66) + " \u2502")
    print("\u2570" + "\u2500" * 68 + "\u256f")
    sys.exit(2)

args = sys.argv[1:]
with open(os.path.join(HERE, "calls.jsonl"), "a") as f:
    f.write(json.dumps(args) + "\n")
with open(os.path.join(HERE, "pid"), "w") as f:
    f.write(str(os.getpid()))
folder = os.path.expanduser("~/Downloads/firmware")
options = {{}}
command = None
i = 0
while i < len(args):
    a = args[i]
    if a in ("--dir", "-d"):
        folder = args[i + 1]; i += 2; continue
    if a in ("--no-interactive", "-x", "--interactive", "-i", "--quiet", "-q"):
        i += 1; continue
    if command is None and not a.startswith("-"):
        command = a; i += 1; continue
    if command and a.startswith("-") and i + 1 < len(args):
        options[a] = args[i + 1]; i += 2; continue
    usage_error(command or "", "No such option: " + a)
if command not in ("download", "flash"):
    usage_error("", "No such command " + repr(command) + ".")

os.makedirs(folder, exist_ok=True)
if not os.path.exists(os.path.join(folder, "mpflash.db")):
    open(os.path.join(folder, "mpflash.db"), "w").close()
    log("info", "Upgrading database schema from version 0 to 1")
    log("info", "Update boards from CSV to SQLite database.")
    log("info", "Loaded 3860 boards from mpflash/db/micropython_boards.zip")
board = options.get("--board") or options.get("-b")
version = (options.get("--version") or options.get("-v") or "stable").lstrip("v")
port = PORTS.get(board, "")
release = os.path.join(folder, port, board + "-v" + version + ".dfu")

if command == "download":
    if CONFIG.get("offline"):
        log("error", "HTTPSConnectionPool(host='micropython.org', port=443): Max retries exceeded with "
            "url: /download/?port=" + port + " (Caused by NameResolutionError(\"Failed to resolve "
            "'micropython.org' ([Errno -2] Name or service not known)\"))")
        log("error", "Could not connect to micropython.org")
        sys.exit(0)
    if not port or version not in CONFIG.get("releases", []):
        log("info", "Found 0 potentially relevant firmwares")
        log("error", "No relevant firmwares could be found on https://micropython.org/download")
        log("info", "versions=['v" + version + "'] ports=['" + port + "'] boards=['" + str(board) + "']")
        sys.exit(0)
    log("info", "Found 1 potentially relevant firmwares")
    if not os.path.exists(release):  # mpflash keeps what it fetched
        os.makedirs(os.path.dirname(release), exist_ok=True)
        log("info", "Downloading https://micropython.org/resources/firmware/" + board + "-20241129-v"
            + version + ".dfu")
        log("info", "         to " + release)
        shutil.copyfile(CONFIG["release"], release)
        log("success", "Downloaded 1 firmware images.")
    else:
        log("success", "Downloaded 0 firmware images.")
    sys.exit(0)

# flash
serial = options.get("--serial") or options.get("-s") or "*"
if not os.path.exists(serial):
    usage_error("flash", "No serial ports matched: " + serial + ". Check the port name, or use "
                "'--serial *' to auto-detect.")
if not os.path.exists(release):
    log("warning", "Trying to find a firmware for the board " + str(board))
    log("error", "No v" + version + " firmware found for " + str(board) + " on " + serial + ".")
    log("error", "No boards were flashed")
    sys.exit(1)
log("info", "Updating " + board + " on " + serial + " to v" + version)
method = options.get("--bootloader", "auto")
log("info", "Entering bootloader on " + serial + " using methods ['" + method + "']")
log("info", "Attempting bootloader on " + serial + " using 'mpremote bootloader'")
if CONFIG.get("hang"):  # mpremote stuck on the port (mpflash waits for it)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with open(os.path.join(HERE, "child"), "w") as f:
        f.write(str(child.pid))
    time.sleep(600)
# mpremote: interrupt, raw REPL, machine.bootloader(), then the port vanishes with the board
fd = os.open(serial, os.O_RDWR | os.O_NOCTTY)
os.write(fd, b"\r\x03\x03\x01")
seen, deadline = b"", time.monotonic() + 5
while b"raw REPL; CTRL-B to exit\r\n>" not in seen and time.monotonic() < deadline:
    if select.select([fd], [], [], 0.05)[0]:
        seen += os.read(fd, 256)
os.write(fd, b"import machine\nmachine.bootloader()\x04")
try:
    select.select([fd], [], [], 0.5)
    os.read(fd, 64)
except OSError:
    pass
try:
    os.close(fd)
except OSError:
    pass
deadline = time.monotonic() + CONFIG.get("dfu_wait_s", 3.0)
while load()["mode"] != "dfu" and time.monotonic() < deadline:
    time.sleep(0.02)
if load()["mode"] != "dfu":
    log("error", "Failed to flash " + board + " on " + serial + ": Failed to enter bootloader for "
        + board + " on " + serial)
    log("error", "No boards were flashed")
    sys.exit(1)
log("info", "Using pydfu to flash STM32 boards")
if CONFIG.get("dfu_access"):
    log("error", "Insufficient permissions to access STM32 DFU USB devices.\n\nInstall the udev rule:\n\n"
        "sudo cp /usr/lib/python3/site-packages/mpflash/udev_rules/65-mpflash-stm32-dfu.rules "
        "/etc/udev/rules.d/65-mpflash-stm32-dfu.rules\nsudo udevadm control --reload-rules && "
        "sudo udevadm trigger\n\nThen replug your STM32 board or re-enter DFU mode.\n"
        "Details: No DFU device found")
    log("error", "Failed to flash " + board + " on " + serial)
    log("error", "No boards were flashed")
    sys.exit(1)
data = open(release, "rb").read()
marker = data.find(b"MicroPython v")
s = load()
s["firmware"] = data[marker + 13:].split(b" ")[0].decode()
s["mode"] = "leaving"  # pydfu's exit_dfu: the board boots the new firmware
save(s)
print("Writing memory...\nExiting DFU...")
deadline = time.monotonic() + CONFIG.get("restart_wait_s", 10.0)  # mcu.wait_for_restart()
while load()["mode"] != "app" and time.monotonic() < deadline:
    time.sleep(0.02)
log("success", "Flashed " + board + " v" + version + " to " + serial + ".")
log("info", "Flashed 1 boards")
sys.exit(0)
'''


def install_fake_mpflash(bin_dir: Path, board: FakePyboard, release: Path, **config: object) -> Path:
    """Write ``bin_dir/mpflash`` for ``board``; ``release`` is the file micropython.org "serves".

    ``config``: ``releases`` (versions it serves, default ["1.24.1"]), ``offline``,
    ``dfu_access`` (no permission for the DFU device), ``hang`` (never finishes, with a child
    process), ``dfu_wait_s`` (how long it waits for the DFU device, default 3),
    ``restart_wait_s`` (for the board to come back after the download, default 10)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    script = bin_dir / "mpflash"
    settings = {"release": str(release), "releases": ["1.24.1"], **config}
    script.write_text(textwrap.dedent(MPFLASH).format(python=sys.executable, state=str(board.state_path),
                                                      config=settings))
    script.chmod(0o755)
    return script


def calls(bin_dir: Path) -> list[list[str]]:
    """The argv of every run of the fake, in order."""
    path = bin_dir / "calls.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
