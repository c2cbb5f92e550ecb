"""The measurement channel: `@measure` lines are samples for audits and never part of a verdict."""

from __future__ import annotations

from harness.measure import parse_measurements, strip_measurements
from harness.records import Expected, Outcome, Verdict
from harness.verdict import judge


def test_samples_with_units_and_attributes():
    samples, bad = parse_measurements(
        "x\n@measure workload_us 45210 us\n@measure gc.pause_us 812.5 us at=10432\n@measure depth 6\n")
    assert [(s.name, s.value, s.unit, s.attrs) for s in samples] == [
        ("workload_us", 45210.0, "us", {}), ("gc.pause_us", 812.5, "us", {"at": "10432"}),
        ("depth", 6.0, "", {})]
    assert bad == []


def test_malformed_lines_are_reported_not_taken():
    samples, bad = parse_measurements(
        "@measure\n@measure name\n@measure name abc\n@measure 9x 1\n@measured 1 2\n")
    assert samples == []
    assert bad == ["@measure", "@measure name", "@measure name abc", "@measure 9x 1"]


def test_strip_keeps_everything_else_byte_for_byte():
    text = "a\r\n@measure t 1 us\r\n@measured stays\n  @measure indented stays\nb"
    assert strip_measurements(text) == "a\r\n@measured stays\n  @measure indented stays\nb"


def test_verdict_ignores_measurement_lines_on_both_sides():
    expected = Expected(stdout="result 7\n@measure t 5 us\n")
    same = judge(expected, Outcome(stdout="result 7\n@measure t 91 us\n@measure n 3\n"))
    assert same.verdict is Verdict.PASS
    wrong = judge(expected, Outcome(stdout="result 8\n@measure t 5 us\n"))
    assert wrong.verdict is Verdict.FAIL and "result 8" in wrong.reason
