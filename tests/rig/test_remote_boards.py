"""Remote boards for real: QEMU micro:bits reached directly (pty), through ser2net (RFC 2217)
and through a labgrid place (coordinator and exporter on 127.0.0.1); the same specs get the
same verdicts every way, and the place is released at the end, also when the board fails."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from labgrid_support import LabgridLab, Ser2net, needs_labgrid, needs_qemu, needs_ser2net

from harness.targets.qemu import DEBIAN_MICROBIT_HEX, QemuProcess
from harness.transport.labgrid import LabgridError, LabgridPlace, PlaceConfig

pytestmark = [pytest.mark.slow, needs_qemu, needs_ser2net, needs_labgrid]

MICROBIT = ["qemu-system-arm", "-M", "microbit", "-device", f"loader,file={DEBIAN_MICROBIT_HEX}",
            "-monitor", "none", "-nographic"]

# A subset with every kind of answer the micro:bit gives (MicroPython 1.9.2, 9 KB of heap).
SPECS = {
    "hello": ("", "print('hello', 6 * 7)\n"),
    "float_repr": ("", "print(1 / 3)\n"),  # single-precision floats: differs from CPython
    "raises": ("", "print('before')\nraise ValueError('bad')\n"),
    "big_alloc": ("", "x = bytearray(200000)\nprint(len(x))\n"),
    "needs_thread": ("# requires: _thread\n", "import _thread\nprint('ok')\n"),
    "spins": ("# timeout: 1\n", "import sys\nif sys.implementation.name == 'micropython':\n"
                                "    while True:\n        pass\nprint('done')\n"),
}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A labgrid lab exporting a QEMU micro:bit (place ``mb``) and a pty nobody answers on
    (place ``dead``). Timings land in ``lab.timings``."""
    workdir = tmp_path_factory.mktemp("lab")
    qemu = QemuProcess(MICROBIT, "pty")
    master, slave = os.openpty()
    started = time.monotonic()
    built = None
    try:
        pty = qemu.start()
        built = LabgridLab(workdir, {"mb": pty, "dead": os.ttyname(slave)})
        built.add_place("mb", "mb")
        built.add_place("dead", "dead")
        built.timings["chain_up_s"] = time.monotonic() - started
        yield built
    finally:
        if built is not None:
            built.stop()
        qemu.stop()
        os.close(master)
        os.close(slave)


def _verdicts(database: Path, run_id: str) -> dict[tuple[str, str], str]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT spec_id, target, verdict, reason FROM results WHERE run_id = ?", (run_id,))
        # A verdict with its reason, so that a difference explains itself.
        return {(spec, target): f"{verdict} ({reason[:300]})" if verdict != "PASS" else verdict
                for spec, target, verdict, reason in rows}


def test_same_verdicts_direct_through_ser2net_and_through_a_labgrid_place(project, lab, tmp_path):
    direct = QemuProcess(MICROBIT, "pty")
    behind_ser2net = QemuProcess(MICROBIT, "pty")
    ser2net = None
    try:
        direct_pty = direct.start()
        ser2net = Ser2net(behind_ser2net.start(), tmp_path)
        # The micro:bit has no flow control and drops what overflows its receive ring; ser2net
        # may pass paced chunks on in one burst when the host is busy: pace wider, as a lab
        # would for such a board behind the network (the same pacing for all three).
        pacing = "chunk_size: 16, chunk_delay_ms: 8, baseline: microbit"
        (project.root / "rigs" / "remote.yaml").write_text(f"""\
name: remote
targets:
  - {{name: direct, kind: board, port: "{direct_pty}", {pacing}}}
  - {{name: ser2net, kind: board, port: "{ser2net.url}", {pacing}}}
  - {{name: labgrid, kind: board, labgrid: {{place: mb, coordinator: "{lab.address}"}}, {pacing}}}
""")
        for name, (header, body) in SPECS.items():
            project.spec(f"remote/{name}.py", body, header=header)
        started = time.monotonic()
        done = project.harness("run", "--rig", "remote", "--run-id", "remote-1", timeout=600)
        lab.timings["run_s"] = time.monotonic() - started
    finally:
        if ser2net is not None:
            ser2net.stop()
        direct.stop()
        behind_ser2net.stop()
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr  # FAIL and TIMEOUT fail the run
    verdicts = _verdicts(project.root / "results" / "harness.sqlite", "remote-1")
    by_spec: dict[str, dict[str, str]] = {}
    for (spec, target), verdict in verdicts.items():
        by_spec.setdefault(spec, {})[target] = verdict
    assert len(by_spec) == len(SPECS)
    for spec, found in by_spec.items():
        assert set(found) == {"direct", "ser2net", "labgrid"}
        assert len({v.split(" ")[0] for v in found.values()}) == 1, f"{spec}: {found}"
    direct_verdicts = {spec.rsplit("/", 1)[-1]: found["direct"].split(" ")[0]
                       for spec, found in by_spec.items()}
    assert direct_verdicts == {"hello": "PASS", "float_repr": "FAIL", "raises": "PASS",
                               "big_alloc": "RESOURCE", "needs_thread": "UNSUPPORTED", "spins": "TIMEOUT"}
    assert lab.acquired_by("mb") is None  # released at the end of the run
    print(f"labgrid chain timings: {lab.timings}")


def test_the_place_is_released_when_its_board_does_not_answer(project, lab):
    (project.root / "rigs" / "dead.yaml").write_text(f"""\
name: dead
targets:
  - {{name: silent, kind: board, labgrid: {{place: dead, coordinator: "{lab.address}"}}}}
""")
    project.spec("one.py", "print(1)\n")
    done = project.harness("run", "--rig", "dead", "--pytest-args=-rs", timeout=120)
    assert "target offline" in done.stdout and "raw REPL" in done.stdout, done.stdout[-2000:]
    print(next(line for line in done.stdout.splitlines() if "target offline" in line))
    assert lab.acquired_by("dead") is None


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port`` (from /proc)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, _, hex_port = fields[1].partition(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


def test_acquire_finds_the_port_and_release_frees_the_place(lab):
    place = LabgridPlace(PlaceConfig("mb", lab.address))
    url = place.acquire()
    try:
        assert url.startswith("rfc2217://127.0.0.1:") and url.endswith("?ign_set_control")
        port = int(url.split(":")[2].split("?")[0])
        assert _listening_addresses(port) == {"0100007F"}  # the exporter's ser2net, on 127.0.0.1 only
        assert place.acquire() == url  # acquired once
        assert lab.acquired_by("mb")
        other = LabgridPlace(PlaceConfig("mb", lab.address))
        with pytest.raises(LabgridError, match=r"labgrid place 'mb' .*: acquire failed: .*already acquired"):
            other.acquire()
    finally:
        place.release()
    assert lab.acquired_by("mb") is None
    assert set(place.timings) == {"acquire_s", "port_s", "release_s"}
    with pytest.raises(LabgridError, match=r"labgrid place 'nowhere' .*: acquire failed: .*matches nothing"):
        LabgridPlace(PlaceConfig("nowhere", lab.address)).acquire()
