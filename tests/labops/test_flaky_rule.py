"""Flakiness from history (harness.flaky) over plain rows: windows, flips, consistent failures."""

import pytest

from harness.errors import HarnessError
from harness.flaky import FlakyRule, assess, flaky_rule, history_flakiness
from harness.records import Verdict
from harness.store import Store

RULE = FlakyRule(window=10, min_flips=2, consistent=3)


def rows(verdicts: str, context: dict | None = None):
    """Rows of one item, newest first, from verdicts written oldest first ("P F P")."""
    names = {"P": "PASS", "F": "FAIL", "K": "KNOWN-DIFF", "N": "NOT-RUN", "I": "INFRA", "T": "TIMEOUT"}
    found = []
    for n, letter in enumerate(verdicts.split()):
        found.append({"run_id": f"r{n}", "spec_id": "s", "feature": "f", "target": "unix",
                      "mode": "bytecode", "verdict": names[letter], "content_hash": "h",
                      "identity": {"implementation": "micropython 1.24.0", "firmware": "x"},
                      "baseline_key": "", **(context or {}).get(n, {})})
    return found[::-1]


@pytest.mark.parametrize(("history", "status", "flips"), [
    ("P P P P", "stable", 0),
    ("P P P F", "changed", 1),          # one change is a new failure, not flakiness
    ("P F P", "flaky", 2),
    ("P F P F P F", "flaky", 5),
    ("P F P F F", "flaky", 3),          # two failures in a row: not yet consistent
    ("P F P F F F", "consistent", 3),   # the last 3 fail: a new, consistent failure
    ("F P F P P P", "consistent", 3),   # ... or pass: taken as fixed
    ("P N F I P F", "flaky", 3),        # NOT-RUN and INFRA say nothing about the spec
])
def test_status_and_flips(history, status, flips):
    found = assess(rows(history), RULE)
    assert (found.status, found.flips) == (status, flips)
    assert found.flaky == (status == "flaky")


def test_rate_is_flips_over_run_transitions():
    found = assess(rows("P F P F P"), RULE)
    assert found.verdicts == ("PASS", "FAIL", "PASS", "FAIL", "PASS")
    assert found.runs == ("r0", "r1", "r2", "r3", "r4")
    assert found.rate == 1.0 and found.fail_rate == pytest.approx(0.4)
    assert assess(rows("P P F P P"), RULE).rate == 0.5
    assert "2 flips (rate 50%" in assess(rows("P P F P P"), RULE).describe()


@pytest.mark.parametrize("change", [
    {"content_hash": "other"},                                       # the spec changed
    {"identity": {"implementation": "micropython 1.23.0", "firmware": "x"}},  # the firmware
    {"baseline_key": "abc"},                                         # the baseline entry
])
def test_a_change_of_spec_firmware_or_baseline_cuts_the_window(change):
    # Alternating before the change, steady after it: not flaky, the change explains it.
    history = rows("P F P F P P P", {n: change for n in range(4, 7)})
    found = assess(history, RULE)
    assert found.verdicts == ("PASS", "PASS", "PASS") and found.status == "stable"


def test_rows_written_before_the_store_knew_the_baseline_match_any():
    history = rows("P F P", {0: {"baseline_key": None}, 1: {"baseline_key": None}})
    assert assess(history, RULE).flaky


def test_window_limits_how_far_back():
    history = rows("P F P F P P P P")
    assert assess(history, FlakyRule(window=5)).verdicts == ("FAIL", "PASS", "PASS", "PASS", "PASS")
    assert not assess(history, FlakyRule(window=4)).flaky


def test_rig_block_is_checked():
    assert flaky_rule({}) == FlakyRule()
    assert flaky_rule({"flaky": {"window": 6, "consistent": 2}}) == FlakyRule(6, 2, 2)
    assert not flaky_rule({"flaky": {"window": 0}}).enabled
    with pytest.raises(HarnessError, match=r"rigs/x.yaml: flaky: unknown key 'windw'"):
        flaky_rule({"flaky": {"windw": 3}}, "rigs/x.yaml")
    with pytest.raises(HarnessError, match=r"flaky.window: 'many' is not a whole number"):
        flaky_rule({"flaky": {"window": "many"}}, "rigs/x.yaml")


def test_history_flakiness_reads_the_store(tmp_path):
    from harness.records import Outcome, Result, RunRecord

    store = Store(tmp_path / "h.sqlite")
    for n, verdict in enumerate(["PASS", "FAIL", "PASS", "FAIL"]):
        run_id = f"run{n}"
        store.begin_run(RunRecord(run_id, "rig", "0", {}, 1000.0 + n))
        for spec in ("flips", "steady"):
            v = Verdict(verdict) if spec == "flips" else Verdict.PASS
            store.add_result(Result(run_id, spec, "f", "unix", "bytecode", v, "", Outcome(), None, None,
                                    {"implementation": "mp"}, 0, 0, content_hash="h", observed=v.value,
                                    baseline_key=""))
    [found] = history_flakiness(store, "rig", RULE)
    assert (found.spec_id, found.flips, found.verdicts[-1]) == ("flips", 3, "FAIL")
    assert found.as_dict()["rate"] == 1.0
