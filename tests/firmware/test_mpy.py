"""Specs as .mpy: bytecode versions, mpy-cross options, and runs on the PC port and the MPS2 image."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from firmware_support import REPO, built_firmware, needs_qemu  # noqa: F401  (session fixture)

from harness.errors import HarnessError
from harness.firmware.mpy import (
    MpyCompileError,
    MpyUnsupported,
    MpyVersion,
    compile_spec,
    cross_args,
    decode_sys_mpy,
    find_mpy_cross,
    mpy_unavailable,
    run_as_mpy,
    runner_code,
    sys_mpy,
)
from harness.report.matrix import matrix_schema
from harness.spec import load_spec
from harness.targets import TargetConfig, create_target

PC_PORT_MPY = 2822  # sys.implementation._mpy of the PyPI unix port (x64)
MPS2_MPY = 6918  # of the 1.29 MPS2_AN385 image (Cortex-M3)
V6_3 = MpyVersion(6, 3)
NO_MPY = "the target has no sys.implementation._mpy: it loads no .mpy files"

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
    # Bytecode with the target's architecture, so a spec's @micropython.native functions compile.
    assert cross_args(decode_sys_mpy(MPS2_MPY), V6_3) == ["-march=armv7em"]
    assert cross_args(MpyVersion(6, 3), V6_3) == []  # a bytecode-only build (micro:bit 1.29)
    assert cross_args(MpyVersion(6, 2, 2), V6_3) == []  # native code would not load there
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


@pytest.mark.slow
def test_compiled_specs_and_compile_errors_come_from_the_cache(built_firmware, tmp_path, monkeypatch):  # noqa: F811
    import harness.firmware.mpy as mpy_module

    good, bad = tmp_path / "specs" / "good.py", tmp_path / "specs" / "bad.py"
    good.parent.mkdir()
    good.write_text(SPEC)
    bad.write_text("# feature: language.basics.print\nprint((1,)\n")
    specs = [load_spec(p, tmp_path / "specs") for p in (good, bad)]
    cross = find_mpy_cross(REPO)
    first = compile_spec(specs[0], PC_PORT_MPY, root=tmp_path, mpy_cross=cross)
    with pytest.raises(MpyCompileError) as before:
        compile_spec(specs[1], PC_PORT_MPY, root=tmp_path, mpy_cross=cross)

    def no_second_run(*_args):
        raise AssertionError("mpy-cross ran again for a spec whose content did not change")

    monkeypatch.setattr(mpy_module, "_run_cross", no_second_run)
    assert compile_spec(specs[0], PC_PORT_MPY, root=tmp_path, mpy_cross=cross) == first
    with pytest.raises(MpyCompileError) as after:
        compile_spec(specs[1], PC_PORT_MPY, root=tmp_path, mpy_cross=cross)
    assert (after.value.stderr, after.value.exception) == (before.value.stderr, "SyntaxError")
    good.write_text(SPEC + "print('changed')\n")  # new content: compiled again
    with pytest.raises(AssertionError, match="ran again"):
        compile_spec(load_spec(good, tmp_path / "specs"), PC_PORT_MPY, root=tmp_path, mpy_cross=cross)


def test_run_as_mpy_turns_what_cannot_run_into_an_outcome(tmp_path, monkeypatch):
    path = tmp_path / "s.py"
    path.write_text(SPEC)
    spec = load_spec(path, tmp_path)
    ran: list[str] = []
    outcome = run_as_mpy(spec, None, lambda code, timeout: ran.append(code))
    assert outcome.unsupported == f"mode 'mpy': {NO_MPY}"
    assert mpy_unavailable(None) == NO_MPY
    # No mpy-cross in this project and none on PATH: the harness cannot, so UNSUPPORTED with the fix.
    monkeypatch.setenv("PATH", str(tmp_path))
    outcome = run_as_mpy(spec, MPS2_MPY, lambda code, timeout: ran.append(code), root=tmp_path)
    assert "no mpy-cross: run `harness firmware build`" in outcome.unsupported
    assert ran == []


# ---- end to end: `harness run` with bytecode and mpy modes on real targets ---------------------

E2E_FEATURES = """\
version: 1
features:
  - {id: language.basics.print, title: print, area: language, cpython_doc: library/functions.html#print}
  - {id: language.basics.syntax, title: syntax errors, area: language, cpython_doc: reference/index.html}
"""
MAIN_SPEC = """\
# feature: language.basics.print
# As .mpy the spec is still the program being run: __name__ is "__main__".
import sys
if __name__ == "__main__":
    print("main", __name__)
print("__harness_spec" in getattr(sys, "modules", {}), "/__mpy" in sys.path)  # the runner left no trace
"""
SYNTAX_SPEC = "# feature: language.basics.syntax\nprint((1,)\n"


def _e2e_project(root: Path, targets: str) -> Path:
    for folder in ("conformance/baselines", "rigs", "specs/lang"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "conformance" / "features.yaml").write_text(E2E_FEATURES)
    (root / "specs" / "lang" / "gen.py").write_text(SPEC)
    (root / "specs" / "lang" / "main_name.py").write_text(MAIN_SPEC)
    (root / "specs" / "lang" / "syntax_error.py").write_text(SYNTAX_SPEC)
    (root / "rigs" / "local.yaml").write_text(f"name: mpy\nresults: results\ntargets:\n{targets}")
    return root


def _harness_run(root: Path, *args: str) -> subprocess.CompletedProcess:
    # The project has no firmware cache of its own: mpy-cross comes from the repository's build
    # (the tests that run .mpy specs ask for built_firmware, and skip without it).
    path = os.environ["PATH"]
    try:
        path = f"{find_mpy_cross(REPO).parent}{os.pathsep}{path}"
    except HarnessError:
        pass
    env = dict(os.environ, PATH=path, COLUMNS="200")
    env.pop("HARNESS_RUN_ID", None)
    return subprocess.run([sys.executable, "-m", "harness.cli", "run", *args], cwd=root,
                          capture_output=True, text=True, timeout=600, env=env)


def _same_syntax_error_verdict(verdicts: dict, target: str) -> None:
    bytecode = verdicts[("lang/syntax_error", target, "bytecode")]
    assert verdicts[("lang/syntax_error", target, "mpy")] == bytecode
    assert bytecode[1] == "expected exit status 1, got uncaught SyntaxError"


def _verdicts(root: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    db = sqlite3.connect(root / "results" / "harness.sqlite")
    try:
        rows = db.execute("SELECT spec_id, target, mode, verdict, reason FROM results").fetchall()
    finally:
        db.close()
    return {(s, t, m): (v, r) for s, t, m, v, r in rows}


@pytest.mark.slow
def test_each_spec_has_a_verdict_per_mode_on_the_unix_port(built_firmware, tmp_path):  # noqa: F811
    root = _e2e_project(tmp_path / "proj", "  - {name: unix, kind: unix, modes: [bytecode, mpy]}\n")
    proc = _harness_run(root)
    verdicts = _verdicts(root)
    for spec in ("lang/gen", "lang/main_name"):
        assert verdicts[(spec, "unix", "bytecode")][0] == "PASS", verdicts
        assert verdicts[(spec, "unix", "mpy")][0] == "PASS", verdicts
    # The syntax error comes from mpy-cross in mpy mode, from the port itself in bytecode mode:
    # judged alike (CPython's reference names no exception for it: a FAIL either way).
    _same_syntax_error_verdict(verdicts, "unix")
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-3000:]
    # The matrix (JSON, Markdown), the terminal and JUnit show the two modes apart.
    matrix = json.loads((root / "results" / "matrix.json").read_text())
    jsonschema.validate(matrix, matrix_schema())
    assert [(t["name"], t["target"], t["mode"]) for t in matrix["targets"]] == [
        ("unix", "unix", "bytecode"), ("unix-mpy", "unix", "mpy")]
    assert matrix["totals"] == {"unix": {"PASS": 2, "FAIL": 1}, "unix-mpy": {"PASS": 2, "FAIL": 1}}
    markdown = (root / "results" / "matrix.md").read_text()
    assert "| feature | area | unix | unix-mpy |" in markdown
    assert "FAIL        lang/syntax_error [unix-mpy]" in proc.stdout
    junit = (root / "results" / "junit.xml").read_text()
    assert 'name="gen[unix]"' in junit and 'name="gen[unix-mpy]"' in junit
    # --modes picks the modes from the command line, for every chosen target.
    proc = _harness_run(root, "--modes", "mpy", "--run-id", "only-mpy", "specs/lang/gen.py")
    assert proc.returncode == 0, proc.stdout[-3000:]
    db = sqlite3.connect(root / "results" / "harness.sqlite")
    modes = db.execute("SELECT DISTINCT mode FROM results WHERE run_id = 'only-mpy'").fetchall()
    db.close()
    assert modes == [("mpy",)]


def test_an_unknown_mode_on_the_command_line_is_one_line(tmp_path):
    root = _e2e_project(tmp_path / "proj", "  - {name: cpython, kind: cpython}\n")
    proc = _harness_run(root, "--modes", "bytecode,wasm")
    assert proc.returncode != 0
    assert "unknown mode 'wasm' (known: bytecode, native, viper, mpy)" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


@pytest.mark.slow
@needs_qemu
def test_mps2_runs_specs_as_mpy_and_the_old_microbit_cannot(built_firmware, tmp_path):  # noqa: F811
    _report, manifest = built_firmware
    mps2 = manifest.get("micropython-1.29-mps2").path
    root = _e2e_project(tmp_path / "proj", (
        f"  - {{name: mps2, kind: qemu-mps2, firmware: '{mps2}', modes: [bytecode, mpy]}}\n"
        "  - {name: microbit, kind: qemu-microbit, modes: [bytecode, mpy]}\n"))
    proc = _harness_run(root, "specs/lang/gen.py", "specs/lang/main_name.py",
                        "specs/lang/syntax_error.py")
    verdicts = _verdicts(root)
    for spec in ("lang/gen", "lang/main_name"):
        assert verdicts[(spec, "mps2", "bytecode")][0] == "PASS", verdicts
        assert verdicts[(spec, "mps2", "mpy")][0] == "PASS", verdicts
    _same_syntax_error_verdict(verdicts, "mps2")
    # MicroPython 1.9.2 has no sys.implementation._mpy: detected, with the reason.
    for spec in ("lang/gen", "lang/main_name", "lang/syntax_error"):
        assert verdicts[(spec, "microbit", "mpy")] == ("UNSUPPORTED", f"mode 'mpy': {NO_MPY}")
    matrix = json.loads((root / "results" / "matrix.json").read_text())
    assert [t["name"] for t in matrix["targets"]] == ["mps2", "mps2-mpy", "microbit", "microbit-mpy"]
    assert matrix["totals"]["mps2-mpy"] == {"PASS": 2, "FAIL": 1}
    assert matrix["totals"]["microbit-mpy"] == {"UNSUPPORTED": 3}
    assert proc.returncode == 1, proc.stdout[-3000:]  # the syntax-error spec's FAILs
