"""Results history in SQLite: every result is written the moment it is obtained.

The store is the single source of truth: reports render from it and never re-run
anything, and a killed run keeps every result it committed.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from harness.records import Expected, Outcome, Result, RunRecord, Verdict, item_label

SCHEMA_VERSION = 2
WAL_ATTEMPTS = 250  # ~5 s

# Each migration takes the database from version N-1 to N. Never edit a released one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        rig TEXT NOT NULL,
        harness_version TEXT NOT NULL,
        targets TEXT NOT NULL DEFAULT '{}',
        started REAL NOT NULL,
        finished REAL,
        argv TEXT NOT NULL DEFAULT '[]',
        info TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id),
        spec_id TEXT NOT NULL,
        feature TEXT NOT NULL,
        target TEXT NOT NULL,
        mode TEXT NOT NULL,
        verdict TEXT NOT NULL,
        reason TEXT NOT NULL,
        stdout TEXT NOT NULL,
        stderr TEXT NOT NULL,
        exit_code INTEGER,
        exception TEXT,
        expected TEXT,
        duration_s REAL NOT NULL,
        attempts INTEGER NOT NULL,
        baseline_reason TEXT,
        identity TEXT NOT NULL,
        measurements TEXT NOT NULL,
        tags TEXT NOT NULL,
        content_hash TEXT NOT NULL DEFAULT '',
        started REAL NOT NULL,
        finished REAL NOT NULL,
        UNIQUE (run_id, spec_id, target, mode)
    );
    CREATE INDEX results_by_spec ON results (spec_id, target);
    CREATE INDEX runs_by_rig ON runs (rig, started);
    """,
    # 2: lab operations (see Result): attempts, the run's own verdict, baseline entry in force,
    # flakiness evidence and quarantine. NULL in older rows means "not known".
    """
    ALTER TABLE results ADD COLUMN attempt_log TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE results ADD COLUMN observed TEXT;
    ALTER TABLE results ADD COLUMN baseline_key TEXT;
    ALTER TABLE results ADD COLUMN flaky TEXT;
    ALTER TABLE results ADD COLUMN quarantine TEXT
    """,
]


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def connect(path: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    """An autocommit connection in WAL mode with a busy timeout: shared by processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=check_same_thread)
    # Processes opening a new database at once (xdist workers) all ask for WAL; SQLite
    # answers "locked" at once, without the busy wait, to all but one of them.
    for attempt in range(WAL_ATTEMPTS):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == WAL_ATTEMPTS - 1:
                db.close()
                raise
            time.sleep(0.02)
    db.execute("PRAGMA synchronous=NORMAL")
    return db


class Store:
    """One SQLite database. Safe for several processes (WAL, busy timeout)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        # Any thread may use it, one at a time (a session whose targets run at once guards it).
        self.db = connect(self.path, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self._migrate()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            from harness.errors import HarnessError

            raise HarnessError(
                f"database schema {version} is newer than this harness knows ({SCHEMA_VERSION})",
                where=self.path,
            )
        for number in range(version + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.db.execute("PRAGMA user_version").fetchone()[0] >= number:
                    self.db.execute("ROLLBACK")  # another process migrated meanwhile
                    continue
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction that holds the lock from its first read (read-modify-write)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # -- runs ---------------------------------------------------------------------------
    def begin_run(self, run: RunRecord, argv: list[str] | None = None) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO runs (id, rig, harness_version, targets, started, argv)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (run.id, run.rig, run.harness_version, json.dumps(run.targets), run.started,
             json.dumps(argv or [])),
        )

    def update_run_targets(self, run_id: str, name: str, identity: dict[str, Any]) -> None:
        with self._transaction():
            row = self.db.execute("SELECT targets FROM runs WHERE id = ?", (run_id,)).fetchone()
            targets = json.loads(row["targets"]) if row else {}
            targets[name] = identity
            self.db.execute("UPDATE runs SET targets = ? WHERE id = ?", (json.dumps(targets), run_id))

    def set_run_info(self, run_id: str, **info: Any) -> None:
        row = self.db.execute("SELECT info FROM runs WHERE id = ?", (run_id,)).fetchone()
        merged = {**(json.loads(row["info"]) if row else {}), **info}
        self.db.execute("UPDATE runs SET info = ? WHERE id = ?", (json.dumps(merged), run_id))

    def add_run_counts(self, run_id: str, name: str, counts: dict[str, int]) -> None:
        """Add counters into run info (several worker processes may each add theirs)."""
        with self._transaction():
            row = self.db.execute("SELECT info FROM runs WHERE id = ?", (run_id,)).fetchone()
            info = json.loads(row["info"]) if row else {}
            merged = info.get(name, {})
            for key, value in counts.items():
                merged[key] = merged.get(key, 0) + value
            info[name] = merged
            self.db.execute("UPDATE runs SET info = ? WHERE id = ?", (json.dumps(info), run_id))

    def merge_run_info(self, run_id: str, name: str, entries: dict[str, Any]) -> None:
        """Merge ``entries`` into the mapping ``info[name]`` (several workers may each add theirs)."""
        with self._transaction():
            row = self.db.execute("SELECT info FROM runs WHERE id = ?", (run_id,)).fetchone()
            info = json.loads(row["info"]) if row else {}
            info[name] = {**info.get(name, {}), **entries}
            self.db.execute("UPDATE runs SET info = ? WHERE id = ?", (json.dumps(info, default=str), run_id))

    def finish_run(self, run_id: str, finished: float | None = None) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (finished or time.time(), run_id))

    def run(self, run_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return _run_dict(row) if row else None

    def runs(self, rig: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        query = "SELECT * FROM runs" + (" WHERE rig = ?" if rig else "") + " ORDER BY started DESC LIMIT ?"
        args = (rig, limit) if rig else (limit,)
        return [_run_dict(row) for row in self.db.execute(query, args)]

    def latest_run(self, rig: str) -> dict[str, Any] | None:
        found = self.runs(rig, limit=1)
        return found[0] if found else None

    # -- results ------------------------------------------------------------------------
    def add_result(self, result: Result) -> None:
        """Commit one result at once (autocommit): a killed run keeps it."""
        row = result_row(result)
        values = [_json_or_none(row[name]) if name in _NULLABLE_JSON
                  else json.dumps(row[name], default=str) if name in _JSON_COLUMNS else row[name]
                  for name in _RESULT_COLUMNS]
        self.db.execute(f"INSERT OR REPLACE INTO results ({', '.join(_RESULT_COLUMNS)})"
                        f" VALUES ({', '.join('?' * len(_RESULT_COLUMNS))})", values)

    def results(self, run_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT * FROM results WHERE run_id = ? ORDER BY spec_id, target, mode", (run_id,)
        )
        return [_result_dict(row) for row in rows]

    def iter_results(self, run_id: str) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT * FROM results WHERE run_id = ?", (run_id,)):
            yield _result_dict(row)

    def results_after(self, run_id: str, last_id: int) -> list[dict[str, Any]]:
        """The run's rows stored after row ``last_id`` (ids only grow), oldest first."""
        rows = self.db.execute("SELECT * FROM results WHERE run_id = ? AND id > ? ORDER BY id",
                               (run_id, last_id))
        return [_result_dict(row) for row in rows]

    def done_items(self, run_id: str) -> set[tuple[str, str, str]]:
        rows = self.db.execute("SELECT spec_id, target, mode FROM results WHERE run_id = ?", (run_id,))
        return {(r[0], r[1], r[2]) for r in rows}

    # -- history (resume, nightly comparison, `harness history`, dashboard) ---------------
    def result(self, run_id: str, spec_id: str, target: str, mode: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT * FROM results WHERE run_id = ? AND spec_id = ? AND target = ? AND mode = ?",
            (run_id, spec_id, target, mode),
        ).fetchone()
        return _result_dict(row) if row else None

    def done_hashes(self, run_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
        """(spec, target, mode) -> (verdict, content hash) of every stored item of a run."""
        rows = self.db.execute(
            "SELECT spec_id, target, mode, verdict, content_hash FROM results WHERE run_id = ?", (run_id,)
        )
        return {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows}

    def latest_unfinished_run(self, rig: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT * FROM runs WHERE rig = ? AND finished IS NULL ORDER BY started DESC LIMIT 1", (rig,)
        ).fetchone()
        return _run_dict(row) if row else None

    def verdict_counts(self, run_ids: list[str]) -> dict[str, dict[str, dict[str, int]]]:
        """run id -> column (target, or ``target-mode`` for other modes) -> verdict -> results."""
        counts: dict[str, dict[str, dict[str, int]]] = {run_id: {} for run_id in run_ids}
        for chunk in _chunks(run_ids):
            rows = self.db.execute(
                "SELECT run_id, target, mode, verdict, COUNT(*) FROM results"
                f" WHERE run_id IN ({','.join('?' * len(chunk))}) GROUP BY run_id, target, mode, verdict",
                chunk,
            )
            for run_id, target, mode, verdict, n in rows:
                counts[run_id].setdefault(item_label(target, mode), {})[verdict] = n
        return counts

    def durations(self, run_ids: list[str]) -> dict[str, dict[str, float]]:
        """run id -> target -> seconds spent in its specs (the targets' own measurements)."""
        found: dict[str, dict[str, float]] = {run_id: {} for run_id in run_ids}
        for chunk in _chunks(run_ids):
            rows = self.db.execute(
                "SELECT run_id, target, SUM(duration_s) FROM results"
                f" WHERE run_id IN ({','.join('?' * len(chunk))}) GROUP BY run_id, target",
                chunk,
            )
            for run_id, target, seconds in rows:
                found[run_id][target] = seconds or 0.0
        return found

    def item_seconds(self, run_id: str) -> dict[str, tuple[int, float]]:
        """target -> (items, wall seconds they took, reset and link included) in one run."""
        rows = self.db.execute("SELECT target, COUNT(*), SUM(finished - started) FROM results"
                               " WHERE run_id = ? GROUP BY target", (run_id,))
        return {target: (count, seconds or 0.0) for target, count, seconds in rows}

    def item_rows(self, run_ids: list[str], spec_id: str | None = None,
                  feature: str | None = None) -> list[dict[str, Any]]:
        """Results of some runs, optionally of one spec or of a feature and its sub-features."""
        found: list[dict[str, Any]] = []
        for chunk in _chunks(run_ids):
            query = f"SELECT * FROM results WHERE run_id IN ({','.join('?' * len(chunk))})"
            args: list[Any] = list(chunk)
            if spec_id is not None:
                query += " AND spec_id = ?"
                args.append(spec_id)
            if feature is not None:
                query += " AND (feature = ? OR feature LIKE ? ESCAPE '\\')"
                escaped = feature.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                args += [feature, escaped + ".%"]
            found += [_result_dict(row) for row in self.db.execute(query + " ORDER BY spec_id", args)]
        return found


    def verdict_rows(self, run_ids: list[str], target: str | None = None) -> list[dict[str, Any]]:
        """What flakiness needs of some runs' results (of one target): no outputs."""
        found: list[dict[str, Any]] = []
        identities: dict[str, Any] = {}  # one run's rows of a target share one identity
        for chunk in _chunks(run_ids):
            query = ("SELECT run_id, spec_id, feature, target, mode, verdict, reason, observed,"
                     " content_hash, identity, baseline_key, baseline_reason, flaky, quarantine"
                     f" FROM results WHERE run_id IN ({','.join('?' * len(chunk))})")
            args: list[Any] = list(chunk)
            if target is not None:
                query += " AND target = ?"
                args.append(target)
            for row in self.db.execute(query, args):
                data = dict(row)
                text = data["identity"]
                if text not in identities:
                    identities[text] = json.loads(text)
                data["identity"] = identities[text]
                for key in ("flaky", "quarantine"):
                    data[key] = json.loads(data[key]) if data[key] else None
                found.append(data)
        return found


def _run_dict(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    for key in ("targets", "argv", "info"):
        data[key] = json.loads(data[key])
    return data


_RESULT_COLUMNS = ("run_id", "spec_id", "feature", "target", "mode", "verdict", "reason", "stdout", "stderr",
                   "exit_code", "exception", "expected", "duration_s", "attempts", "baseline_reason",
                   "identity", "measurements", "tags", "content_hash", "started", "finished",
                   "attempt_log", "observed", "baseline_key", "flaky", "quarantine")
_NULLABLE_JSON = frozenset({"expected", "flaky", "quarantine"})
_JSON_COLUMNS = frozenset({"identity", "measurements", "tags", "attempt_log"})


def result_row(result: Result) -> dict[str, Any]:
    """A result as its stored row reads back (``Store.results``, without the ``id`` column)."""
    outcome = result.outcome
    return {
        "run_id": result.run_id, "spec_id": result.spec_id, "feature": result.feature,
        "target": result.target, "mode": result.mode, "verdict": result.verdict.value,
        "reason": result.reason, "stdout": outcome.stdout, "stderr": outcome.stderr,
        "exit_code": outcome.exit_code, "exception": outcome.exception,
        "expected": asdict(result.expected) if result.expected else None,
        "duration_s": outcome.duration_s, "attempts": outcome.attempts,
        "baseline_reason": result.baseline_reason, "identity": result.identity,
        "measurements": outcome.measurements, "tags": list(result.tags),
        "content_hash": result.content_hash, "started": result.started, "finished": result.finished,
        "attempt_log": list(result.attempt_log), "observed": result.observed,
        "baseline_key": result.baseline_key, "flaky": result.flaky, "quarantine": result.quarantine,
    }


def _result_dict(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    for key in ("identity", "measurements", "tags"):
        data[key] = json.loads(data[key])
    data["attempt_log"] = json.loads(data.get("attempt_log") or "[]")
    for key in ("flaky", "quarantine"):
        data[key] = json.loads(data[key]) if data.get(key) else None
    data["expected"] = json.loads(data["expected"]) if data["expected"] else None
    return data


def _json_or_none(value: Any) -> str | None:
    return json.dumps(value, default=str) if value is not None else None


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    # SQLite limits the number of bound parameters of one statement.
    for start in range(0, len(items), size):
        yield items[start:start + size]


def result_from_row(row: dict[str, Any]) -> Result:
    """The Result record a stored row was written from (a resumed run replays it)."""
    outcome = Outcome(
        stdout=row["stdout"], stderr=row["stderr"], exit_code=row["exit_code"],
        exception=row["exception"], duration_s=row["duration_s"],
        measurements=row["measurements"], attempts=row["attempts"],
    )
    return Result(
        run_id=row["run_id"], spec_id=row["spec_id"], feature=row["feature"], target=row["target"],
        mode=row["mode"], verdict=Verdict(row["verdict"]), reason=row["reason"], outcome=outcome,
        expected=_expected(row["expected"]),
        baseline_reason=row["baseline_reason"], identity=row["identity"], started=row["started"],
        finished=row["finished"], tags=tuple(row["tags"]), content_hash=row["content_hash"],
        attempt_log=tuple(row.get("attempt_log") or ()), observed=row.get("observed"),
        baseline_key=row.get("baseline_key"), flaky=row.get("flaky"), quarantine=row.get("quarantine"),
    )


def _expected(data: dict[str, Any] | None) -> Expected | None:
    if not data:
        return None
    known = {f.name for f in fields(Expected)}  # rows written by another version may differ
    return Expected(**{k: v for k, v in data.items() if k in known})
