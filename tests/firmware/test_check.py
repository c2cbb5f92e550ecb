"""The rig's expected firmware against what a target runs: unit checks, and `harness run`
refusing a mismatched emulator (slow: real QEMU with the Debian micro:bit image)."""

from __future__ import annotations

import json
import sqlite3
import textwrap

import pytest
from firmware_support import REPO, needs_qemu

from harness.firmware.check import (
    FirmwareCheck,
    FirmwareMismatch,
    FirmwareUnavailable,
    compare,
    version_key,
)
from harness.firmware.manifest import Image
from harness.targets.base import TargetConfig
from harness.targets.qemu import DEBIAN_MICROBIT_HEX

DEBIAN_SHA256 = "b76c8e56b4566d7bcb3607ffa5402639b106e4784a0711c45c3573d90d85e9d5"

# What the targets report (taken from real runs of the images).
DEBIAN_IDENTITY = {
    "target": "mb", "kind": "qemu-microbit", "implementation": "micropython 1.9.2",
    "version": "micro:bit v1.0.1+unknown on 2023-02-24; MicroPython v1.9.2-34-gd64154c73 on 2017-09-01",
    "machine": "micro:bit with nRF51822", "firmware": f"firmware.hex sha256:{DEBIAN_SHA256}",
    "extra": {"sys.implementation": "(name='micropython', version=(1, 9, 2))",
              "os.uname": {"machine": "micro:bit with nRF51822"}},
}
MPS2_IDENTITY = {
    "target": "mps2", "kind": "qemu-mps2", "implementation": "micropython 1.29.0", "version": "",
    "machine": "mps2-an385 with Cortex-M3", "firmware": "firmware.elf sha256:" + "c9" * 32,
    "extra": {"sys.implementation": "(name='micropython', version=(1, 29, 0, 'preview'), "
                                    "_machine='mps2-an385 with Cortex-M3', _mpy=6918, _build='MPS2_AN385')"},
}


def _image(**changes) -> Image:
    fields = dict(name="mps2", board="MPS2_AN385", micropython="1.29.0-preview", format="elf",
                  flash="qemu", source_kind="path", source={"path": "x"}, sha256="c9" * 32,
                  identify={"build": "MPS2_AN385"})
    fields.update(changes)
    return Image(**fields)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1.29.0-preview", ((1, 29, 0), "preview")),
        ("1.29.0-preview.123.g1c3c201149", ((1, 29, 0), "preview")),
        ("v1.9.2-34-gd64154c73 on 2017-09-01", ((1, 9, 2), "")),
        ("(name='micropython', version=(1, 29, 0, 'preview'), _mpy=6918)", ((1, 29, 0), "preview")),
        ("(name='micropython', version=(1, 9, 2))", ((1, 9, 2), "")),
        ("1.24", ((1, 24, 0), "")),
        ("micropython", None),
    ],
)
def test_version_key(text, key):
    assert version_key(text) == key


def test_compare_accepts_the_image_it_describes():
    assert compare(_image(), MPS2_IDENTITY) == []
    debian = _image(micropython="1.9.2", sha256=DEBIAN_SHA256,
                    identify={"machine": "micro:bit with nRF51822"})
    assert compare(debian, DEBIAN_IDENTITY) == []


def test_compare_names_each_difference():
    problems = compare(_image(sha256="ee" * 32, micropython="1.28.0", identify={"build": "MICROBIT"}),
                       MPS2_IDENTITY)
    assert problems == [
        "it booted an image with sha256 c9c9c9c9c9c9c9c9..., the manifest records eeeeeeeeeeeeeeee...",
        "it reports MicroPython 1.29.0-preview, the image is 1.28.0",
        "it reports build 'MPS2_AN385', the image is 'MICROBIT'",
    ]
    assert compare(_image(micropython="1.9.2", sha256=None), DEBIAN_IDENTITY) == [
        "it reports build 'nothing', the image is 'MPS2_AN385'"]


def _check_with_manifest(tmp_path, body: str, **kwargs) -> FirmwareCheck:
    (tmp_path / "firmware").mkdir(exist_ok=True)
    (tmp_path / "firmware" / "manifest.yaml").write_text(textwrap.dedent(body))
    return FirmwareCheck(tmp_path, where="rigs/lab.yaml", **kwargs)


