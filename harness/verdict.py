"""The one place that turns (expected, outcome, baseline) into a verdict."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace

from harness.measure import strip_measurements
from harness.records import FAILING, SKIPPING, BaselineEntry, Expected, Judgement, Outcome, Verdict
from harness.targets.base import Capabilities

_RESOURCE_EXCEPTIONS = {"MemoryError", "RecursionError"}
_RESOURCE_TEXT = ("memory allocation failed", "maximum recursion depth exceeded")
DOCUMENTED = "documented in the baseline: "
# MicroPython's test convention: a test that finds its feature missing prints SKIP and stops.
SKIP_OUTPUT = "SKIP\n"
_NO_MODULE = re.compile(r"(?:no module named|can't import name)\s+'?([\w.]+)'?", re.IGNORECASE)


def _exit_text(code: int | None, exception: str | None) -> str:
    return f"uncaught {exception}" if exception else f"exit status {code}"


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1].strip()[:160] if lines else ""


def first_difference(expected: str, actual: str) -> str:
    """A one-line description of where two outputs first differ."""
    exp_lines, act_lines = expected.splitlines(), actual.splitlines()
    for index, (exp, act) in enumerate(zip(exp_lines, act_lines, strict=False), start=1):
        if exp != act:
            return f"line {index}: expected {exp!r}, got {act!r}"
    if len(exp_lines) != len(act_lines):
        n = min(len(exp_lines), len(act_lines)) + 1
        if len(exp_lines) > len(act_lines):
            return f"line {n}: expected {exp_lines[n - 1]!r}, output ended"
        return f"line {n}: unexpected {act_lines[n - 1]!r}"
    return "outputs differ in whitespace or line endings"


def unified_diff(expected: str, actual: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            "expected",
            "actual",
        )
    )


def failure_text(verdict: str, reason: str, expected: str | None, stdout: str, stderr: str) -> str:
    """How a failing item explains itself (pytest's report, JUnit, Allure): verdict, diff, stderr."""
    lines = [f"{verdict}: {reason}"]
    if expected is not None and stdout != expected:
        lines.append(unified_diff(expected, stdout).rstrip())
    if stderr:
        lines.append("--- stderr ---\n" + stderr.rstrip()[-2000:])
    return "\n".join(lines)


def item_outcome(verdict: Verdict, reason: str, quarantine: dict | None) -> tuple[str, str]:
    """How a test framework reports a verdict: ("passed" | "failed" | "skipped" | "xfailed", message).

    A quarantined failure is an expected failure, a hang or crash the baseline documents is
    skipped with its reason, UNSUPPORTED, RESOURCE and NOT-RUN are skipped; the plugin's items and
    the JUnit file say the same.
    """
    message = f"{verdict.value}: {reason}"
    if verdict in FAILING and quarantine:  # reported, but not failing the run
        return "xfailed", (f"quarantined ({quarantine['where']}, until {quarantine['expires']}): "
                           f"{message}")
    if is_documented(verdict, reason) or verdict in SKIPPING:
        return "skipped", message
    if verdict in FAILING:
        return "failed", message
    return "passed", message


def _is_resource(outcome: Outcome) -> bool:
    if outcome.exception in _RESOURCE_EXCEPTIONS:
        return True
    text = outcome.stderr.lower()
    return bool(outcome.exception) and any(marker in text for marker in _RESOURCE_TEXT)


def _missing_module(outcome: Outcome, capabilities: Capabilities | None) -> str | None:
    """The module an ImportError names, when the target's probe confirms it is missing."""
    if capabilities is None or outcome.exception not in ("ImportError", "ModuleNotFoundError"):
        return None
    match = _NO_MODULE.search(outcome.stderr)
    if match:
        module = match.group(1).split(".")[0]
        if capabilities.lacks(module):
            return module
    return None


def out_of_limits(measurements: dict) -> str | None:
    """The first scope check without a valid value or outside its limits, in words."""
    for check in measurements.get("checks") or ():
        name, unit, value = check.get("name", "?"), check.get("unit", ""), check.get("value")
        low, high = check.get("min"), check.get("max")
        if check.get("problem") or value is None:
            return f"{name}: {check.get('problem') or 'no valid value'}"
        if (low is not None and value < low) or (high is not None and value > high):
            lower = "-inf" if low is None else f"{low:.6g}"
            upper = "inf" if high is None else f"{high:.6g}"
            unit = f" {unit}" if unit else ""
            return f"{name} = {value:.6g}{unit}, outside its limits [{lower}, {upper}]{unit}"
    return None


def _matches(expected: Expected, outcome: Outcome) -> bool:
    if outcome.stdout != expected.stdout:
        return False
    if expected.exception or outcome.exception:
        return expected.exception == outcome.exception
    return (expected.exit_code or 0) == (outcome.exit_code or 0)


def _documented(judgement: Judgement) -> Judgement:
    """A TIMEOUT or CRASH the target's baseline documents keeps its name, and says so."""
    entry = judgement.baseline
    if entry is None or entry.verdict != judgement.verdict.value:
        return judgement
    return Judgement(judgement.verdict, f"{DOCUMENTED}{entry.reason} ({judgement.reason})", entry)


def is_documented(verdict: Verdict, reason: str) -> bool:
    """True for a failing verdict that the baseline documents: reported, never failing a run."""
    return verdict in (Verdict.TIMEOUT, Verdict.CRASH) and reason.startswith(DOCUMENTED)


def judge(
    expected: Expected | None,
    outcome: Outcome,
    baseline: BaselineEntry | None = None,
    capabilities: Capabilities | None = None,
) -> Judgement:
    """Decide the verdict of one run of one spec on one target."""
    # `@measure` lines are the audit's measurement channel, never part of the output compared.
    outcome = replace(outcome, stdout=strip_measurements(outcome.stdout))
    if expected is not None:
        expected = replace(expected, stdout=strip_measurements(expected.stdout))
    if outcome.skipped_reason:
        return Judgement(Verdict.NOT_RUN, outcome.skipped_reason)
    if outcome.link_failed:
        return Judgement(Verdict.INFRA, outcome.detail or "the link to the target failed")
    if outcome.measurements.get("instrument_error"):  # the scope failed, not the target
        return Judgement(Verdict.INFRA, str(outcome.measurements["instrument_error"]))
    if outcome.unsupported:
        return Judgement(Verdict.UNSUPPORTED, outcome.unsupported, baseline)
    if outcome.output_capped:
        return Judgement(Verdict.RESOURCE, outcome.detail or "the spec's output exceeded the "
                         "harness's cap and was cut", baseline)
    if outcome.timed_out:
        return _documented(Judgement(
            Verdict.TIMEOUT, outcome.detail or "no answer within the spec's timeout", baseline))
    if outcome.crashed:
        return _documented(Judgement(
            Verdict.CRASH, outcome.detail or "the target died or reset", baseline))
    if expected is None:
        return Judgement(Verdict.INFRA, "no reference output")
    if expected.timed_out:
        return Judgement(Verdict.FAIL, "the target finished but CPython did not (reference timed out)",
                         baseline)
    if _is_resource(outcome) and not (expected.exception == outcome.exception):
        return Judgement(Verdict.RESOURCE, f"{outcome.exception}: target ran out of memory or stack",
                         baseline)
    if outcome.stdout == SKIP_OUTPUT and expected.stdout != SKIP_OUTPUT:
        return Judgement(Verdict.UNSUPPORTED, "the spec skipped itself on this target (printed SKIP)",
                         baseline)
    missing = _missing_module(outcome, capabilities)
    if missing:
        return Judgement(Verdict.UNSUPPORTED, f"module {missing!r} is not on this target", baseline)

    if _matches(expected, outcome):
        outside = out_of_limits(outcome.measurements)
        if outside:
            return Judgement(Verdict.FAIL, outside, baseline)
        if baseline is not None:
            return Judgement(
                Verdict.STALE_DIFF,
                f"matches the reference, but the baseline says: {baseline.reason}",
                baseline,
            )
        return Judgement(Verdict.PASS, "matches the reference")

    if outcome.stdout != expected.stdout:
        why = first_difference(expected.stdout, outcome.stdout)
        if outcome.exception and outcome.exception != expected.exception:
            why += f" (uncaught {_last_line(outcome.stderr) or outcome.exception})"
    else:
        why = (f"expected {_exit_text(expected.exit_code, expected.exception)}, "
               f"got {_exit_text(outcome.exit_code, outcome.exception)}")
    if baseline is not None and baseline.verdict is None:
        if baseline.actual is not None and baseline.actual != outcome.stdout:
            return Judgement(
                Verdict.FAIL,
                f"differs from the output the baseline documents ({baseline.where}): {why}",
                baseline,
            )
        return Judgement(Verdict.KNOWN_DIFF, baseline.reason, baseline)
    return Judgement(Verdict.FAIL, why)


def combine_attempts(judgements: Sequence[Judgement]) -> Judgement:
    """One verdict for several attempts of the same item: disagreement is FLAKY."""
    if not judgements:
        raise ValueError("no attempts")
    verdicts = [j.verdict for j in judgements]
    last = judgements[-1]
    if len(set(verdicts)) == 1:
        return last
    # Link failures that a later attempt got past are the harness's problem, not the target's.
    real = [j for j in judgements if j.verdict is not Verdict.INFRA]
    if real and len({j.verdict for j in real}) == 1:
        return real[-1]
    seq = ", ".join(v.value for v in verdicts)
    return Judgement(Verdict.FLAKY, f"attempts disagree: {seq}", last.baseline)
