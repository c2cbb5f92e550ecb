"""``harness rig check``: every item reached, and one line for each that is not there."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from labgrid_support import needs_qemu

REPO = Path(__file__).resolve().parents[2]
HARNESS = [sys.executable, "-m", "harness.cli"]


def harness(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # The timeout only guards against a hang: a check of absent hardware must end by itself.
    return subprocess.run([*HARNESS, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


def closed_port() -> int:
    """A localhost port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing_lines(out: str) -> dict[str, str]:
    found = {}
    for line in out.splitlines():
        if line.startswith("missing: "):
            item, _, problem = line.removeprefix("missing: ").partition(": ")
            found[item] = problem
    return found


def test_host_targets_are_ready(project):
    done = harness(project.root, "rig", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "target cpython" in done.stdout and "target unix" in done.stdout
    assert "cpython 3." in done.stdout  # identity
    assert " ms " in done.stdout  # latency
    assert "rig mini: all 2 items ready" in done.stdout


def test_absent_hardware_gives_one_line_per_item_and_no_hang(project):
    port = closed_port()
    (project.root / "rigs" / "absent.yaml").write_text(f"""\
name: absent
targets:
  - {{name: unix, kind: unix}}
  - {{name: usb-board, kind: board, port: /dev/ttyACM-not-here}}
  - {{name: net-board, kind: board, port: "rfc2217://127.0.0.1:{port}?ign_set_control"}}
  - name: shared-board
    kind: board
    labgrid: {{place: bench-3, coordinator: "127.0.0.1:{port}", timeout_s: 5}}
instruments:
  - {{name: scope, dialect: keysight-infiniivision, resource: "TCPIP::127.0.0.1::{port}::SOCKET"}}
""")
    done = harness(project.root, "rig", "check", "absent")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    missing = missing_lines(done.stdout)
    assert set(missing) == {"target usb-board", "target net-board", "target shared-board", "instrument scope"}
    assert "/dev/ttyACM-not-here" in missing["target usb-board"]
    assert f"rfc2217://127.0.0.1:{port}" in missing["target net-board"]
    assert "labgrid place 'bench-3'" in missing["target shared-board"]
    assert f"TCPIP::127.0.0.1::{port}::SOCKET" in missing["instrument scope"]
    assert "4 of 5 items not ready: usb-board, net-board, shared-board, scope" in done.stderr


def test_the_lab_examples_are_checked(tmp_path):
    """The documented lab rigs validate; their hardware is not here, so each board and scope
    is reported missing, and the reference target is ready."""
    done = harness(REPO, "rig", "check", "rigs/lab-pyboard.yaml", "rigs/lab-labgrid.yaml")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    missing = missing_lines(done.stdout)
    assert set(missing) == {"target pyboard", "instrument scope", "target pyboard-1", "target pyboard-2",
                            "target pyboard-ser2net"}
    assert "no board with USB id f055:9800" in missing["target pyboard"]
    assert "USB0::0x1AB1::0x04CE::DS1ZA000000000::INSTR" in missing["instrument scope"]
    assert "labgrid place 'pyboard-1'" in missing["target pyboard-1"]
    assert done.stdout.count("target cpython") == 2


def test_every_rig_of_the_repository_validates_offline():
    rigs = sorted(str(p.relative_to(REPO)) for p in (REPO / "rigs").glob("*.yaml"))
    done = harness(REPO, "rig", "check", "--offline", *rigs)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": valid (") == len(rigs)


def test_a_malformed_rig_is_one_line_and_status_2(project):
    (project.root / "rigs" / "bad.yaml").write_text(
        "name: bad\ntargets:\n  - name: pyb\n    kind: board\n    port: auto\n    speed: 9600\n")
    for args in (["rig", "check", "rigs/bad.yaml"], ["run", "--rig", "rigs/bad.yaml"]):
        done = harness(project.root, *args)
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("harness: error: rigs/bad.yaml:6: targets.0.speed: unknown option 'speed' "
                                   "for a board target (known: baseline, baud, ")
        assert " labgrid, " in lines[0] and " port, " in lines[0] and " reset, " in lines[0]


@pytest.mark.slow
@needs_qemu
def test_an_emulated_board_shows_identity_firmware_and_latency(project):
    (project.root / "rigs" / "emu.yaml").write_text(
        "name: emu\ntargets:\n  - {name: mb, kind: qemu-microbit}\n")
    done = harness(project.root, "rig", "check", "emu", "--execs", "3")
    assert done.returncode == 0, done.stdout + done.stderr
    row = next(line for line in done.stdout.splitlines() if "target mb" in line)
    assert "micropython 1.9.2" in row and "firmware.hex sha256:" in row and " ms " in row
