"""The comparison of a run with earlier ones, over plain result rows."""

import pytest

from harness.report.compare import TimingRule, classify, compare, timing_regressions


def row(spec, verdict, target="unix", duration=0.01, mode="bytecode"):
    return {"spec_id": spec, "feature": "f." + spec, "target": target, "mode": mode,
            "verdict": verdict, "reason": f"why {spec}", "duration_s": duration}


@pytest.mark.parametrize(("before", "now", "kind"), [
    ("PASS", "FAIL", "new-failure"),
    ("KNOWN-DIFF", "CRASH", "new-failure"),
    (None, "TIMEOUT", "new-failure"),
    ("UNSUPPORTED", "FLAKY", "flaky"),
    ("FLAKY", "FAIL", "new-failure"),
    ("FLAKY", "FLAKY", None),
    ("FAIL", "FAIL", None),
    ("FAIL", "CRASH", "changed"),
    ("PASS", "STALE-DIFF", "new-stale-diff"),
    ("STALE-DIFF", "STALE-DIFF", None),
    ("FAIL", "PASS", "fix"),
    ("STALE-DIFF", "PASS", "fix"),
    ("INFRA", "KNOWN-DIFF", "fix"),
    ("PASS", "NOT-RUN", "changed"),
    ("PASS", "PASS", None),
    (None, "PASS", None),
])
def test_classify(before, now, kind):
    assert classify(before, now) == kind


def test_compare_names_each_kind_of_change():
    previous = [row("a", "PASS"), row("b", "KNOWN-DIFF"), row("c", "FAIL"), row("d", "PASS"),
                row("gone", "PASS"), row("e", "PASS", target="cpython")]
    current = [row("a", "FAIL"), row("b", "STALE-DIFF"), row("c", "PASS"), row("d", "PASS"),
               row("new", "CRASH"), row("e", "PASS", target="cpython")]
    result = compare("now", current, "before", previous)
    assert [(c.spec_id, c.before, c.now) for c in result.new_failures] == [
        ("a", "PASS", "FAIL"), ("new", None, "CRASH")]
    assert [c.spec_id for c in result.new_stale_diffs] == ["b"]
    assert [c.spec_id for c in result.fixes] == ["c"]
    assert [(c.spec_id, c.before, c.now) for c in result.removed] == [("gone", "PASS", None)]
    assert result.added == 1 and result.regression
    assert result.as_dict()["new_failures"][0]["reason"] == "why a"


def test_only_fixes_is_no_regression():
    result = compare("now", [row("a", "PASS")], "before", [row("a", "FAIL")])
    assert not result.regression and len(result.fixes) == 1


def test_first_run_reports_every_failure_as_new():
    result = compare("now", [row("a", "PASS"), row("b", "FAIL")], None, [])
    assert [c.spec_id for c in result.new_failures] == ["b"] and result.added == 2


def test_mode_and_target_are_part_of_the_item():
    previous = [row("a", "PASS", mode="native"), row("a", "FAIL", target="cpython")]
    current = [row("a", "FAIL", mode="native"), row("a", "FAIL", target="cpython")]
    result = compare("now", current, "before", previous)
    assert [(c.target, c.mode) for c in result.new_failures] == [("unix", "native")]


def test_timing_needs_both_the_ratio_and_the_floor():
    rule = TimingRule(ratio=1.5, min_increase_s=0.1, history=5)
    history = [[row("fast", "PASS", duration=0.001), row("slow", "PASS", duration=1.0),
                row("both", "PASS", duration=0.2), row("failing", "PASS", duration=0.2)]]
    current = [row("fast", "PASS", duration=0.09),  # x90, but only +89 ms: noise of a fast spec
               row("slow", "PASS", duration=1.4),  # +400 ms, but x1.4: noise of a slow spec
               row("both", "PASS", duration=0.31),  # x1.55 and +110 ms: slower
               row("failing", "TIMEOUT", duration=5.0)]  # a new failure, not a timing change
    slower = timing_regressions(current, history, rule)
    assert [(t.spec_id, t.baseline_s, t.now_s, t.samples) for t in slower] == [("both", 0.2, 0.31, 1)]
    assert slower[0].ratio == pytest.approx(1.55)


def test_timing_baseline_is_the_median_of_passing_runs():
    rule = TimingRule(ratio=1.5, min_increase_s=0.1, history=3)
    history = [[row("a", "PASS", duration=d)] for d in (0.2, 5.0, 0.25)]  # newest first; one noisy run
    history += [[row("a", "PASS", duration=0.01)]]  # beyond `history`: ignored
    history += [[row("a", "FAIL", duration=9.0)]]
    assert timing_regressions([row("a", "PASS", duration=0.4)], history, rule)[0].baseline_s == 0.25
    assert timing_regressions([row("a", "PASS", duration=0.3)], history, rule) == []
    result = compare("now", [row("a", "PASS", duration=0.4)], "h", history[0], history, rule)
    assert result.regression and result.timing[0].spec_id == "a"
