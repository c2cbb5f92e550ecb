"""The harness command and the plugin end to end, in a throwaway project (real CPython and PC port)."""

import json

import jsonschema
import pytest

from harness.report.matrix import matrix_schema


@pytest.fixture
def suite(project):
    project.spec("basics/hello.py", "print('hello')\n")
    project.spec("basics/exit3.py", "import sys\nprint('bye')\nsys.exit(3)\n", feature="language.basics.exit")
    project.spec("basics/forever.py", "while True:\n    pass\n", feature="language.basics.loops",
                 header="# timeout: 1\n")
    project.spec("basics/heap.py", "x = bytearray(50 * 1024 * 1024)\nprint(len(x))\n",
                 feature="micropython.heap.exhaust")
    (project.root / "specs/basics/heap.exp").write_text("52428800\n")
    project.spec("json/dumps.py", "import json\nprint(json.dumps([1, 'a', None]))\n",
                 feature="stdlib.json.dumps", header="# tags: core\n")
    project.spec("json/spaces.py", "import json\nprint(json.dumps('\\u00e9'))\n", feature="stdlib.json.dumps")
    return project


def _verdicts(project):
    matrix = json.loads((project.root / "results" / "matrix.json").read_text())
    jsonschema.validate(matrix, matrix_schema())
    return matrix


def test_run_writes_a_valid_matrix_with_both_columns(suite):
    suite.baseline("unix", """\
        target: unix
        differences:
          - spec: json/spaces
            reason: MicroPython's json.dumps writes non-ASCII characters as they are
        """)
    proc = suite.harness("run")
    matrix = _verdicts(suite)
    assert [t["name"] for t in matrix["targets"]] == ["cpython", "unix"]
    cells = {f["id"]: f["cells"] for f in matrix["features"]}
    assert cells["language.basics.exit"] == {"cpython": {"PASS": 1}, "unix": {"PASS": 1}}
    assert cells["language.basics.loops"] == {"cpython": {"TIMEOUT": 1}, "unix": {"TIMEOUT": 1}}
    assert cells["micropython.heap.exhaust"]["unix"] == {"RESOURCE": 1}
    assert cells["stdlib.json.dumps"]["unix"] == {"PASS": 1, "KNOWN-DIFF": 1}
    assert matrix["totals"]["unix"] == {"PASS": 3, "KNOWN-DIFF": 1, "RESOURCE": 1, "TIMEOUT": 1}
    assert proc.returncode == 1  # the TIMEOUTs fail the run
    assert "verdicts by target" in proc.stdout and "TIMEOUT" in proc.stdout


def test_reference_is_not_recomputed_for_unchanged_specs(suite):
    suite.harness("run", "--targets", "unix")
    first = _verdicts(suite)["run"]["reference"]
    suite.harness("run", "--targets", "unix")
    second = _verdicts(suite)["run"]["reference"]
    assert first["computed"] == 5 and first["sidecar"] == 1
    assert second["computed"] == 0 and second["cached"] == 5


def test_stale_baseline_entry_is_reported(suite):
    suite.baseline("unix", """\
        target: unix
        differences:
          - spec: basics/hello
            reason: used to print differently
        """)
    suite.harness("run", "--targets", "unix", "-k", "hello")
    matrix = _verdicts(suite)
    assert matrix["totals"]["unix"] == {"STALE-DIFF": 1}


def test_selection_by_keyword_and_marker(suite):
    proc = suite.harness("run", "--targets", "unix", "-k", "hello or exit3")
    assert _verdicts(suite)["totals"]["unix"] == {"PASS": 2}, proc.stdout
    proc = suite.pytest("specs/", "--harness-targets=unix", "-m", "stdlib.json.dumps", "-v")
    assert "dumps.py::dumps[unix] PASSED" in proc.stdout
    assert "spaces.py::spaces[unix] FAILED" in proc.stdout
    assert "hello" not in proc.stdout
    proc = suite.pytest("specs/", "-m", "core and cpython", "-v")
    assert proc.stdout.count("PASSED") == 1 and "dumps.py::dumps[cpython]" in proc.stdout


