"""Attempts on a lossy link: a verdict other than PASS counts only when an attempt repeats it.

Used by the session for targets with ``integrity`` on (see harness.transport.integrity for
why this, with the sync check, keeps dropped and garbled bytes from becoming verdicts):

- PASS (and STALE-DIFF, which also matches the reference exactly) is taken at once;
- INFRA (the link failed, recovery brought it back) is simply tried again;
- any other verdict needs a second attempt with the same observation;
- no confirmation within ``max_attempts``: INFRA, with every attempt's verdict named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from harness.records import Judgement, Outcome, Verdict

MAX_ATTEMPTS = 5
_AT_ONCE = frozenset({Verdict.PASS, Verdict.STALE_DIFF})


def observation(outcome: Outcome) -> tuple:
    """What two attempts must share to confirm each other."""
    if outcome.timed_out or outcome.crashed:
        # What a hang or a reset leaves behind varies with timing; link noise does not make
        # a program hang, nor reset the board, twice.
        return ("end", outcome.timed_out, outcome.crashed)
    return ("answer", outcome.stdout, outcome.exception, outcome.exit_code or 0, outcome.unsupported)


Attempt = tuple[Judgement, Outcome]


def confirmed(run: Callable[[], Outcome], judge: Callable[[Outcome], Judgement],
              max_attempts: int = MAX_ATTEMPTS) -> tuple[Judgement, Outcome, list[Attempt]]:
    """Run until a verdict is trusted: the verdict, the outcome (carrying the number of
    attempts) and every attempt, for the record."""
    seen: list[tuple[tuple, Judgement, Outcome]] = []
    tried: list[Attempt] = []
    verdicts: list[str] = []
    outcome = Outcome(link_failed=True)
    judgement = Judgement(Verdict.INFRA, "not run")
    for count in range(1, max_attempts + 1):
        outcome = run()
        judgement = judge(outcome)
        tried.append((judgement, outcome))
        verdicts.append(judgement.verdict.value)
        if judgement.verdict in _AT_ONCE:
            return _done(judgement, outcome, count, verdicts, tried)
        if judgement.verdict is Verdict.INFRA:
            continue
        key = observation(outcome)
        for earlier, earlier_judgement, _ in seen:
            if earlier == key and earlier_judgement.verdict is judgement.verdict:
                return _done(judgement, outcome, count, verdicts, tried)
        seen.append((key, judgement, outcome))
    if judgement.verdict is Verdict.INFRA and not seen:
        return _done(judgement, outcome, max_attempts, verdicts, tried)
    reason = (f"no two of {max_attempts} attempts gave the same answer "
              f"({', '.join(verdicts)}): the link garbles replies")
    return _done(Judgement(Verdict.INFRA, reason), outcome, max_attempts, verdicts, tried)


def _done(judgement: Judgement, outcome: Outcome, count: int, verdicts: list[str],
          tried: list[Attempt]) -> tuple[Judgement, Outcome, list[Attempt]]:
    if count > 1:
        note = "attempts: " + ", ".join(verdicts)
        outcome = replace(outcome, detail="; ".join(filter(None, [outcome.detail, note])))
    return judgement, replace(outcome, attempts=count), tried
