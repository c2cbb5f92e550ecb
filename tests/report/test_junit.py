"""JUnit XML from stored rows: each verdict reported as the plugin's items report it."""

import time
import xml.etree.ElementTree as ET

import pytest

from harness.report.junit import junit_case, write_junit


def _row(verdict: str, reason: str = "why", **more) -> dict:
    row = {"spec_id": "types/str/split", "feature": "types.str", "target": "unix", "mode": "bytecode",
           "verdict": verdict, "reason": reason, "stdout": "b\n", "stderr": "", "quarantine": None,
           "expected": {"stdout": "a\n"}, "started": 100.0, "finished": 100.25, "tags": []}
    row.update(more)
    return row


@pytest.mark.parametrize(("row", "kind", "element", "message"), [
    (_row("PASS", expected={"stdout": "b\n"}), "passed", None, None),
    (_row("KNOWN-DIFF", "documented"), "passed", None, None),
    (_row("FAIL", "line 1: expected 'a', got 'b'"), "failed", "failure", "FAIL: line 1: expected 'a'"),
    (_row("UNSUPPORTED", "target lacks module 'cmath' (probed)"), "skipped", "skipped",
     "UNSUPPORTED: target lacks module"),
    (_row("TIMEOUT", "documented in the baseline: hangs in select"), "skipped", "skipped",
     "TIMEOUT: documented in the baseline"),
    (_row("CRASH", "worker died", quarantine={"where": "conformance/quarantine.yaml:3",
                                                "expires": "2027-01-01"}),
     "xfailed", "skipped", "quarantined (conformance/quarantine.yaml:3, until 2027-01-01): CRASH"),
])
def test_each_verdict_is_reported_as_the_item_is(row, kind, element, message):
    case, got = junit_case(row)
    assert got == kind
    assert (case.get("classname"), case.get("name")) == ("types.str.split", "split[unix]")
    assert case.get("time") == "0.250"
    assert case.find("properties/property[@name='verdict']").get("value") == row["verdict"]
    found = [child for child in case if child.tag in ("failure", "skipped")]
    if element is None:
        assert found == []
        return
    [child] = found
    assert child.tag == element and child.get("message").startswith(message)
    if element == "failure":  # the diff, as the terminal shows it
        assert "-a\n+b" in child.text
    else:
        assert child.get("type") == ("pytest.xfail" if kind == "xfailed" else "pytest.skip")


def test_a_mode_other_than_bytecode_names_its_column(tmp_path):
    case, _ = junit_case(_row("PASS", mode="mpy", expected={"stdout": "b\n"}))
    assert case.get("name") == "split[unix-mpy]"


def test_the_suite_counts_what_it_holds(tmp_path):
    rows = [_row("PASS", expected={"stdout": "b\n"}), _row("FAIL"), _row("FAIL"), _row("UNSUPPORTED"),
            _row("CRASH", quarantine={"where": "q.yaml:1", "expires": "2027-01-01"})]
    path = write_junit(rows, tmp_path / "out" / "junit.xml", started=time.time() - 2)
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    [suite] = root
    assert {k: suite.get(k) for k in ("name", "tests", "failures", "skipped", "errors")} == {
        "name": "pytest", "tests": "5", "failures": "2", "skipped": "2", "errors": "0"}
    assert 1.5 < float(suite.get("time")) < 60
    assert not list((tmp_path / "out").glob("*.tmp"))
