"""``harness run --last-failed`` runs exactly the (spec, target) items of the rig's last stored run
that did not pass (any verdict but PASS and KNOWN-DIFF)."""

import sqlite3

from conftest import Project

GOOD = {"PASS", "KNOWN-DIFF"}


def _latest(project: Project) -> tuple[str, dict[tuple[str, str], str]]:
    db = sqlite3.connect(project.root / "results" / "harness.sqlite")
    [run_id] = db.execute("SELECT id FROM runs ORDER BY started DESC LIMIT 1").fetchone()
    rows = db.execute("SELECT spec_id, target, verdict FROM results WHERE run_id = ?", (run_id,))
    return run_id, {(spec, target): verdict for spec, target, verdict in rows}


def test_last_failed_runs_exactly_what_did_not_pass(project: Project):
    project.spec("lf/fine.py", "print('fine')\n")
    project.spec("lf/differs.py", "import sys\nprint(sys.implementation.name)\n")
    project.spec("lf/known.py", "print(repr('\\u00e9'))\n")
    project.spec("lf/framebuf.py", "import framebuf\nprint('ok')\n", header="# requires: framebuf\n")
    project.baseline("unix", """\
        target: unix
        differences:
          - spec: lf/known
            reason: documented
        """)
    project.harness("run")
    first_id, first = _latest(project)
    did_not_pass = {item for item, verdict in first.items() if verdict not in GOOD}
    # The first run has every kind of outcome, so "did not pass" is not just "failed".
    assert first[("lf/differs", "unix")] == "FAIL" and first[("lf/framebuf", "cpython")] == "UNSUPPORTED"
    assert first[("lf/known", "unix")] == "KNOWN-DIFF" and first[("lf/fine", "unix")] == "PASS"
    assert len(did_not_pass) < len(first)

    proc = project.harness("run", "--last-failed")
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr
    assert f"of the {len(did_not_pass)} that did not pass in run {first_id}" in proc.stdout
    second_id, second = _latest(project)
    assert second_id != first_id and set(second) == did_not_pass

    # The pytest way, narrowed to one target: the rig's last run is now the re-run.
    proc = project.pytest("specs", "--harness-last-failed", "--harness-targets=unix")
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr
    _third_id, third = _latest(project)
    assert set(third) == {item for item in did_not_pass if item[1] == "unix"}
    assert ("lf/differs", "unix") in third


def test_nothing_to_rerun_and_no_history(project: Project):
    project.spec("lf/fine.py", "print('fine')\n")
    proc = project.harness("run", "--lf")
    assert proc.returncode == 2 and "nothing has run on this rig yet" in proc.stderr
    assert project.harness("run").returncode == 0
    proc = project.harness("run", "--lf")
    assert proc.returncode == 0 and "passed: nothing to re-run" in proc.stdout
