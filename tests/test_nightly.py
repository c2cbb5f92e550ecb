"""`harness nightly` and `harness history` end to end, in a throwaway project (CPython and the PC port)."""

import json
import sys
import textwrap

import jsonschema
import pytest
from conftest import Project

from harness.nightly import AUDIT_HOOK, AuditContext, run_audits
from harness.schema import load_schema

GOOD_BASELINE = """\
    target: unix
    differences:
      - spec: json/spaces
        reason: MicroPython's json.dumps writes non-ASCII characters as they are
    """
# Broken two ways: the documented difference is gone and a wrong one is added.
BROKEN_BASELINE = """\
    target: unix
    differences:
      - spec: basics/hello
        reason: a difference that does not exist
    """


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Two nightly runs of one rig with the baseline broken between them."""
    project = Project(tmp_path_factory.mktemp("nightly") / "proj")
    project.spec("basics/hello.py", "print('hello')\n")
    project.spec("json/dumps.py", "import json\nprint(json.dumps([1, 'a', None]))\n",
                 feature="stdlib.json.dumps")
    project.spec("json/spaces.py", "import json\nprint(json.dumps('\\u00e9'))\n", feature="stdlib.json.dumps")
    project.baseline("unix", GOOD_BASELINE)
    first = project.harness("nightly", "--rig", "local")
    project.baseline("unix", BROKEN_BASELINE)
    second = project.harness("nightly", "--rig", "local")
    return project, first, second


def _report(project):
    return json.loads((project.root / "results" / "regressions.json").read_text())


def test_first_nightly_has_nothing_to_regress_from(nights):
    _project, first, _second = nights
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr
    assert "no regression: run " in first.stdout and "no earlier run to compare with" in first.stdout


def test_broken_baseline_is_a_regression_naming_the_specs(nights):
    project, first, second = nights
    assert second.returncode == 1, second.stdout[-3000:] + second.stderr
    report = _report(project)
    jsonschema.validate(report, load_schema("regressions"))
    assert report["regression"] is True
    assert report["previous"]["kind"] == "nightly" and report["run"]["id"] != report["previous"]["id"]
    assert [(c["spec_id"], c["target"], c["before"], c["now"]) for c in report["new_failures"]] == [
        ("json/spaces", "unix", "KNOWN-DIFF", "FAIL")]
    assert [(c["spec_id"], c["target"], c["before"], c["now"]) for c in report["new_stale_diffs"]] == [
        ("basics/hello", "unix", "PASS", "STALE-DIFF")]
    assert report["summary"] == {"new_failures": 1, "new_stale_diffs": 1, "timing": 0, "fixes": 0,
                                 "changed": 0, "removed": 0, "added": 0}
    assert "REGRESSION: run " in second.stdout
    assert "json/spaces [unix] KNOWN-DIFF -> FAIL" in second.stdout
    assert "basics/hello [unix] PASS -> STALE-DIFF" in second.stdout
    markdown = (project.root / "results" / "regressions.md").read_text()
    assert markdown.startswith("# REGRESSION: run ")
    assert "`json/spaces` [unix] KNOWN-DIFF -> FAIL" in markdown
    assert "`basics/hello` [unix] PASS -> STALE-DIFF" in markdown


def test_unchanged_failures_are_not_a_new_regression_and_fixes_are_reported(nights):
    project, _first, _second = nights
    third = project.harness("nightly", "--rig", "local", "--targets", "unix")
    assert third.returncode == 0, third.stdout[-3000:] + third.stderr
    assert _report(project)["summary"]["new_failures"] == 0
    project.baseline("unix", GOOD_BASELINE)
    fourth = project.harness("nightly", "--rig", "local", "--targets", "unix")
    assert fourth.returncode == 0
    report = _report(project)
    assert sorted((c["spec_id"], c["before"], c["now"]) for c in report["fixes"]) == [
        ("basics/hello", "STALE-DIFF", "PASS"), ("json/spaces", "FAIL", "KNOWN-DIFF")]
    project.baseline("unix", BROKEN_BASELINE)  # as the fixture left it


def test_history_lists_runs_and_one_spec_or_feature_across_runs(nights):
    project, first, second = nights
    runs = json.loads(project.harness("history", "--rig", "local", "--json").stdout)["runs"]
    by_id = {r["id"]: r for r in runs}
    ids = [line.split("run: ")[1].split()[0] for line in (first.stdout, second.stdout)
           for line in line.splitlines() if line.startswith("matrix: ")]
    assert by_id[ids[0]]["verdicts"] == {"PASS": 5, "KNOWN-DIFF": 1}
    assert by_id[ids[1]]["verdicts"] == {"PASS": 4, "FAIL": 1, "STALE-DIFF": 1}
    assert by_id[ids[1]]["pass_rate"] == {"cpython": 100.0, "unix": 33.3}

    table = project.harness("history", "--rig", "local")
    assert table.returncode == 0
    for run_id in ids:
        assert run_id in table.stdout
    assert "STALE-DIFF" in table.stdout and "unix 33.3%" in table.stdout

    spec = project.harness("history", "--rig", "local", "--spec", "json/spaces")
    assert spec.returncode == 0, spec.stderr
    lines = {line.split()[1]: line for line in spec.stdout.splitlines() if line.startswith("│ 2")}
    assert "KNOWN-DIFF" in lines[ids[0]] and "FAIL" in lines[ids[1]]
    assert f"{ids[1]} unix: FAIL: line 1: expected" in spec.stdout

    feature = json.loads(project.harness("history", "--rig", "local", "--feature", "stdlib.json",
                                         "--json").stdout)
    counts = {r["id"]: r["results"] for r in feature["runs"]}
    assert counts[ids[0]] == {"cpython": {"PASS": 2}, "unix": {"PASS": 1, "KNOWN-DIFF": 1}}
    assert counts[ids[1]] == {"cpython": {"PASS": 2}, "unix": {"PASS": 1, "FAIL": 1}}

    missing = project.harness("history", "--rig", "local", "--spec", "nope/nothing")
    assert missing.returncode == 2 and "no results of spec 'nope/nothing'" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("nightly", "message"), [
    ("nightly: {timing: {ratio: fast}}", "nightly.timing.ratio: 'fast' is not a non-negative number"),
    ("nightly: {timng: {}}", "nightly: unknown key 'timng'"),
])
def test_bad_nightly_block_is_one_line_and_exit_2(project, nightly, message):
    project.spec("a.py", "print(1)\n")
    (project.root / "rigs" / "night.yaml").write_text(
        "name: night\ntargets:\n  - {name: unix, kind: unix}\n" + nightly + "\n")
    proc = project.harness("nightly", "--rig", "rigs/night.yaml")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stderr and "rigs/night.yaml" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_audit_hook_contract(tmp_path, monkeypatch):
    context = AuditContext(tmp_path, None, None, "run", tmp_path)  # type: ignore[arg-type]
    requests = ({"name": "pdr", "profile": "conformance/profiles/pdr.yaml"},)
    assert run_audits((), context) == []
    monkeypatch.setattr("harness.nightly.AUDIT_HOOK", "harness_test_no_such_audit_hook")
    [missing] = run_audits(requests, context)
    assert missing["name"] == "pdr" and missing["ok"] is False and "not run" in missing["summary"]

    (tmp_path / "fake_audit_hook.py").write_text(textwrap.dedent("""\
        def run_nightly_audits(requests, context):
            return [{"name": r["name"], "ok": True, "summary": context.run_id, "report": None}
                    for r in requests]
        """))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("harness.nightly.AUDIT_HOOK", "fake_audit_hook")
    assert run_audits(requests, context) == [{"name": "pdr", "ok": True, "summary": "run", "report": None}]
    assert AUDIT_HOOK == "harness.audit.nightly"
    sys.modules.pop("fake_audit_hook", None)