def test_resolve_turns_a_manifest_name_into_what_each_kind_needs(tmp_path):
    check = FirmwareCheck(REPO)
    config, image = check.resolve(TargetConfig("mb", "qemu-microbit", {"firmware": "microbit-debian-1.9.2"}))
    assert image is not None and image.name == "microbit-debian-1.9.2"
    assert config.options["firmware"] == str(DEBIAN_MICROBIT_HEX)
    board = _check_with_manifest(tmp_path, """\
        version: 1
        images:
          - {name: pyb, board: PYBV11, micropython: 1.29.0-preview, format: dfu, flash: dfu,
             source: {build: {port: stm32, board: PYBV11, file: firmware.dfu}}}
        """)
    config, image = board.resolve(TargetConfig("pyb", "board", {"firmware": "pyb", "port": "auto"}))
    assert config.options["firmware"] == "1.29.0-preview"  # the board target's own version check
    # Paths (and text for boards) stay as they are: nothing to compare with.
    config, image = check.resolve(TargetConfig("mb", "qemu-microbit", {"firmware": "/tmp/x.hex"}))
    assert image is None and config.options["firmware"] == "/tmp/x.hex"


def test_an_image_not_built_here_makes_the_target_unavailable(tmp_path):
    check = _check_with_manifest(tmp_path, """\
        version: 1
        images:
          - {name: mps2, board: MPS2_AN385, micropython: 1.29.0-preview, format: elf, flash: qemu,
             source: {build: {port: qemu, board: MPS2_AN385, file: firmware.elf}}}
        """)
    config = TargetConfig("qemu-mps2", "qemu-mps2", {"firmware": "mps2"})
    assert check.unavailable(config) == "firmware 'mps2' is not built (run `harness firmware build`)"
    with pytest.raises(FirmwareUnavailable, match="rigs/lab.yaml: target 'qemu-mps2': firmware 'mps2'"):
        check.resolve(config)


def test_check_refuses_a_mismatch_unless_allowed(tmp_path):
    image = _image(micropython="1.28.0")
    with pytest.raises(FirmwareMismatch) as err:
        FirmwareCheck(tmp_path, where="rigs/lab.yaml").check("mps2", MPS2_IDENTITY, image)
    assert str(err.value) == (
        "rigs/lab.yaml: target 'mps2' does not run the expected firmware 'mps2': it reports "
        "MicroPython 1.29.0-preview, the image is 1.28.0 (--allow-firmware-mismatch runs it anyway)")
    identity = FirmwareCheck(tmp_path, allow_mismatch=True).check("mps2", MPS2_IDENTITY, image)
    assert identity["firmware_mismatch"] == "it reports MicroPython 1.29.0-preview, the image is 1.28.0"
    assert identity["firmware_expected"] == "mps2" and "firmware_name" not in identity


def test_check_names_a_known_image_by_its_hash_without_an_expectation():
    identity = FirmwareCheck(REPO).check("mb", DEBIAN_IDENTITY, None)
    assert identity["firmware_name"] == "microbit-debian-1.9.2"
    assert identity["firmware_sha256"] == DEBIAN_SHA256


# ---- end to end: `harness run` against a real emulator ------------------------------------


def _manifest_entry(name: str, sha256: str, version: str = "1.9.2") -> str:
    return textwrap.dedent(f"""\
          - name: {name}
            board: microbit
            micropython: {version}
            format: hex
            sha256: {sha256}
            source:
              package: {{name: firmware-microbit-micropython, path: {DEBIAN_MICROBIT_HEX}}}
            flash: qemu
            identify: {{machine: micro:bit with nRF51822}}
        """)


@pytest.fixture
def microbit_project(project):
    """A project whose rig runs the Debian micro:bit emulator and expects a manifest image."""
    project.spec("basics/hello.py", "print('hello')\n")
    (project.root / "rigs" / "qemu.yaml").write_text(textwrap.dedent("""\
        name: qemu
        targets:
          - {name: mb, kind: qemu-microbit, firmware: expected-image}
        """))

    def manifest(sha256: str, version: str = "1.9.2") -> None:
        (project.root / "firmware").mkdir(exist_ok=True)
        entry = _manifest_entry("expected-image", sha256, version)
        (project.root / "firmware" / "manifest.yaml").write_text(
            "version: 1\nimages:\n" + textwrap.indent(entry, "  "))

    project.manifest = manifest
    return project


