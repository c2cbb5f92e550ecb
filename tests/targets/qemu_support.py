"""Helpers for the tests that run real QEMU (and ser2net): specs on disk, processes that
are always cleaned up, and checks that nothing was left running."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from harness.records import Spec
from harness.spec import load_spec
from harness.targets.qemu import DEBIAN_MICROBIT_HEX, free_tcp_port

needs_qemu = pytest.mark.skipif(
    shutil.which("qemu-system-arm") is None or not DEBIAN_MICROBIT_HEX.exists(),
    reason="qemu-system-arm or the Debian micro:bit firmware is not installed",
)
needs_ser2net = pytest.mark.skipif(shutil.which("ser2net") is None, reason="ser2net not installed")


def write_specs(root: Path, sources: dict[str, str], feature: str = "transport.test") -> list[Spec]:
    """Write ``name -> body`` as spec files (with a feature header) and load them, in order."""
    root.mkdir(parents=True, exist_ok=True)
    specs = []
    for name, body in sources.items():
        path = root / f"{name}.py"
        header = "" if body.startswith("# feature:") else f"# feature: {feature}\n"
        path.write_text(header + body, encoding="utf-8")
        specs.append(load_spec(path, root))
    return specs


def pid_alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0): look at its state.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_port(port: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout:g} s")


class Ser2net:
    """ser2net exporting one serial device (a QEMU pty) as RFC 2217 on localhost."""

    def __init__(self, device: str, workdir: Path):
        self.port = free_tcp_port()
        config = workdir / "ser2net.yaml"
        config.write_text(
            "connection: &qemu\n"
            f"  accepter: telnet(rfc2217),tcp,127.0.0.1,{self.port}\n"
            f"  connector: serialdev,{device},115200n81,local\n"
            "  options:\n"
            "    kickolduser: true\n",
            encoding="utf-8",
        )
        self.proc = subprocess.Popen(
            ["ser2net", "-n", "-u", "-c", str(config), "-P", str(workdir / "ser2net.pid")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            wait_port(self.port)
        except TimeoutError:
            self.stop()
            raise

    @property
    def url(self) -> str:
        return f"rfc2217://127.0.0.1:{self.port}?ign_set_control"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()
