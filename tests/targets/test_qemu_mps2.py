"""Target ``qemu-mps2``: current MicroPython (ports/qemu, MPS2-AN385) built from source.

Uses the images `make firmware` built (the manifest overlay), or HARNESS_MPS2_ELF
(e.g. the ``build-MPS2_AN385/firmware.elf``
that ``harness firmware build`` or ``make -C ports/qemu BOARD=MPS2_AN385`` produces);
skipped without it. The micro:bit ELF of the same tree runs with HARNESS_MICROBIT_ELF.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from qemu_support import needs_qemu, pid_alive, write_specs

from harness.targets.base import TargetConfig
from harness.targets.qemu import QemuMicrobitTarget, QemuMps2Target

pytestmark = [pytest.mark.slow, needs_qemu]

def _built(name: str) -> str:
    """The image `make firmware` built (recorded in the manifest overlay), if any."""
    from harness.firmware.manifest import load_manifest

    try:
        image = load_manifest(REPO).get(name)
    except Exception:  # no manifest or no build: the tests skip with their message
        return ""
    return str(image.path) if image.path and image.path.is_file() else ""


REPO = Path(__file__).resolve().parents[2]
MPS2_ELF = os.environ.get("HARNESS_MPS2_ELF") or _built("micropython-1.29-mps2")
MICROBIT_ELF = os.environ.get("HARNESS_MICROBIT_ELF") or _built("micropython-1.29-microbit")


@pytest.fixture
def mps2():
    if not MPS2_ELF or not Path(MPS2_ELF).is_file():
        pytest.skip("no MPS2 image: run `make firmware` or set HARNESS_MPS2_ELF")
    target = QemuMps2Target(TargetConfig("qemu-mps2", "qemu-mps2", {"firmware": MPS2_ELF}))
    pids = []
    yield target, pids
    if target.pid:
        pids.append(target.pid)
    target.stop()
    assert not any(pid_alive(pid) for pid in pids)


def test_identity_raw_paste_and_a_big_program(tmp_path, mps2):
    target, _ = mps2
    ident = target.identity()
    assert ident.implementation.startswith("micropython 1.29")
    assert "mps2-an385" in ident.machine
    assert ident.firmware.startswith("firmware.elf sha256:")
    body = "".join(f"v{i} = {i} * 3\n" for i in range(400)) + "print(v399)\n"
    assert len(body) > 4000
    (spec,) = write_specs(tmp_path, {"big": body})
    outcome = target.run(spec)
    assert outcome.stdout == "1197\n", outcome.stderr
    assert target.repl.raw_paste is True
    caps = target.capabilities()
    assert {"json", "re", "struct"} <= caps.modules
    assert {"emitter.native", "emitter.viper"} <= caps.modules  # probed by running them


def test_hang_ignoring_ctrl_c_restarts_the_emulator(tmp_path, mps2):
    target, pids = mps2
    hang, after = write_specs(tmp_path, {
        "hang": "# feature: x.y\n# timeout: 1\nwhile True:\n    pass\n",
        "after": "print('after')\n",
    })
    target.start()
    pids.append(target.pid)
    outcome = target.run(hang)
    assert outcome.timed_out and not outcome.link_failed, outcome.detail
    nxt = target.run(after)
    assert nxt.stdout == "after\n"


def test_microbit_elf(tmp_path):
    if not MICROBIT_ELF or not Path(MICROBIT_ELF).is_file():
        pytest.skip("no 1.29 micro:bit image: run `make firmware` or set HARNESS_MICROBIT_ELF")
    target = QemuMicrobitTarget(TargetConfig("m", "qemu-microbit", {"firmware": MICROBIT_ELF}))
    try:
        assert "-kernel" in target.argv()
        (spec,) = write_specs(tmp_path, {"a": "print(sum(range(10)))\n"})
        assert target.run(spec).stdout == "45\n"
        assert target.identity().implementation.startswith("micropython 1.29")
    finally:
        target.stop()


def _state(pid: int) -> str:
    """The emulator's state, once a stop or continue has reached it (signals are delivered
    as its threads next run)."""
    import time

    for _ in range(100):
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rpartition(b")")[2].split()[0].decode()
        if state == "T":
            return state
        time.sleep(0.01)
    return state


def test_a_session_pauses_the_emulator_between_its_specs(project, tmp_path):
    """An idle emulator that spins a host core (here -icount's sleep=off, which warps an idle
    guest's clock): the session stops it (SIGSTOP) after each of its specs and while other
    targets run, and continues it for the next one, which runs as before."""
    if not MPS2_ELF or not Path(MPS2_ELF).is_file():
        pytest.skip("no MPS2 image: run `make firmware` or set HARNESS_MPS2_ELF")
    from harness.rig import load_rig
    from harness.session import Session
    from harness.spec import load_spec

    (project.root / "rigs" / "local.yaml").write_text(
        "name: pause\nresults: results\nhealth: {probe: false}\ntargets:\n"
        f"  - {{name: mps2, kind: qemu-mps2, firmware: {MPS2_ELF}, icount: 6}}\n"
        "  - {name: unix, kind: unix}\n")
    spec = load_spec(project.spec("basics/twice.py", "print(2 * 21)\n"), project.root / "specs")
    session = Session(project.root, load_rig(project.root / "rigs" / "local.yaml", project.root))
    try:
        assert session.run_item(spec, "mps2").verdict.value == "PASS"
        qemu = session.targets["mps2"].instance.pid
        assert _state(qemu) == "T"  # stopped between its specs
        assert session.run_item(spec, "unix").verdict.value == "PASS"
        assert _state(qemu) == "T"  # and while another target runs
        again = session.run_item(spec, "mps2")
        assert (again.verdict.value, again.outcome.stdout) == ("PASS", "42\n")
        assert session.targets["mps2"].instance.pid == qemu  # the same emulator, continued
    finally:
        session.close()
    assert not pid_alive(qemu)  # a stopped emulator is ended too


def test_an_emulator_that_idles_by_itself_is_left_running(project):
    """The image built with firmware/boards/qemu-idle halts while it waits for input: the
    session sees its threads asleep and does not stop it (two signals a spec for nothing)."""
    if not MPS2_ELF or not Path(MPS2_ELF).is_file():
        pytest.skip("no MPS2 image: run `make firmware` or set HARNESS_MPS2_ELF")
    from harness.rig import load_rig
    from harness.session import Session
    from harness.spec import load_spec

    (project.root / "rigs" / "local.yaml").write_text(
        "name: idle\nresults: results\nhealth: {probe: false}\ntargets:\n"
        f"  - {{name: mps2, kind: qemu-mps2, firmware: {MPS2_ELF}}}\n")
    spec = load_spec(project.spec("basics/twice.py", "print(2 * 21)\n"), project.root / "specs")
    session = Session(project.root, load_rig(project.root / "rigs" / "local.yaml", project.root))
    try:
        for _ in range(6):  # seen asleep at one of its first pauses (a loaded host may hide it)
            assert session.run_item(spec, "mps2").verdict.value == "PASS"
        instance = session.targets["mps2"].instance
        assert instance.process.idles is True and not instance.process.paused
        with open(f"/proc/{instance.pid}/stat", "rb") as handle:
            assert handle.read().rpartition(b")")[2].split()[0] in (b"S", b"R")
    finally:
        session.close()
