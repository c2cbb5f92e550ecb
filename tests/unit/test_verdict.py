import pytest

from harness.records import BaselineEntry, Expected, Outcome, Verdict
from harness.targets.base import Capabilities, exception_name, split_traceback
from harness.verdict import combine_attempts, first_difference, judge

EXP = Expected(stdout="1\n2\n")
BASE = BaselineEntry(target="unix", reason="prints differently", spec="x")


@pytest.mark.parametrize(
    ("outcome", "baseline", "verdict"),
    [
        (Outcome(stdout="1\n2\n"), None, Verdict.PASS),
        (Outcome(stdout="1\n3\n"), None, Verdict.FAIL),
        (Outcome(stdout="1\n3\n"), BASE, Verdict.KNOWN_DIFF),
        (Outcome(stdout="1\n2\n"), BASE, Verdict.STALE_DIFF),
        (Outcome(unsupported="no cmath"), None, Verdict.UNSUPPORTED),
        (Outcome(stdout="1\n", exit_code=1, exception="MemoryError",
                 stderr="Traceback (most recent call last):\nMemoryError: memory allocation failed"),
         None, Verdict.RESOURCE),
        (Outcome(timed_out=True), None, Verdict.TIMEOUT),
        (Outcome(crashed=True), None, Verdict.CRASH),
        (Outcome(link_failed=True), None, Verdict.INFRA),
        (Outcome(skipped_reason="stopped"), None, Verdict.NOT_RUN),
        (Outcome(stdout="1\n2\n", exit_code=3), None, Verdict.FAIL),
    ],
)
def test_each_verdict(outcome, baseline, verdict):
    assert judge(EXP, outcome, baseline).verdict is verdict


def test_exit_status_and_exception_type_are_compared():
    expected = Expected(stdout="a\n", exit_code=1, exception="KeyError")
    assert judge(expected, Outcome(stdout="a\n", exit_code=1, exception="KeyError")).verdict is Verdict.PASS
    failed = judge(expected, Outcome(stdout="a\n", exit_code=1, exception="IndexError"))
    assert failed.verdict is Verdict.FAIL
    assert "expected uncaught KeyError, got uncaught IndexError" in failed.reason
    assert judge(Expected("", exit_code=3), Outcome(exit_code=3)).verdict is Verdict.PASS


def test_import_error_is_unsupported_only_with_probe_evidence():
    outcome = Outcome(exit_code=1, exception="ImportError",
                      stderr="Traceback (most recent call last):\nImportError: no module named 'cmath'")
    assert judge(EXP, outcome, None, Capabilities(frozenset({"math"}))).verdict is Verdict.UNSUPPORTED
    assert judge(EXP, outcome, None, Capabilities(frozenset({"cmath"}))).verdict is Verdict.FAIL
    assert judge(EXP, outcome, None, None).verdict is Verdict.FAIL


def test_documented_output_must_match_exactly():
    pinned = BaselineEntry(target="unix", reason="r", spec="x", actual="1\n9\n", where="b.yaml:3")
    assert judge(EXP, Outcome(stdout="1\n9\n"), pinned).verdict is Verdict.KNOWN_DIFF
    other = judge(EXP, Outcome(stdout="1\n8\n"), pinned)
    assert other.verdict is Verdict.FAIL and "b.yaml:3" in other.reason


def test_expected_memory_error_is_not_resource():
    expected = Expected(stdout="", exit_code=1, exception="MemoryError")
    assert judge(expected, Outcome(exit_code=1, exception="MemoryError")).verdict is Verdict.PASS


def test_attempts_that_disagree_are_flaky():
    fail, ok = judge(EXP, Outcome(stdout="x\n")), judge(EXP, Outcome(stdout="1\n2\n"))
    infra = judge(EXP, Outcome(link_failed=True))
    assert combine_attempts([fail, ok]).verdict is Verdict.FLAKY
    assert combine_attempts([infra, ok]).verdict is Verdict.PASS
    assert combine_attempts([fail, fail]).verdict is Verdict.FAIL


def test_first_difference_names_the_line():
    assert first_difference("a\nb\n", "a\nc\n") == "line 2: expected 'b', got 'c'"
    assert first_difference("a\nb\n", "a\n") == "line 2: expected 'b', output ended"
    assert first_difference("a\n", "a\nz\n") == "line 2: unexpected 'z'"


def test_traceback_parsing():
    micro = "Traceback (most recent call last):\n  File \"x.py\", line 2, in <module>\nKeyError: 2\n"
    assert exception_name(micro) == "KeyError"
    assert exception_name("json.decoder.JSONDecodeError: x") is None
    cpython = "Traceback (most recent call last):\njson.decoder.JSONDecodeError: x"
    assert exception_name(cpython) == "JSONDecodeError"
    assert split_traceback("out\n" + micro, 1) == ("out\n", micro)
    assert split_traceback("out\n" + micro, 0) == ("out\n" + micro, "")


def test_fail_reason_names_the_uncaught_exception():
    outcome = Outcome(stdout="1\n", exit_code=1, exception="NameError",
                      stderr="Traceback (most recent call last):\nNameError: name 'delattr' isn't defined\n")
    reason = judge(EXP, outcome).reason
    assert reason == "line 2: expected '2', output ended (uncaught NameError: name 'delattr' isn't defined)"


def test_a_documented_hang_keeps_its_name_and_says_so():
    from harness.verdict import is_documented

    entry = BaselineEntry(target="qemu-microbit", reason="bytes(-1) locks the board", spec="x",
                          verdict="TIMEOUT")
    documented = judge(EXP, Outcome(timed_out=True), entry)
    assert documented.verdict is Verdict.TIMEOUT
    assert is_documented(documented.verdict, documented.reason)
    assert "bytes(-1) locks the board" in documented.reason
    undocumented = judge(EXP, Outcome(timed_out=True), BASE)
    assert not is_documented(undocumented.verdict, undocumented.reason)