@pytest.mark.parametrize(
    ("setup", "args", "expected"),
    [
        (lambda p: p.spec("bad/header.py", "print(1)\n", header="# timeout: soon\n"),
         ["run"], "specs/bad/header.py:2: timeout 'soon' is not a number"),
        (lambda p: p.spec("bad/feature.py", "print(1)\n", feature="language.nope"),
         ["run"], "specs/bad/feature.py:1: unknown feature 'language.nope'"),
        (lambda p: None, ["run", "--targets", "pyboard"], "unknown target 'pyboard'"),
        (lambda p: (p.root / "rigs" / "broken.yaml").write_text("name: [unclosed\n"),
         ["run", "--rig", "rigs/broken.yaml"], "rigs/broken.yaml:2: invalid YAML"),
        (lambda p: (p.root / "rigs" / "odd.yaml").write_text(
            "name: odd\ntargets:\n  - {name: u, kind: toaster}\n"),
         ["run", "--rig", "rigs/odd.yaml"], "rigs/odd.yaml:3: targets.0.kind: unknown target kind 'toaster'"),
        (lambda p: None, ["run", "--rig", "rigs/missing.yaml"], "rigs/missing.yaml: cannot read"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(suite, setup, args, expected):
    setup(suite)
    proc = suite.harness(*args)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr + proc.stdout


def test_pytest_direct_bad_header_is_one_line_collection_error(suite):
    suite.spec("bad/header.py", "print(1)\n", header="# feture: x\n")
    proc = suite.pytest("specs/", "--harness-targets=unix")
    assert proc.returncode == 2
    assert "specs/bad/header.py:2: unknown header key 'feture'" in proc.stdout
    assert "Traceback" not in proc.stdout


def test_pytest_direct_unknown_target_exits_2(suite):
    proc = suite.pytest("specs/", "--harness-targets=nosuch")
    assert proc.returncode == 2
    assert "unknown target 'nosuch'" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_bench_unix_prints_the_ratio(suite):
    proc = suite.harness("bench", "unix", "--rounds", "1", "--limit", "3")
    assert proc.returncode == 0, proc.stderr
    assert "in-process worker" in proc.stdout and "per spec" in proc.stdout
    bench = json.loads((suite.root / "results" / "bench.json").read_text())
    goal = bench["benches"]["unix"]["goals"][0]
    assert goal["ratio"] > 0 and goal["status"] in ("PASS", "FALL-SHORT")


def test_foreign_suite_runs_with_the_same_rules(project, tmp_path):
    suite = tmp_path / "mptests"
    (suite / "basics").mkdir(parents=True)
    (suite / "basics" / "add.py").write_text("print(1 + 1)\n")
    (suite / "basics" / "only_mp.py").write_text("import micropython\nprint(micropython.const(4))\n")
    (suite / "basics" / "only_mp.py.exp").write_text("4\n")
    (suite / "basics" / "skipper.py").write_text("try:\n    import pyb\nexcept ImportError:\n"
                                                 "    print('SKIP')\n    raise SystemExit\n")
    (suite / "basics" / "no_ref.py").write_text("import micropython\nprint(1)\n")
    (suite / "top.py").write_text("print('x')\n")
    proc = project.harness("run", "--suite", str(suite))
    matrix = _verdicts(project)
    cells = {f["id"]: f["cells"] for f in matrix["features"]}
    assert cells["foreign.mptests.basics"]["unix"] == {"PASS": 2, "UNSUPPORTED": 2}, proc.stdout
    assert cells["foreign.mptests.basics"]["cpython"] == {"PASS": 1, "UNSUPPORTED": 3}
    assert cells["foreign.mptests.top"]["unix"] == {"PASS": 1}
    assert {f["area"] for f in matrix["features"]} == {"foreign"}
    assert proc.returncode == 0


def test_a_spec_file_named_on_the_command_line_is_a_spec(suite):
    proc = suite.harness("run", "--targets", "unix", "specs/basics/hello.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _verdicts(suite)["totals"]["unix"] == {"PASS": 1}
    proc = suite.pytest("specs/basics/hello.py", "specs/json/dumps.py", "--harness-targets=unix", "-v")
    assert "hello.py::hello[unix] PASSED" in proc.stdout and "dumps.py::dumps[unix] PASSED" in proc.stdout
