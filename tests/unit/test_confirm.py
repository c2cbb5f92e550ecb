"""Confirmation of answers on a lossy link (harness.confirm): which attempts make a verdict."""

from __future__ import annotations

from harness.confirm import confirmed
from harness.records import Expected, Outcome, Verdict
from harness.verdict import judge

EXPECTED = Expected(stdout="1\n2\n")


def _run(outcomes: list[Outcome]):
    calls = iter(outcomes)
    return lambda: next(calls)


def _judge(outcome: Outcome):
    return judge(EXPECTED, outcome)


def test_pass_is_taken_at_once():
    judgement, outcome, _ = confirmed(_run([Outcome(stdout="1\n2\n")]), _judge)
    assert judgement.verdict is Verdict.PASS and outcome.attempts == 1


def test_a_garbled_fail_then_a_pass_is_a_pass():
    judgement, outcome, _ = confirmed(_run([Outcome(stdout="1\n#\n"), Outcome(stdout="1\n2\n")]), _judge)
    assert judgement.verdict is Verdict.PASS and outcome.attempts == 2
    assert "attempts: FAIL, PASS" in outcome.detail


def test_a_fail_counts_when_repeated_exactly():
    fail = Outcome(stdout="1\n3\n")
    judgement, outcome, tried = confirmed(_run([fail, Outcome(link_failed=True), fail]), _judge)
    assert judgement.verdict is Verdict.FAIL and outcome.attempts == 3
    assert [j.verdict for j, _ in tried] == [Verdict.FAIL, Verdict.INFRA, Verdict.FAIL]


def test_two_different_fails_are_not_a_verdict():
    answers = [Outcome(stdout=f"1\n{n}\n") for n in range(3, 9)]
    judgement, outcome, _ = confirmed(_run(answers), _judge, max_attempts=4)
    assert judgement.verdict is Verdict.INFRA and outcome.attempts == 4
    assert "no two of 4 attempts" in judgement.reason


def test_timeouts_confirm_each_other_whatever_they_printed():
    first, second = Outcome(stdout="1\n", timed_out=True), Outcome(stdout="1\n2", timed_out=True)
    judgement, _, _ = confirmed(_run([first, second]), _judge)
    assert judgement.verdict is Verdict.TIMEOUT


def test_a_link_that_never_answers_is_infra():
    judgement, outcome, _ = confirmed(_run([Outcome(link_failed=True, detail="gone")] * 5), _judge)
    assert judgement.verdict is Verdict.INFRA and outcome.attempts == 5
