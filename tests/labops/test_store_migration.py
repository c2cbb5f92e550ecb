"""Schema migration 2 (lab operations) on a database written by the first schema: old rows
stay readable, with the new columns "not known"."""

import sqlite3

from harness.flaky import FlakyRule, assess
from harness.records import Outcome, Result, RunRecord, Verdict
from harness.store import MIGRATIONS, SCHEMA_VERSION, Store, result_from_row


def test_a_version_1_database_is_migrated_and_old_rows_read(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO runs (id, rig, harness_version, started) VALUES ('old', 'lab', '0.0', 1.0)")
    db.execute("INSERT INTO results (run_id, spec_id, feature, target, mode, verdict, reason, stdout,"
               " stderr, duration_s, attempts, identity, measurements, tags, content_hash, started,"
               " finished) VALUES ('old', 's', 'f', 'unix', 'bytecode', 'FAIL', 'why', 'x', '', 0.1,"
               " 1, '{}', '{}', '[]', 'h', 1.0, 1.1)")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()

    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    [row] = store.results("old")
    assert (row["attempt_log"], row["observed"], row["baseline_key"], row["flaky"], row["quarantine"]) == (
        [], None, None, None, None)
    assert result_from_row(row).verdict is Verdict.FAIL

    # A new row beside it round-trips its lab evidence, and history reads both.
    store.begin_run(RunRecord("new", "lab", "0", {}, 2.0))
    log = ({"verdict": "FAIL", "reason": "r", "duration_s": 0.1, "output_sha256": "ab"},
           {"verdict": "PASS", "reason": "r", "duration_s": 0.1, "output_sha256": "cd"})
    store.add_result(Result("new", "s", "f", "unix", "bytecode", Verdict.FLAKY, "attempts disagree",
                            Outcome(attempts=2), None, None, {}, 2.0, 2.1, content_hash="h",
                            attempt_log=log, observed="FLAKY", baseline_key="",
                            quarantine={"where": "q.yaml:2", "expires": "2030-01-01", "reason": "r"}))
    [new] = store.results("new")
    assert new["attempt_log"] == list(log) and new["quarantine"]["where"] == "q.yaml:2"
    assert result_from_row(new).attempt_log == log
    newest_first = sorted(store.verdict_rows(["old", "new"]), key=lambda r: r["run_id"] != "new")
    found = assess(newest_first, FlakyRule())
    assert found.verdicts == ("FAIL", "FLAKY")  # the old row's verdict stands for what it observed
