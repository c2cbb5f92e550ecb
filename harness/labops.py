"""Lab operations inside a session: attempts as evidence, flakiness from history, quarantine,
board health and capabilities. The Session calls these; each rule lives in its own module
(harness.flaky, harness.quarantine, harness.health, harness.capability).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from harness.capability import CapabilityProbe
from harness.flaky import History, flaky_rule
from harness.health import Health, health_rule
from harness.quarantine import load_quarantine
from harness.records import BaselineEntry, Judgement, Outcome, Result, Verdict

log = logging.getLogger("harness.labops")

# Verdicts history never turns into FLAKY: they say nothing about the spec on this run.
NOT_JUDGED: frozenset[Verdict] = frozenset({Verdict.NOT_RUN, Verdict.INFRA, Verdict.UNSUPPORTED})
# Run modes history judges; an audit's repeats (``bytecode#r001``) are samples judged on their own.
RUN_MODES = frozenset({"bytecode", "native", "viper", "mpy"})


def output_sha256(outcome: Outcome) -> str:
    return hashlib.sha256(f"{outcome.stdout}\0{outcome.stderr}".encode()).hexdigest()


def attempt_entry(judgement: Judgement, outcome: Outcome) -> dict[str, Any]:
    """One attempt, as the store keeps it."""
    return {"verdict": judgement.verdict.value, "reason": judgement.reason,
            "duration_s": round(outcome.duration_s, 6), "output_sha256": output_sha256(outcome)}


def baseline_key(entry: BaselineEntry | None) -> str:
    """Which baseline entry was in force ("" for none): a changed entry explains a changed verdict."""
    if entry is None:
        return ""
    text = "\0".join(str(v or "") for v in (entry.spec, entry.feature, entry.verdict, entry.reason,
                                             entry.actual))
    if entry.mode:  # keys of entries for every mode stay as they were
        text += f"\0mode={entry.mode}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class LabOps:
    def __init__(self, root: Path, rig: Any, store: Any, run_id: str):
        self.store = store
        self.run_id = run_id
        where = str(rig.path)
        self.health = Health(health_rule(rig.raw, where))
        self.history = History(store, rig.name, run_id, flaky_rule(rig.raw, where))
        self.quarantine = load_quarantine(root)  # expiry is checked where a run starts
        self.capabilities = CapabilityProbe(self.health.files)

    def finish(self, result: Result, entry: BaselineEntry | None) -> Result:
        """The result with its lab evidence: observed verdict, flakiness, quarantine."""
        observed = result.verdict
        result = replace(result, observed=observed.value, baseline_key=baseline_key(entry))
        if observed not in NOT_JUDGED and result.mode in RUN_MODES:
            flakiness = self.history.assess({
                "run_id": result.run_id, "spec_id": result.spec_id, "feature": result.feature,
                "target": result.target, "mode": result.mode, "verdict": observed.value,
                "observed": observed.value, "content_hash": result.content_hash,
                "identity": result.identity, "baseline_key": result.baseline_key})
            if flakiness is not None and flakiness.flaky:
                result = replace(result, flaky=flakiness.as_dict())
                if observed is not Verdict.FLAKY:
                    result = replace(result, verdict=Verdict.FLAKY,
                                     reason=f"{observed.value} now ({result.reason}); {flakiness.describe()}")
        found = self.quarantine.lookup(result.spec_id, result.feature, result.target, result.mode)
        if found is not None:
            result = replace(result, quarantine=found.as_dict())
        return result

    def record_offline(self, name: str, why: str, spec_id: str | None) -> None:
        log.warning("target %s taken out of the run: %s", name, why)
        self.store.merge_run_info(self.run_id, "offline", {
            name: {"reason": why, "at_spec": spec_id, "time": time.time()}})

    def close(self) -> None:
        self.health.close()


def offline_outcome(why: str) -> Outcome:
    return Outcome(skipped_reason=f"target offline: {why}")
