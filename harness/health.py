"""Board health: is a target fit to take more specs?

A target is taken out of the run (its remaining specs NOT-RUN, never FAIL; the rest of the
rig goes on) when

- it fails the health probe when it starts: it must say what it is (identity, checked
  against the rig's expected firmware by harness.firmware.check) and run a trivial program;
- it fails the probe again after a CRASH, TIMEOUT or INFRA verdict: the trivial program must
  still print the right answer, from the same implementation and version as at start;
- it gives ``max_infra`` INFRA verdicts in a row (the link keeps failing).

The rig's ``health:`` block sets the rule: ``{max_infra: 3, probe: true}`` (``max_infra: 0``
never counts; ``probe: false`` skips the trivial program).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.records import Outcome, Spec, Verdict

log = logging.getLogger("harness.health")

RULE_KEYS = ("max_infra", "probe")
# Verdicts after which the target is probed again: it may be the target that is broken.
SUSPECT: frozenset[Verdict] = frozenset({Verdict.CRASH, Verdict.TIMEOUT, Verdict.INFRA})
# One tiny program, valid on CPython and every MicroPython since 1.9: an answer and what runs it.
PROBE_SOURCE = (
    "import sys\n"
    "print(6 * 7)\n"
    "print(sys.implementation.name, sys.implementation.version[0], sys.implementation.version[1])\n"
)
PROBE_TIMEOUT_S = 10.0
PROBE_TRIES_LOSSY = 3


@dataclass(frozen=True)
class HealthRule:
    max_infra: int = 3
    probe: bool = True


def health_rule(raw: dict[str, Any], where: str = "") -> HealthRule:
    block = raw.get("health") or {}
    if not isinstance(block, dict):
        raise HarnessError("health: must be a mapping", where=where or None)
    for name in block:
        if name not in RULE_KEYS:
            raise HarnessError(f"health: unknown key {name!r} (known: {', '.join(RULE_KEYS)})",
                               where=where or None)
    max_infra = block.get("max_infra", HealthRule.max_infra)
    if isinstance(max_infra, bool) or not isinstance(max_infra, int) or max_infra < 0:
        raise HarnessError(f"health.max_infra: {max_infra!r} is not a whole number >= 0", where=where or None)
    return HealthRule(max_infra, bool(block.get("probe", True)))


class ProgramFiles:
    """Tiny programs written as spec files, so any target kind can run them through ``run``."""

    def __init__(self) -> None:
        self._folder: Path | None = None  # made on first use; removed on close or at exit
        self._finalizer: weakref.finalize | None = None
        self._count = 0

    def spec(self, source: str, name: str, timeout: float = PROBE_TIMEOUT_S) -> Spec:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="harness-probe-"))
            self._finalizer = weakref.finalize(self, shutil.rmtree, self._folder, True)
        self._count += 1
        path = self._folder / f"{name}_{self._count}.py"
        path.write_text(source, encoding="utf-8")
        return Spec(id=f"harness/{name}", path=path, suite="harness", feature=f"harness.{name}",
                    timeout=timeout)

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()


def _outcome_problem(outcome: Outcome) -> str | None:
    if outcome.link_failed:
        return f"the link failed ({outcome.detail or 'no detail'})"
    if outcome.crashed:
        return f"it crashed ({outcome.detail or 'no detail'})"
    if outcome.timed_out:
        return "no answer in time"
    if outcome.skipped_reason or outcome.unsupported:
        return outcome.skipped_reason or outcome.unsupported
    return None


class Health:
    """The health rule applied to the targets of one session."""

    def __init__(self, rule: HealthRule):
        self.rule = rule
        self.files = ProgramFiles()
        self._probe: Spec | None = None
        self.answers: dict[str, str] = {}  # target -> what it said it runs at its first probe
        self.infra_run: dict[str, int] = {}

    def probe(self, name: str, instance: Any) -> str | None:
        """None when the target answers the trivial program as it should, else why not."""
        if not self.rule.probe:
            return None
        if self._probe is None:
            self._probe = self.files.spec(PROBE_SOURCE, "health")
        # On a lossy link (integrity on) one damaged exchange is the link's noise, already
        # recovered from: only a probe that keeps failing says the target is unwell.
        tries = PROBE_TRIES_LOSSY if getattr(instance, "integrity", False) else 1
        try:
            for _ in range(tries):
                outcome = instance.run(self._probe)
                if not outcome.link_failed:
                    break
        except Exception as err:  # a target that raises is as unhealthy as one that fails
            return f"health probe failed: {type(err).__name__}: {err}"
        problem = _outcome_problem(outcome)
        if problem:
            return f"health probe failed: {problem}"
        lines = outcome.stdout.splitlines()
        if not lines or lines[0].strip() != "42":
            got = (outcome.stdout.strip() or outcome.stderr.strip())[:120]
            return f"health probe failed: a trivial program printed {got!r}, not 42"
        runs = lines[1].strip() if len(lines) > 1 else ""
        first = self.answers.setdefault(name, runs)
        if runs != first:
            return f"health probe failed: it now runs {runs!r}, not {first!r} as at start"
        return None

    def after(self, name: str, verdict: Verdict, reason: str, instance: Any) -> str | None:
        """Watch one verdict of a started target: why it must go offline, or None."""
        if verdict is Verdict.INFRA:
            self.infra_run[name] = self.infra_run.get(name, 0) + 1
        elif verdict is not Verdict.NOT_RUN:
            self.infra_run[name] = 0
        count = self.infra_run.get(name, 0)
        if self.rule.max_infra and count >= self.rule.max_infra:
            return f"{count} INFRA verdicts in a row (the last: {reason})"
        if verdict in SUSPECT and instance is not None:
            return self.probe(name, instance)
        return None

    def close(self) -> None:
        self.files.close()
