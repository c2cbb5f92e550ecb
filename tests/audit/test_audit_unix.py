"""`harness audit` end to end on the real PC port: stored runs, evidence, profile verdict, report."""

from __future__ import annotations

import json
import sqlite3

import jsonschema
import pytest
from audit_support import (
    LOCK_ALLOC,
    LOCK_OK,
    VARIABLE,
    AuditProject,
    add_audit_files,
    load_report,
    spec_entry,
)

from harness.schema import load_schema

PROFILE = """\
profile: t
phase: pdr
runs: 6
targets:
  - target: unix
specs: [determinism]
requirements:
  - id: NOHEAP
    check: no-heap-alloc
  - id: SAME
    check: reproducible
  - id: FAST
    check: budget
    specs: [determinism/lock_ok]
    metric: spec.loop_us
    budget: 1000000000    # 1000 s: the margin arithmetic is checked, never the host's speed
    unit: us
    resource: deadline
"""


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    project = AuditProject(tmp_path_factory.mktemp("audit") / "proj")
    add_audit_files(project.root, PROFILE, {"lock_ok": (LOCK_OK, "sum 19900\n"),
                                            "lock_alloc": (LOCK_ALLOC, "done\n"),
                                            "variable": (VARIABLE, "")})
    proc = project.harness("audit", "--profile", "t", "--no-pdf")
    return project, proc, load_report(project.root)


def test_exit_status_names_what_fell_short(audited):
    _, proc, document = audited
    assert proc.returncode == 1, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("harness audit: profile t fail:")
    assert "NOHEAP on unix: not met: determinism/lock_alloc: allocates under heap lock" in last
    assert "SAME on unix: not met: determinism/variable:" in last
    assert "Traceback" not in proc.stderr
    statuses = {r["id"]: r["status"] for r in document["requirements"]}
    assert statuses == {"NOHEAP": "not met", "SAME": "not met", "FAST": "met"}


def test_allocation_under_heap_lock_is_reported(audited):
    _, _, document = audited
    bad = spec_entry(document, "determinism/lock_alloc", "unix")
    lock = bad["memory"]["heap_lock"]
    assert lock["uses_heap_lock"] and len(lock["allocated_under_lock_results"]) == 6
    assert lock["finding"].startswith("allocates under heap lock")
    assert bad["verdicts"] == {"RESOURCE": 6}
    good = spec_entry(document, "determinism/lock_ok", "unix")["memory"]["heap_lock"]
    assert good["allocated_under_lock_results"] == []
    assert good["finding"].startswith("no allocation under heap lock")


def test_variable_workload_is_flagged_with_its_spread(audited):
    _, _, document = audited
    variable = spec_entry(document, "determinism/variable", "unix")
    repro = variable["reproducibility"]
    assert repro["status"] == "non-deterministic" and repro["distinct_outputs"] > 1
    assert sum(repro["output_counts"].values()) == 6
    assert f"{repro['distinct_outputs']} different outputs in 6 runs" in repro["explanation"]
    work = variable["metrics"]["spec.work_us"]["stats"]
    assert work["n"] == 6 and work["max"] >= work["min"]
    steady = spec_entry(document, "determinism/lock_ok", "unix")["reproducibility"]
    assert steady["outputs_identical"] and steady["status"] == "output-reproducible"


def test_every_run_is_stored_and_traced(audited):
    project, _, document = audited
    run_id = document["audit"]["run_id"]
    db = sqlite3.connect(project.root / "results" / "harness.sqlite")
    rows = db.execute("SELECT id, spec_id, mode FROM results WHERE run_id = ?", (run_id,)).fetchall()
    info = json.loads(db.execute("SELECT info FROM runs WHERE id = ?", (run_id,)).fetchone()[0])
    assert len(rows) == 3 * 6 and {m for _, _, m in rows} == {f"bytecode#r{i:03d}" for i in range(1, 7)}
    assert info["kind"] == "audit" and info["audit"]["profile_name"] == "t"
    traced = {rid for r in document["requirements"] for c in r["checks"] for rid in c["result_ids"]}
    assert traced <= {row[0] for row in rows}
    fast = next(r for r in document["requirements"] if r["id"] == "FAST")["checks"][0]
    assert fast["result_ids"] == sorted(r[0] for r in rows if r[1] == "determinism/lock_ok")


