"""Flaky specs across stored nightly runs (the PC port, real SQLite): FLAKY with its rate, kept
apart from FAIL in every report, and a spec that starts failing on every run is a new failure
even though it was flaky before."""

import json

import jsonschema
import pytest
import yaml
from answers import Answers
from conftest import Project

from harness.schema import load_schema

RIG = """\
name: lab
results: results
flaky: {window: 8, consistent: 3}
targets:
  - {name: unix, kind: unix}
"""
# One answer per nightly run: "alternating" flips every night; "breaks" flips, then fails for good.
ALTERNATING = ["ok", "bad", "ok", "bad", "ok", "bad"]
BREAKS = ["ok", "bad", "ok", "bad", "bad", "bad"]


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("flaky") / "proj")
    (project.root / "rigs" / "local.yaml").write_text(RIG)
    feeds = [Answers(project.root / "alternating.pipe", ALTERNATING),
             Answers(project.root / "breaks.pipe", BREAKS)]
    project.spec("lab/alternating.py", feeds[0].spec_source())
    project.spec("lab/breaks.py", feeds[1].spec_source())
    project.spec("lab/steady.py", "print('steady')\n")
    reports = []
    try:
        for _night in ALTERNATING:
            proc = project.harness("nightly")
            regressions = json.loads((project.root / "results" / "regressions.json").read_text())
            matrix = json.loads((project.root / "results" / "matrix.json").read_text())
            reports.append((proc, regressions, matrix))
    finally:
        for feed in feeds:
            feed.close()
    assert feeds[0].given == ALTERNATING and feeds[1].given == BREAKS
    return project, reports


def _verdicts(matrix):
    return matrix["totals"]["unix"]


def test_a_first_failure_is_a_new_failure_not_flakiness(nights):
    _project, reports = nights
    proc, regressions, _matrix = reports[1]
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr
    assert sorted(c["spec_id"] for c in regressions["new_failures"]) == ["lab/alternating", "lab/breaks"]
    assert regressions["flaky"] == []


def test_flips_make_flaky_with_rate_and_do_not_fail_the_night(nights):
    _project, reports = nights
    proc, regressions, matrix = reports[2]  # PASS FAIL PASS
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert regressions["regression"] is False and regressions["new_failures"] == []
    assert _verdicts(matrix) == {"PASS": 1, "FLAKY": 2}
    rates = {f["spec_id"]: (f["rate"], f["flips"], f["runs"], f["observed"]) for f in regressions["flaky"]}
    assert rates == {"lab/alternating": (1.0, 2, 3, "PASS"), "lab/breaks": (1.0, 2, 3, "PASS")}
    assert "lab/alternating [unix] flip rate 100% (2 flips in 3 runs), PASS now" in proc.stdout


def test_a_flaky_spec_that_now_fails_every_run_is_a_new_failure(nights):
    project, reports = nights
    proc, regressions, matrix = reports[5]
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr
    jsonschema.validate(regressions, load_schema("regressions"))
    jsonschema.validate(matrix, load_schema("matrix"))
    assert [(c["spec_id"], c["before"], c["now"]) for c in regressions["new_failures"]] == [
        ("lab/breaks", "FLAKY", "FAIL")]
    [flaky] = regressions["flaky"]
    assert (flaky["spec_id"], flaky["rate"], flaky["flips"], flaky["runs"], flaky["observed"]) == (
        "lab/alternating", 1.0, 5, 6, "FAIL")
    assert _verdicts(matrix) == {"PASS": 1, "FAIL": 1, "FLAKY": 1}
    assert [f["spec_id"] for f in matrix["flaky"]] == ["lab/alternating"]
    # The terminal keeps them apart: the failure among the items needing attention, the
    # flaky one in its own section with its rate.
    attention = proc.stdout.split("items needing attention")[1].split("FLAKY (not failing")[0]
    assert "lab/breaks" in attention and "lab/alternating" not in attention
    assert "lab/alternating [unix] flip rate 100% (5 flips in 6 runs), FAIL now" in proc.stdout
    assert "lab/breaks [unix] FLAKY -> FAIL" in proc.stdout
    markdown = (project.root / "results" / "regressions.md").read_text()
    assert "## FLAKY, not failing the night (1)" in markdown
    page = (project.root / "results" / "matrix.html").read_text()
    assert "flip rate 100% (5 flips in 6 runs)" in page


def test_the_store_keeps_each_runs_own_verdict(nights):
    project, _reports = nights
    history = json.loads(project.harness("history", "--spec", "lab/breaks", "--json").stdout)
    verdicts = [run["results"]["unix"]["verdict"] for run in history["runs"]][::-1]
    assert verdicts == ["PASS", "FAIL", "FLAKY", "FLAKY", "FLAKY", "FAIL"]


def test_quarantine_suggest_proposes_the_flaky_spec_with_its_rate(nights):
    project, _reports = nights
    proc = project.harness("quarantine", "suggest", "--days", "14")
    assert proc.returncode == 0, proc.stderr
    proposed = yaml.safe_load(proc.stdout)["quarantine"]
    assert [(e["spec"], e["target"], e["rate"]) for e in proposed] == [("lab/alternating", "unix", 1.0)]
    assert proposed[0]["reason"].startswith("flaky: 5 flips in the last 6 runs")
    # What it prints is a valid quarantine file as it is.
    (project.root / "conformance" / "quarantine.yaml").write_text(proc.stdout)
    listing = project.harness("quarantine", "list")
    assert listing.returncode == 0 and "spec lab/alternating on unix until" in listing.stdout
    (project.root / "conformance" / "quarantine.yaml").unlink()
