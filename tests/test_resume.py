"""`harness run --resume` after a SIGKILL: the run completes with no result lost or duplicated."""

import json
import os
import signal
import sqlite3
import subprocess
import time
import xml.etree.ElementTree as ET

from conftest import HARNESS

SPECS = 8
TARGETS = ("cpython", "unix")


def _env():
    env = dict(os.environ)
    env.pop("HARNESS_RUN_ID", None)
    return env


def _query(db, sql):
    with sqlite3.connect(db, timeout=30) as con:
        return con.execute(sql).fetchall()


def _wait_for_results(proc, db, at_least, deadline_s=120):
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be killed midway"
        try:
            if db.exists() and _query(db, "SELECT COUNT(*) FROM results")[0][0] >= at_least:
                return
        except sqlite3.OperationalError:  # the database is being created
            pass
        time.sleep(0.02)
    raise AssertionError(f"fewer than {at_least} results stored after {deadline_s} s")


def test_kill_9_midway_then_resume_completes_the_same_run(project):
    for n in range(SPECS):  # slow enough to be killed midway: ~0.5 s per spec over both targets
        project.spec(f"slow/s{n}.py", f"import time\ntime.sleep(0.15)\nprint({n})\n")
    db = project.root / "results" / "harness.sqlite"
    proc = subprocess.Popen([*HARNESS, "run"], cwd=project.root, env=_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_results(proc, db, at_least=3)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the harness and its target workers, no cleanup
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    [(run_id, finished)] = _query(db, "SELECT id, finished FROM runs")
    assert finished is None
    before = {(s, t, m): started for s, t, m, started in
              _query(db, "SELECT spec_id, target, mode, started FROM results")}
    assert 3 <= len(before) < SPECS * len(TARGETS)

    done = project.harness("run", "--resume")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert f"resumed run {run_id}: {len(before)} results taken from the store" in done.stdout

    assert _query(db, "SELECT id FROM runs WHERE finished IS NOT NULL") == [(run_id,)]
    rows = _query(db, "SELECT spec_id, target, mode, verdict, started FROM results")
    keys = [(s, t, m) for s, t, m, _v, _st in rows]
    assert len(keys) == len(set(keys)) == SPECS * len(TARGETS)
    assert set(keys) == {(f"slow/s{n}", t, "bytecode") for n in range(SPECS) for t in TARGETS}
    assert {v for *_k, v, _st in rows} == {"PASS"}
    # What finished before the kill was kept as it was, not run again.
    kept = {(s, t, m): started for s, t, m, _v, started in rows if (s, t, m) in before}
    assert kept == before

    # Every report covers the whole run, once per item.
    junit = ET.parse(project.root / "results" / "junit.xml").getroot()
    assert len(junit.findall(".//testcase")) == SPECS * len(TARGETS)
    allure = [json.loads(p.read_text()) for p in (project.root / "results" / "allure-results").glob(
        "*-result.json")]
    assert sorted(a["name"] for a in allure) == sorted(f"{s} [{t}]" for s, t, _m in keys)
    matrix = json.loads((project.root / "results" / "matrix.json").read_text())
    assert matrix["run"]["id"] == run_id
    assert matrix["totals"] == {"cpython": {"PASS": SPECS}, "unix": {"PASS": SPECS}}


def test_resume_reruns_items_whose_spec_changed(project):
    project.spec("a.py", "print(1)\n")
    project.spec("b.py", "print(2)\n")
    first = project.harness("run", "--targets", "unix", "--run-id", "r1")
    assert first.returncode == 0, first.stdout + first.stderr
    project.spec("b.py", "print(3)\n")
    again = project.harness("run", "--targets", "unix", "--resume", "--run-id", "r1")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "resumed run r1: 1 results taken from the store" in again.stdout
    rows = _query(project.root / "results" / "harness.sqlite",
                  "SELECT spec_id, stdout FROM results WHERE run_id = 'r1' ORDER BY spec_id")
    assert rows == [("a", "1\n"), ("b", "3\n")]


def test_resume_with_nothing_to_resume_is_one_line_error(project):
    project.spec("a.py", "print(1)\n")
    assert project.harness("run", "--targets", "unix").returncode == 0
    proc = project.harness("run", "--resume")
    assert proc.returncode == 2
    assert proc.stderr.startswith("harness: error: ") and "no unfinished run of rig 'mini'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = project.pytest("specs/", "--harness-resume", "--harness-run-id=nosuch")
    assert proc.returncode == 2 and "no stored run 'nosuch' to resume" in proc.stdout + proc.stderr


def test_parallel_run_is_finished_and_resumes_in_parallel(project):
    for n in range(3):
        project.spec(f"p{n}.py", f"print({n})\n")
    db = project.root / "results" / "harness.sqlite"
    first = project.harness("run", "--run-id", "par", "--pytest-args", "-n 2")
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr
    assert _query(db, "SELECT finished IS NOT NULL FROM runs WHERE id = 'par'") == [(1,)]
    with sqlite3.connect(db) as con:  # as if killed before p2 ran on unix
        con.execute("DELETE FROM results WHERE spec_id = 'p2' AND target = 'unix'")
        con.execute("UPDATE runs SET finished = NULL")
    again = project.harness("run", "--resume", "--pytest-args", "-n 2")
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr
    assert "resumed run par: 5 results taken from the store" in again.stdout
    assert _query(db, "SELECT COUNT(*), COUNT(DISTINCT spec_id || target) FROM results") == [(6, 6)]
    assert _query(db, "SELECT finished IS NOT NULL FROM runs WHERE id = 'par'") == [(1,)]
    allure = list((project.root / "results" / "allure-results").glob("*-result.json"))
    assert len(allure) == 6
