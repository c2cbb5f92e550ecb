"""Re-running what failed: the items of the rig's last stored run that did not pass.

"Did not pass" is any verdict but PASS and KNOWN-DIFF (FAIL, FLAKY, NOT-RUN, UNSUPPORTED,
...), so ``harness run --last-failed`` repeated converges on what still needs attention.
"""

from __future__ import annotations

from typing import Any

from harness.errors import HarnessError
from harness.flaky import GOOD
from harness.store import Store

Key = tuple[str, str, str]


def last_failed(store: Store, rig: str, current_run: str | None = None) -> tuple[dict[str, Any], set[Key]]:
    """The rig's last stored run (other than ``current_run``) and its items that did not pass."""
    runs = [r for r in store.runs(rig, limit=3) if r["id"] != current_run]
    if not runs:
        raise HarnessError(f"--last-failed: no earlier run of rig {rig!r} to take failures from",
                           where=store.path)
    run = runs[0]
    failed = {(r["spec_id"], r["target"], r["mode"]) for r in store.verdict_rows([run["id"]])
              if r["verdict"] not in GOOD}
    return run, failed
