"""The verdict rules for scope checks: limits give FAIL naming the measurement, its value and
its limits; an instrument error gives INFRA whatever the output."""

from __future__ import annotations

from harness.records import Expected, Outcome, Verdict
from harness.verdict import judge, out_of_limits

EXP = Expected(stdout="ok\n")


def check(value, low=None, high=None, **more):
    return {"name": "frequency-pin0-scope", "unit": "Hz", "value": value, "min": low, "max": high, **more}


def test_within_limits_passes_and_outside_fails_with_the_numbers():
    inside = Outcome(stdout="ok\n", measurements={"checks": [check(6800.0, 3000, 30000)]})
    assert judge(EXP, inside).verdict is Verdict.PASS
    below = Outcome(stdout="ok\n", measurements={"checks": [check(6800.0, 8000, 30000)]})
    judgement = judge(EXP, below)
    assert judgement.verdict is Verdict.FAIL
    assert judgement.reason == "frequency-pin0-scope = 6800 Hz, outside its limits [8000, 30000] Hz"
    jitter = check(6.4e-5, high=5e-5) | {"unit": "s", "name": "jitter"}
    above = Outcome(stdout="ok\n", measurements={"checks": [jitter]})
    assert judge(EXP, above).reason == "jitter = 6.4e-05 s, outside its limits [-inf, 5e-05] s"


def test_no_valid_value_fails():
    invalid = check(None, 1, 2, problem="the scope has no valid value (9.9E37)")
    outcome = Outcome(stdout="ok\n", measurements={"checks": [invalid]})
    judgement = judge(EXP, outcome)
    assert judgement.verdict is Verdict.FAIL
    assert judgement.reason == "frequency-pin0-scope: the scope has no valid value (9.9E37)"


def test_instrument_error_is_infra_even_when_the_output_matches():
    error = "instrument scope (TCPIP::10.0.0.5::INSTR): '*IDN?': no answer within 5 s (timeout)"
    judgement = judge(EXP, Outcome(stdout="ok\n", measurements={"instrument_error": error}))
    assert judgement.verdict is Verdict.INFRA and judgement.reason == error


def test_a_differing_output_still_fails_on_the_output():
    outcome = Outcome(stdout="no\n", measurements={"checks": [check(1.0, 3000)]})
    judgement = judge(EXP, outcome)
    assert judgement.verdict is Verdict.FAIL and judgement.reason.startswith("line 1: expected 'ok'")


def test_measurements_without_checks_judge_nothing():
    assert out_of_limits({}) is None
    assert out_of_limits({"note": "not measured"}) is None
