"""A labgrid lab on 127.0.0.1: a coordinator and an exporter started by the test.

The coordinator runs in a temporary working directory (it saves places and resources
there). The exporter publishes each serial device as a ``RawSerialPort``; on acquire it
starts its own ser2net with an RFC 2217 accepter on every address, so a wrapper named
``ser2net`` first on the exporter's PATH adds 127.0.0.1 to the accepter.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The QEMU and ser2net helpers of the target tests, shared here (no conftest: its module name
# would shadow tests/conftest.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "targets"))
from qemu_support import Ser2net, needs_qemu, needs_ser2net, wait_port  # noqa: E402

from harness.targets.qemu import free_tcp_port
from harness.transport.labgrid import LabgridError, find_client

__all__ = ["LabgridLab", "Ser2net", "needs_labgrid", "needs_qemu", "needs_ser2net"]

EXPORTER = "lab1"

# The exporter runs `ser2net -d -n -Y "connection: ..." -Y "  accepter: telnet(...),tcp,PORT" ...`.
SER2NET_WRAPPER = """#!/bin/sh
# Keep labgrid's ser2net on 127.0.0.1: its accepter names only a port.
for arg do
  shift
  case $arg in
    *accepter:*) arg=$(printf '%s' "$arg" | sed 's/,tcp,\\([0-9][0-9]*\\)$/,tcp,127.0.0.1,\\1/') ;;
  esac
  set -- "$@" "$arg"
done
exec {ser2net} "$@"
"""


def labgrid_client() -> str | None:
    try:
        return find_client()
    except LabgridError:
        return None


needs_labgrid = pytest.mark.skipif(
    labgrid_client() is None or shutil.which("ser2net") is None,
    reason="labgrid (.venv-labgrid, made by `make setup`) or ser2net is not installed",
)


class LabgridLab:
    """Coordinator and exporter processes; ``stop`` ends both (and what the exporter started)."""

    def __init__(self, workdir: Path, devices: dict[str, str]):
        self.workdir = workdir
        self.client = labgrid_client() or "labgrid-client"
        bindir = Path(self.client).parent
        self.port = free_tcp_port()
        self.address = f"127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen[bytes]] = []
        self.timings: dict[str, float] = {}
        started = time.monotonic()
        try:
            (workdir / "coordinator").mkdir(parents=True)
            self._spawn([str(bindir / "labgrid-coordinator"), "-l", self.address], workdir / "coordinator",
                        "coordinator")
            wait_port(self.port, timeout=20)
            self.timings["coordinator_s"] = time.monotonic() - started
            wrapper = workdir / "bin" / "ser2net"
            wrapper.parent.mkdir()
            wrapper.write_text(SER2NET_WRAPPER.format(ser2net=shutil.which("ser2net")), encoding="utf-8")
            wrapper.chmod(0o755)
            config = workdir / "exporter.yaml"
            config.write_text("".join(f"{group}:\n  RawSerialPort:\n    port: {device}\n    speed: 115200\n"
                                      for group, device in devices.items()), encoding="utf-8")
            env = {**os.environ, "PATH": f"{wrapper.parent}:{os.environ.get('PATH', '')}"}
            self._spawn([str(bindir / "labgrid-exporter"), "-c", self.address, "-n", EXPORTER,
                         "--hostname", "127.0.0.1", str(config)], workdir, "exporter", env)
            self._wait_for_resources(list(devices), time.monotonic() + 30)
            self.timings["exporter_s"] = time.monotonic() - started - self.timings["coordinator_s"]
        except BaseException:
            self.stop()
            raise

    def _spawn(self, argv: list[str], cwd: Path, name: str, env: dict[str, str] | None = None) -> None:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 (kept for the process's life)
        self.procs.append(subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                           stderr=subprocess.STDOUT, start_new_session=True))
        log.close()

    def run(self, *args: str, place: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
        argv = [self.client, "-x", self.address, *(["-p", place] if place else []), *args]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)}: {done.stderr.strip()}")
        return done

    def _wait_for_resources(self, groups: list[str], deadline: float) -> None:
        while True:
            listing = self.run("resources", check=False).stdout
            if all(f"{EXPORTER}/{group}/" in listing for group in groups):
                return
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.procs):
                raise RuntimeError(f"the exporter did not publish {groups}: {self.log('exporter')[-1000:]}")
            time.sleep(0.1)

    def add_place(self, name: str, group: str) -> None:
        self.run("create", place=name)
        self.run("add-match", f"{EXPORTER}/{group}/NetworkSerialPort", place=name)

    def acquired_by(self, name: str) -> str | None:
        for line in self.run("show", place=name).stdout.splitlines():
            if line.strip().startswith("acquired:"):
                value = line.split(":", 1)[1].strip()
                return None if value in ("", "None") else value
        return None

    def log(self, name: str) -> str:
        try:
            return (self.workdir / f"{name}.log").read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        # The exporter first: it ends the ser2net it started. Each has its own process group.
        for proc in reversed(self.procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs.clear()
