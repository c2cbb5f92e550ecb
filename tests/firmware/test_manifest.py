"""The firmware manifest: schema errors that name file, line and key; verify; the build overlay."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from firmware_support import REPO, write_manifest

from harness.errors import HarnessError
from harness.firmware.manifest import CACHE, OVERLAY, load_manifest, verify
from harness.targets.qemu import DEBIAN_MICROBIT_HEX

DEBIAN_SHA256 = "b76c8e56b4566d7bcb3607ffa5402639b106e4784a0711c45c3573d90d85e9d5"
needs_debian_hex = pytest.mark.skipif(not DEBIAN_MICROBIT_HEX.exists(),
                                      reason="firmware-microbit-micropython is not installed")

GOOD = """\
    version: 1
    images:
      - name: local
        board: microbit
        micropython: 1.9.2
        format: hex
        sha256: {sha}
        source:
          path: images/firmware.hex
        flash: qemu
    """


def test_repository_manifest_loads_with_the_debian_image_first():
    manifest = load_manifest(REPO)
    first = next(iter(manifest.images.values()))
    assert first.name == "microbit-debian-1.9.2"
    assert first.source_kind == "package"
    assert first.source["package"]["name"] == "firmware-microbit-micropython"
    assert first.path == DEBIAN_MICROBIT_HEX and first.sha256 == DEBIAN_SHA256
    built = [i for i in manifest.images.values() if i.source_kind == "build"]
    assert {i.build_board for i in built} >= {"MPS2_AN385", "MICROBIT", "PYBV11"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("version: 1\nimages:\n  - name: a\n    board: b\n    micropython: 1.9.2\n    format: hex\n"
         "    source: {path: x.hex}\n    flash: qemu\n",
         "manifest.yaml:3: images.0: 'sha256' is a required property"),
        ("version: 1\nimages:\n  - name: a\n    board: b\n    micropython: 1.9.2\n    format: hex\n"
         "    sha256: abc\n    source: {path: x.hex}\n    flash: qemu\n",
         "manifest.yaml:7: images.0.sha256: 'abc' does not match"),
        ("version: 1\nimages:\n  - name: a\n    board: b\n    micropython: 1.9.2\n    format: hex\n"
         f"    sha256: {DEBIAN_SHA256}\n    source: {{path: x.hex}}\n    flash: qemu\n    colour: red\n",
         "manifest.yaml:3: images.0: unknown key ('colour' was unexpected)"),
        ("version: 1\nimages:\n  - name: a\n    board: b\n    micropython: 1.9.2\n    format: hex\n"
         f"    sha256: {DEBIAN_SHA256}\n    source: {{path: x.hex}}\n    flash: jtag\n",
         "manifest.yaml:9: images.0.flash: 'jtag' is not one of ['qemu', 'dfu', 'mpflash']"),
        ("version: 1\nimages:\n  - name: a\n    board: b\n    micropython: 1.9.2\n    format: elf\n"
         "    source:\n      build: {port: esp32, board: X, file: f.bin}\n    flash: qemu\n",
         "manifest.yaml:8: images.0.source.build.port: 'esp32' is not one of ['qemu', 'stm32']"),
        ("version: 1\nimages:\n  - name: a\n    board: b\n    micropython: soon\n    format: hex\n"
         f"    sha256: {DEBIAN_SHA256}\n    source: {{path: x.hex}}\n    flash: qemu\n",
         "manifest.yaml:5: images.0.micropython: 'soon' does not match"),
        ("version: 1\nimages: [\n", "manifest.yaml:3: invalid YAML"),
    ],
)
def test_schema_errors_name_file_line_and_key(tmp_path, body, expected):
    (tmp_path / "firmware").mkdir()
    (tmp_path / "firmware" / "manifest.yaml").write_text(body)
    with pytest.raises(HarnessError) as err:
        load_manifest(tmp_path)
    assert expected in str(err.value)
    assert "\n" not in str(err.value)


def test_a_name_defined_twice_is_an_error_at_its_line(tmp_path):
    text = textwrap.dedent(GOOD.format(sha=DEBIAN_SHA256))
    write_manifest(tmp_path, text + text.split("images:\n", 1)[1])
    with pytest.raises(HarnessError, match=r"manifest.yaml:11: images.1.name: 'local' defined twice"):
        load_manifest(tmp_path)


def test_cli_reports_a_bad_manifest_in_one_line(project):
    write_manifest(project.root, GOOD.format(sha=DEBIAN_SHA256).replace("version: 1", "version: 2"))
    proc = project.harness("firmware", "list")
    assert proc.returncode == 2
    assert proc.stderr.startswith("harness: error: ") and "firmware/manifest.yaml:1: version" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@needs_debian_hex
def test_verify_passes_for_the_debian_microbit_image(project):
    shutil.copytree(REPO / "firmware", project.root / "firmware")
    proc = project.harness("firmware", "verify", "microbit-debian-1.9.2")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"ok   microbit-debian-1.9.2: {DEBIAN_MICROBIT_HEX}: OK (sha256 {DEBIAN_SHA256})" in proc.stdout


@needs_debian_hex
def test_verify_fails_clearly_on_a_corrupted_copy(project, tmp_path):
    shutil.copytree(REPO / "firmware", project.root / "firmware")
    copy = tmp_path / "firmware.hex"
    data = bytearray(DEBIAN_MICROBIT_HEX.read_bytes())
    data[100] = ord("0") if data[100] != ord("0") else ord("1")
    copy.write_bytes(bytes(data))
    proc = project.harness("firmware", "verify", "microbit-debian-1.9.2", "--file", str(copy))
    assert proc.returncode == 1
    line = proc.stdout.strip()
    assert line.startswith(f"FAIL microbit-debian-1.9.2: {copy}: sha256 ")
    assert f"does not match the manifest's {DEBIAN_SHA256}" in line and "corrupted" in line
    assert "Traceback" not in proc.stdout + proc.stderr


def test_verify_of_a_missing_file_and_an_unknown_name(tmp_path):
    write_manifest(tmp_path, GOOD.format(sha=DEBIAN_SHA256))
    manifest = load_manifest(tmp_path)
    check = verify(manifest.get("local"))
    assert check.status == "MISSING" and not check.ok
    assert check.message() == f"{tmp_path / 'images' / 'firmware.hex'}: missing"
    with pytest.raises(HarnessError, match="no firmware image 'nope' .known: local."):
        manifest.get("nope")


def test_the_build_overlay_is_merged_and_the_manifest_is_not_touched(tmp_path):
    body = """\
        version: 1
        images:
          - name: mps2
            board: MPS2_AN385
            micropython: 1.29.0-preview
            format: elf
            source:
              build: {port: qemu, board: MPS2_AN385, file: firmware.elf}
            flash: qemu
        """
    path = write_manifest(tmp_path, body)
    before = path.read_text()
    assert not load_manifest(tmp_path).get("mps2").available
    image_file = tmp_path / CACHE / "images" / "MPS2_AN385" / "firmware.elf"
    image_file.parent.mkdir(parents=True)
    image_file.write_bytes(b"\x7fELF stand-in")
    (tmp_path / OVERLAY).write_text(
        "version: 1\nbuilds:\n  MPS2_AN385:\n"
        "    path: .harness-cache/firmware/images/MPS2_AN385/firmware.elf\n"
        f"    sha256: {'ab' * 32}\n    micropython: 1.29.0-preview.5.gabcdef\n    commit: abcdef1234\n"
        "    source: /src/micropython\n    source_key: k\n")
    image = load_manifest(tmp_path).get("mps2")
    assert image.available and image.path == image_file
    assert (image.sha256, image.micropython, image.commit) == ("ab" * 32, "1.29.0-preview.5.gabcdef",
                                                               "abcdef1234")
    assert verify(image).status == "MISMATCH"  # the overlay's hash is not the file's
    assert path.read_text() == before


def test_a_broken_overlay_names_its_line(tmp_path):
    write_manifest(tmp_path, GOOD.format(sha=DEBIAN_SHA256))
    overlay = tmp_path / OVERLAY
    overlay.parent.mkdir(parents=True)
    overlay.write_text("version: 1\nbuilds:\n  X:\n    path: p\n")
    with pytest.raises(HarnessError, match=r"built.yaml:3: builds.X: 'sha256' is a required property"):
        load_manifest(tmp_path)


def test_relative_paths_are_relative_to_the_project_root(tmp_path):
    write_manifest(tmp_path, GOOD.format(sha=DEBIAN_SHA256))
    assert load_manifest(tmp_path).get("local").path == tmp_path / Path("images/firmware.hex")
