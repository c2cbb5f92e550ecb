"""Running a spec on a raw-REPL target through the verified exchange, until an answer is proven.

The rule (see harness.transport.integrity for how an answer is proven):

- a verified answer is the outcome at once;
- an unverified one (garbled, cut, the board reset, the program ignored Ctrl-C) is run
  again after whatever recovery it needs; the very same unverified answer twice is the
  spec's own doing (it resets the board, hangs, prints outside ``print``) and is accepted;
- a link the recovery ladder cannot bring back, or no proven answer in MAX_ATTEMPTS, is
  ``link_failed`` (INFRA), never a guess.

Attempts and what went wrong in each are kept in the outcome's detail and measurements.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from harness.records import Outcome
from harness.transport import integrity
from harness.transport.rawrepl import BoardReset, ProgramStuck, ReplTimeout
from harness.transport.recovery import RecoveryFailed
from harness.transport.stream import LinkLost, TransportError

if TYPE_CHECKING:
    from harness.targets.repl import ReplTarget

log = logging.getLogger("harness.targets.verified")

MAX_ATTEMPTS = 4


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    verified: bool = False
    final: bool = False  # the target is gone (recovery failed): stop trying


def run_verified(target: ReplTarget, code: bytes | str, timeout: float) -> Outcome:
    """Run ``code`` until its answer is proven; never raises for target or link faults."""
    if isinstance(code, str):
        code = code.encode("utf-8")
    unproven: list[Outcome] = []
    notes: list[str] = []
    for number in range(1, MAX_ATTEMPTS + 1):
        attempt = _attempt(target, code, timeout)
        outcome = attempt.outcome
        if attempt.final:
            return _finish(outcome, notes, number)
        if attempt.verified:
            return _finish(outcome, notes, number)
        if not outcome.link_failed and any(_same(outcome, seen) for seen in unproven):
            return _finish(outcome, notes + ["the same unverified answer twice: accepted"], number)
        log.warning("%s: attempt %d not verified: %s", target.name, number, outcome.detail)
        unproven.append(outcome)
        notes.append(f"attempt {number}: {outcome.detail}")
    return _finish(Outcome(link_failed=True, detail=f"{target.name}: no verified answer in "
                           f"{MAX_ATTEMPTS} attempts"), notes, MAX_ATTEMPTS)


def _finish(outcome: Outcome, notes: list[str], attempts: int) -> Outcome:
    detail = "; ".join(filter(None, [outcome.detail, *notes]))
    measurements = {**outcome.measurements, "link_attempts": attempts}
    return replace(outcome, detail=detail, measurements=measurements)


def _same(a: Outcome, b: Outcome) -> bool:
    if a.crashed or a.timed_out or b.crashed or b.timed_out:
        # What a reset or a hang leaves in the buffer varies with timing; noise does not
        # reset a board or stop it twice.
        return (a.crashed, a.timed_out) == (b.crashed, b.timed_out)
    return (a.stdout, a.exception, a.exit_code, a.timed_out, a.crashed) == (
        b.stdout, b.exception, b.exit_code, b.timed_out, b.crashed)


def _attempt(target: ReplTarget, code: bytes, timeout: float) -> Attempt:
    from harness.targets.repl import exception_from_stderr

    try:
        target.start()
        steps = target._prepare()
    except (TransportError, RecoveryFailed) as err:
        return Attempt(Outcome(link_failed=True, detail=f"{target.name}: {err}"), final=True)
    repl = target.repl
    target._dirty = True
    exchange = integrity.Exchange(code)
    started = time.monotonic()
    try:
        integrity.load(repl, exchange)
        result = integrity.run(repl, timeout)
        checked = exchange.check_run(result, exception_from_stderr(result.stderr))
    except integrity.Unverified as err:
        got = err.result
        if got is None:
            return Attempt(Outcome(link_failed=True, detail=str(err)))
        exception = exception_from_stderr(got.stderr)
        return Attempt(Outcome(stdout=got.stdout, stderr=got.stderr, exception=exception,
                               exit_code=1 if exception else 0, timed_out=got.timed_out,
                               duration_s=got.duration_s, detail=f"unverified: {err}"))
    except BoardReset as err:
        return _fault(target, started, str(err), "re-enter raw REPL", crashed=True)
    except ProgramStuck as err:
        return _fault(target, started, str(err), "hard reset", timed_out=True)
    except LinkLost as err:
        death = target._death(grace_s=0.5)
        if death:
            return _fault(target, started, f"{err}; {death}", None, crashed=True)
        return _fault(target, started, str(err), "reopen port", link=True)
    except (ReplTimeout, TransportError) as err:
        return _fault(target, started, str(err), "re-enter raw REPL", link=True)
    detail = "; ".join(steps)
    if checked.timed_out:
        detail = "; ".join(filter(None, [detail, f"interrupted after {timeout:g} s"]))
    exception = exception_from_stderr(checked.stderr)
    return Attempt(Outcome(stdout=checked.stdout, stderr=checked.stderr,
                           exit_code=1 if exception else 0, exception=exception,
                           duration_s=checked.duration_s, timed_out=checked.timed_out,
                           detail=detail), verified=True)


def _fault(target: ReplTarget, started: float, why: str, start_at: str | None, *,
           crashed: bool = False, timed_out: bool = False, link: bool = False) -> Attempt:
    """Recover after a fault; the attempt is unverified (or final when recovery failed)."""
    duration = time.monotonic() - started
    partial = target.repl.take_pending() if target._repl is not None else ""
    try:
        steps = target._recover(why, start_at=start_at)
    except RecoveryFailed as err:
        target.stop()  # the next spec starts from scratch
        return Attempt(Outcome(stdout=partial, duration_s=duration, link_failed=True,
                               detail=f"{why}; {err}"), final=True)
    return Attempt(Outcome(stdout=partial, duration_s=duration, crashed=crashed,
                           timed_out=timed_out, link_failed=link,
                           detail=f"{why}; recovery: " + "; ".join(steps)))
