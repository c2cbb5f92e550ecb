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