def test_report_json_follows_its_schema_and_keeps_raw_samples(audited):
    project, _, document = audited
    jsonschema.Draft202012Validator(load_schema("audit")).validate(document)
    samples = spec_entry(document, "determinism/lock_ok", "unix")["metrics"]["spec.loop_us"]["samples"]
    assert len(samples) == 6
    html = (project.root / "results" / "audit" / "t.html").read_text()
    assert "allocates under heap lock" in html and "non-deterministic" in html
    assert "guarantee" not in html.replace("never guarantees", "")


def test_budget_with_margins(audited):
    _, _, document = audited
    fast = next(r for r in document["requirements"] if r["id"] == "FAST")
    figure = fast["checks"][0]["figures"]["determinism/lock_ok"]
    assert figure["required_margin"] == 0.5  # PDR, deadlines
    assert figure["with_engineering_margin"] == pytest.approx(figure["value"] * 1.2)
    assert figure["limit"] == 500_000_000 and figure["met"]
    assert figure["margin"] == pytest.approx(1 - figure["value"] / 1e9)


def test_report_again_from_the_store(audited):
    project, _, document = audited
    proc = project.harness("audit", "--profile", "t", "--no-pdf", "--from-run", document["audit"]["run_id"])
    assert proc.returncode == 1
    again = load_report(project.root)
    assert again["specs"] == document["specs"] and again["requirements"] == document["requirements"]


def test_allure_results_carry_the_same_numbers(audited):
    project, _, document = audited
    folder = project.root / "results" / "allure-results"
    results = [json.loads(p.read_text()) for p in folder.glob("*-result.json")]
    ours = [r for r in results if any(label["name"] == "audit" for label in r["labels"])]
    assert len(ours) == len(document["specs"]) + len(document["requirements"])  # the re-render replaced them
    lock = next(r for r in ours if r["name"] == "audit t: determinism/lock_ok [unix]")
    stats = spec_entry(document, "determinism/lock_ok", "unix")["metrics"]["spec.loop_us"]["stats"]
    shown = next(p["value"] for p in lock["parameters"] if p["name"] == "spec.loop_us")
    assert f"max {stats['max']:g}" in shown and f"N={stats['n']}" in shown
    noheap = next(r for r in ours if "requirement NOHEAP" in r["name"])
    assert noheap["status"] == "failed" and "allocates under heap lock" in noheap["statusDetails"]["message"]


def test_nightly_hook_runs_the_rigs_audits(project):
    from harness.nightly import AuditContext, run_audits
    from harness.rig import load_rig
    from harness.store import Store

    add_audit_files(project.root, PROFILE.replace("runs: 6", "runs: 2"),
                    {"lock_ok": (LOCK_OK, "sum 19900\n")})
    rig = load_rig("rigs/local.yaml", project.root)
    store = Store(rig.database)
    try:
        found = run_audits(({"profile": "t"}, {"profile": "nope"}, {"profile": "t", "colour": 1}),
                           AuditContext(project.root, rig, store, "x", rig.results))
    finally:
        store.close()
    assert found[0]["ok"] is True and "every requirement met" in found[0]["summary"]
    assert found[0]["report"].endswith("t.html")
    assert found[1] == {"name": "nope", "ok": False, "report": None,
                        "summary": found[1]["summary"]} and "no such profile" in found[1]["summary"]
    assert "unknown key 'colour'" in found[2]["summary"]


SLOW = """\
# feature: determinism.timing.workload
# requires: micropython
import time
time.sleep_ms(100)
print('ok')
"""


def test_interrupted_audit_keeps_its_runs_and_reports_them(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    project = AuditProject(tmp_path / "proj")
    add_audit_files(project.root, "profile: t\nphase: cdr\nruns: 500\ntargets: [{target: unix}]\n"
                    "specs: [determinism]\n", {"slow": (SLOW, "ok\n")})
    proc = subprocess.Popen([sys.executable, "-m", "harness.cli", "audit", "--profile", "t", "--no-pdf"],
                            cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    database = project.root / "results" / "harness.sqlite"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            done = sqlite3.connect(database).execute("SELECT COUNT(*) FROM results").fetchone()[0]
        except sqlite3.Error:
            continue
        if done >= 3:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    assert "harness audit: profile t incomplete: interrupted: unix" in err and "Traceback" not in err
    document = load_report(project.root)
    assert document["result"]["status"] == "incomplete" and document["audit"]["interrupted"]
    runs = spec_entry(document, "determinism/slow", "unix")["runs"]
    assert 3 <= len(runs) < 500 and all(r["verdict"] == "PASS" for r in runs)
