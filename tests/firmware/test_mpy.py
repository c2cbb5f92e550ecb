"""Specs as .mpy: bytecode versions, mpy-cross options, and runs on the PC port and the MPS2 image."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from firmware_support import REPO, built_firmware, needs_qemu  # noqa: F401  (session fixture)

from harness.firmware.mpy import (
    MpyCompileError,
    MpyUnsupported,
    MpyVersion,
    compile_spec,
    cross_args,
    decode_sys_mpy,
    runner_code,
    sys_mpy,
)
from harness.spec import load_spec
from harness.targets import TargetConfig, create_target

PC_PORT_MPY = 2822  # sys.implementation._mpy of the PyPI unix port (x64)
MPS2_MPY = 6918  # of the 1.29 MPS2_AN385 image (Cortex-M3)
V6_3 = MpyVersion(6, 3)

SPEC = """\
# feature: language.basics.print
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), {k: v for k, v in zip('ab', (1, 2))})
try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', type(e).__name__)
"""


def test_decode_sys_mpy():
    assert decode_sys_mpy(PC_PORT_MPY) == MpyVersion(6, 3, 2)
    assert decode_sys_mpy(PC_PORT_MPY).arch_name == "x64"
    assert decode_sys_mpy(MPS2_MPY) == MpyVersion(6, 3, 6)
    assert str(decode_sys_mpy(MPS2_MPY)) == "v6.3 (armv7em)"
    assert decode_sys_mpy(6).arch_name is None  # a bytecode-only build


def test_sys_mpy_from_the_identity_probe():
    assert sys_mpy("(name='micropython', version=(1, 29, 0, 'preview'), _machine='mps2-an385 with "
                   "Cortex-M3', _mpy=6918, _build='MPS2_AN385')") == MPS2_MPY
    assert sys_mpy("(name='micropython', version=(1, 9, 2))") is None


def test_cross_args_for_each_emitter():
    assert cross_args(decode_sys_mpy(MPS2_MPY), V6_3) == []
    assert cross_args(decode_sys_mpy(MPS2_MPY), V6_3, "native") == ["-march=armv7em", "-X", "emit=native"]
    assert cross_args(decode_sys_mpy(PC_PORT_MPY), V6_3, "viper") == ["-march=x64", "-X", "emit=viper"]


def test_cross_args_refuse_what_the_target_cannot_load():
    with pytest.raises(MpyUnsupported, match=r"the target loads .mpy v5, mpy-cross emits v6.3"):
        cross_args(MpyVersion(5, 0), V6_3)
    with pytest.raises(MpyUnsupported, match="loads no native code"):
        cross_args(MpyVersion(6, 3), V6_3, "native")
    with pytest.raises(MpyUnsupported, match=r"native code needs .mpy v6.2, mpy-cross emits v6.3"):
        cross_args(MpyVersion(6, 2, 2), V6_3, "native")


def test_a_target_without_sys_implementation_mpy_is_unsupported(tmp_path):
    path = tmp_path / "s.py"
    path.write_text(SPEC)
    spec = load_spec(path, tmp_path)
    with pytest.raises(MpyUnsupported, match="no sys.implementation._mpy"):
        compile_spec(spec, None, root=tmp_path)


@pytest.fixture
def spec(tmp_path):
    path = tmp_path / "specs" / "lang" / "gen.py"
    path.parent.mkdir(parents=True)
    path.write_text(SPEC)
    return load_spec(path, tmp_path / "specs")


def _cpython(spec) -> str:
    return subprocess.run([sys.executable, str(spec.path)], capture_output=True, text=True).stdout


@pytest.mark.slow
def test_spec_as_mpy_on_the_pc_port_prints_what_cpython_prints(built_firmware, spec):  # noqa: F811
    mpy = compile_spec(spec, PC_PORT_MPY, root=REPO)
    assert mpy[:2] == b"M\x06"
    micropython = Path(sys.executable).with_name("micropython")
    proc = subprocess.run([str(micropython), "-c", runner_code(mpy)], capture_output=True, text=True,
                          timeout=30)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == _cpython(spec)
    assert compile_spec(spec, PC_PORT_MPY, root=REPO) == mpy  # cached, same bytes


@pytest.mark.slow
def test_a_spec_that_does_not_compile_reports_the_syntax_error(built_firmware, tmp_path):  # noqa: F811
    path = tmp_path / "bad.py"
    path.write_text("# feature: language.basics.print\nprint((1,)\n")
    with pytest.raises(MpyCompileError) as err:
        compile_spec(load_spec(path, tmp_path), PC_PORT_MPY, root=REPO)
    assert err.value.exception == "SyntaxError"
    assert 'bad.py", line 3' in err.value.stderr and "SyntaxError: invalid syntax" in err.value.stderr


@pytest.mark.slow
@needs_qemu
def test_spec_as_mpy_on_the_mps2_image(built_firmware, spec):  # noqa: F811
    _report, manifest = built_firmware
    target = create_target(TargetConfig("mps2", "qemu-mps2",
                                        {"firmware": str(manifest.get("micropython-1.29-mps2").path)}))
    try:
        target.start()
        outcome = target.run_code(runner_code(compile_spec(spec, MPS2_MPY, root=REPO)), 10)
    finally:
        target.stop()
    assert outcome.stderr == "" and outcome.stdout == _cpython(spec)
