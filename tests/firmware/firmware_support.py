"""Helpers for the firmware tests: the real build (once per session, reusing the repository's
.harness-cache), small manifests, and a stub MicroPython tree for fast build-logic tests."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from harness.firmware.build import BuildReport, build_firmware
from harness.firmware.manifest import Manifest, load_manifest
from harness.firmware.source import locate
from harness.targets.qemu import DEBIAN_MICROBIT_HEX

REPO = Path(__file__).resolve().parents[2]

needs_toolchain = pytest.mark.skipif(
    shutil.which("arm-none-eabi-gcc") is None or shutil.which("make") is None,
    reason="the Arm toolchain (gcc-arm-none-eabi) is not installed",
)
needs_qemu = pytest.mark.skipif(
    shutil.which("qemu-system-arm") is None or not DEBIAN_MICROBIT_HEX.exists(),
    reason="qemu-system-arm or the Debian micro:bit firmware is not installed",
)


@pytest.fixture(scope="session")
def built_firmware() -> tuple[BuildReport, Manifest]:
    """The real build of mpy-cross, MPS2_AN385 and MICROBIT, into the repository's cache: the
    first session builds (about a minute), later ones find it current."""
    if shutil.which("arm-none-eabi-gcc") is None:
        pytest.skip("the Arm toolchain (gcc-arm-none-eabi) is not installed")
    if locate(REPO) is None:
        pytest.skip("no MicroPython source (MICROPY_SRC or the vendored tarball)")
    report = build_firmware(REPO, load_manifest(REPO), say=lambda _line: None)
    return report, load_manifest(REPO)


def write_manifest(root: Path, body: str) -> Path:
    path = root / "firmware" / "manifest.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body))
    return path


STUB_MPY_CROSS_MAKEFILE = """\
BUILD ?= build
all:
\tmkdir -p $(BUILD)
\tprintf '#!/bin/sh\\necho "MicroPython v9.9.9; mpy-cross emitting mpy v6.3"\\n' > $(BUILD)/mpy-cross
\tchmod +x $(BUILD)/mpy-cross
\techo mpy-cross >> $(BUILD)/../../makes.log
"""

STUB_PORT_MAKEFILE = """\
BUILD ?= build-$(BOARD)
all:
\ttest -x $(MICROPY_MPYCROSS)
\tmkdir -p $(BUILD)/genhdr
\techo '#define MICROPY_GIT_TAG "v9.9.9-stub"' > $(BUILD)/genhdr/mpversion.h
\tcat ../../py/mpconfig.h > $(BUILD)/firmware.elf
\techo $(BOARD) >> $(BUILD)/firmware.elf
\techo "board_dir=$(BOARD_DIR)" >> $(BUILD)/firmware.elf
\techo $(BOARD) >> $(BUILD)/../../makes.log
submodules:
\ttouch ../../.git/submodules-$(BOARD)
"""


def stub_checkout(folder: Path) -> Path:
    """A git checkout shaped like MicroPython whose Makefiles write tiny stand-in outputs
    and log each make run (in the cache's build folder: ``makes.log``)."""
    (folder / "py").mkdir(parents=True)
    (folder / "py" / "mpconfig.h").write_text("#define MICROPY_VERSION_MAJOR 9\n")
    (folder / "mpy-cross").mkdir()
    (folder / "mpy-cross" / "Makefile").write_text(STUB_MPY_CROSS_MAKEFILE)
    (folder / "ports" / "qemu").mkdir(parents=True)
    (folder / "ports" / "qemu" / "Makefile").write_text(STUB_PORT_MAKEFILE)
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "stub")
    return folder


def git(folder: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                          text=True, env=env).stdout.strip()
