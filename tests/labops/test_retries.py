"""Retries with evidence (rig ``retries:``): every attempt is stored, and a pass after a failure
is FLAKY, not PASS (the PC port, real SQLite)."""

import json
import sqlite3

from answers import Answers
from conftest import Project

RIG = """\
name: retry
results: results
retries: 2
targets:
  - {name: unix, kind: unix}
"""


def test_every_attempt_is_recorded_and_a_late_pass_is_flaky(project: Project):
    (project.root / "rigs" / "local.yaml").write_text(RIG)
    late = Answers(project.root / "late.pipe", ["bad", "ok"])
    never = Answers(project.root / "never.pipe", ["bad", "worse", "bad"])
    project.spec("r/late_pass.py", late.spec_source())
    project.spec("r/never.py", never.spec_source())
    project.spec("r/fine.py", "print('fine')\n")
    try:
        proc = project.harness("run")
    finally:
        late.close()
        never.close()
    assert late.given == ["bad", "ok"] and never.given == ["bad", "worse", "bad"]
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr  # r/never fails the run
    db = sqlite3.connect(project.root / "results" / "harness.sqlite")
    rows = {spec: (verdict, reason, attempts, json.loads(log)) for spec, verdict, reason, attempts, log in
            db.execute("SELECT spec_id, verdict, reason, attempts, attempt_log FROM results")}

    verdict, reason, attempts, log = rows["r/late_pass"]
    assert (verdict, reason, attempts) == ("FLAKY", "attempts disagree: FAIL, PASS", 2)
    assert [a["verdict"] for a in log] == ["FAIL", "PASS"]
    assert log[0]["reason"] == "line 1: expected 'ok', got 'bad'"
    assert log[0]["output_sha256"] != log[1]["output_sha256"]
    assert all(a["duration_s"] > 0 for a in log)

    verdict, _reason, attempts, log = rows["r/never"]
    assert (verdict, attempts) == ("FAIL", 3)
    assert [a["verdict"] for a in log] == ["FAIL", "FAIL", "FAIL"]
    assert log[0]["output_sha256"] == log[2]["output_sha256"] != log[1]["output_sha256"]

    assert rows["r/fine"][0] == "PASS" and len(rows["r/fine"][3]) == 1  # a pass is not retried
    assert "r/late_pass [unix] attempts disagree: FAIL, PASS" in proc.stdout
