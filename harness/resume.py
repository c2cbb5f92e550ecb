"""Resuming a run that was killed or stopped: the same run id, and what it stored is kept.

An item already in the store is replayed from its stored row instead of being run again, so
every report of the resumed run (pytest's outcome, JUnit, Allure, the matrix) covers the whole
run, and the UNIQUE (run, spec, target, mode) key keeps each result once.
"""

from __future__ import annotations

from harness.errors import HarnessError
from harness.records import Result, Spec, Verdict
from harness.store import Store, result_from_row


def run_to_resume(store: Store, rig: str, run_id: str | None = None) -> str:
    """The run to continue: ``run_id`` if given, else the rig's latest unfinished run."""
    if run_id:
        if store.run(run_id) is None:
            raise HarnessError(f"no stored run {run_id!r} to resume", where=store.path)
        return run_id
    run = store.latest_unfinished_run(rig)
    if run is None:
        raise HarnessError(f"no unfinished run of rig {rig!r} to resume", where=store.path)
    return run["id"]


class Replay:
    """The items a resumed run already has: each is taken from the store, not run again."""

    def __init__(self, store: Store, run_id: str):
        self.store = store
        self.run_id = run_id
        self.done = store.done_hashes(run_id)
        self.replayed = 0

    def stored(self, spec: Spec, target: str, mode: str) -> tuple[Result, dict] | None:
        """The stored result and row of an item, unless it must run (again).

        An item runs again when it never ran (NOT-RUN) or its spec changed since.
        """
        found = self.done.get((spec.id, target, mode))
        if found is None:
            return None
        verdict, content_hash = found
        if verdict == Verdict.NOT_RUN or content_hash != spec.content_hash:
            return None
        row = self.store.result(self.run_id, spec.id, target, mode)
        if row is None:
            return None
        self.replayed += 1
        return result_from_row(row), row
