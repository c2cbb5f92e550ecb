"""Rig and lab tests: the QEMU and ser2net helpers of tests/targets, and a labgrid lab."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The emulator and ser2net helpers live beside the target tests; reuse them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "targets"))

from qemu_support import pid_alive  # noqa: E402


@pytest.fixture
def emulators():
    """QEMU micro:bits with their own pty (as a USB board's device node), stopped at the end."""
    from harness.targets.qemu import DEBIAN_MICROBIT_HEX, QemuProcess

    started = []

    def start() -> str:
        argv = ["qemu-system-arm", "-M", "microbit", "-device", f"loader,file={DEBIAN_MICROBIT_HEX}",
                "-monitor", "none", "-nographic"]
        process = QemuProcess(argv, "pty")
        started.append(process)
        return process.start()

    yield start
    for process in started:
        pid = process.pid
        process.stop()
        assert not pid_alive(pid)