def _stored_identities(project) -> list[dict]:
    db = sqlite3.connect(project.root / "results" / "harness.sqlite")
    return [json.loads(row[0]) for row in db.execute("SELECT identity FROM results WHERE target = 'mb'")]


@pytest.mark.slow
@needs_qemu
def test_run_records_the_firmware_identity_with_every_result(microbit_project):
    microbit_project.manifest(DEBIAN_SHA256)
    proc = microbit_project.harness("run", "--rig", "rigs/qemu.yaml")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    [identity] = _stored_identities(microbit_project)
    assert identity["firmware_name"] == "expected-image"
    assert identity["firmware_sha256"] == DEBIAN_SHA256
    assert identity["firmware_expected"] == "expected-image" and "firmware_mismatch" not in identity


@pytest.mark.slow
@needs_qemu
@pytest.mark.parametrize(("sha256", "version", "problem"), [
    ("ab" * 32, "1.9.2", "it booted an image with sha256 b76c8e56b4566d7b..., the manifest records"),
    (DEBIAN_SHA256, "1.29.0", "it reports MicroPython 1.9.2, the image is 1.29.0"),
])
def test_run_refuses_an_emulator_not_running_the_expected_firmware(microbit_project, sha256, version,
                                                                   problem):
    microbit_project.manifest(sha256, version)
    proc = microbit_project.harness("run", "--rig", "rigs/qemu.yaml")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 2, output[-2000:]
    refusal = [line for line in output.splitlines() if "does not run the expected firmware" in line]
    assert len(refusal) == 1, output[-2000:]
    assert "rigs/qemu.yaml: target 'mb' does not run the expected firmware 'expected-image'" in refusal[0]
    assert problem in refusal[0] and "--allow-firmware-mismatch" in refusal[0]
    assert "Traceback" not in output
    assert _stored_identities(microbit_project) == []  # nothing ran on it


@pytest.mark.slow
@needs_qemu
def test_run_with_allow_firmware_mismatch_runs_and_records_it(microbit_project):
    microbit_project.manifest(DEBIAN_SHA256, "1.29.0")
    proc = microbit_project.harness("run", "--rig", "rigs/qemu.yaml", "--allow-firmware-mismatch")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    [identity] = _stored_identities(microbit_project)
    assert identity["firmware_mismatch"] == "it reports MicroPython 1.9.2, the image is 1.29.0"


@pytest.mark.slow
@needs_qemu
def test_identify_shows_what_each_target_runs(microbit_project):
    microbit_project.manifest(DEBIAN_SHA256, "1.29.0")
    proc = microbit_project.harness("firmware", "identify", "--rig", "rigs/qemu.yaml")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "MISMATCH" in proc.stdout and "micropython 1.9.2" in proc.stdout
    microbit_project.manifest(DEBIAN_SHA256)
    proc = microbit_project.harness("firmware", "identify", "--rig", "rigs/qemu.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "expected-image" in proc.stdout and "OK" in proc.stdout


def test_run_goes_on_without_targets_whose_image_is_not_built(project):
    project.spec("basics/hello.py", "print('hello')\n")
    (project.root / "firmware").mkdir()
    (project.root / "firmware" / "manifest.yaml").write_text(textwrap.dedent("""\
        version: 1
        images:
          - {name: mps2, board: MPS2_AN385, micropython: 1.29.0-preview, format: elf, flash: qemu,
             source: {build: {port: qemu, board: MPS2_AN385, file: firmware.elf}}}
        """))
    (project.root / "rigs" / "local.yaml").write_text(textwrap.dedent("""\
        name: mini
        targets:
          - {name: cpython, kind: cpython}
          - {name: qemu-mps2, kind: qemu-mps2, firmware: mps2}
        """))
    proc = project.harness("run")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if "running without" in line]
    assert lines == ["harness: running without qemu-mps2: firmware 'mps2' is not built "
                     "(run `harness firmware build`)"]
    matrix = json.loads((project.root / "results" / "matrix.json").read_text())
    assert [t["name"] for t in matrix["targets"]] == ["cpython"]
    proc = project.harness("run", "--targets", "qemu-mps2")
    assert proc.returncode == 2 and "firmware 'mps2' is not built" in proc.stdout + proc.stderr
