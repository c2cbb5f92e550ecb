"""Quarantine (conformance/quarantine.yaml): quarantined specs run and are reported but fail
neither ``harness run`` nor the nightly; an expired or malformed entry is one line naming it."""

import datetime as dt
import json
import textwrap

import pytest
from conftest import Project

from harness.errors import HarnessError
from harness.quarantine import load_quarantine

FUTURE = (dt.date.today() + dt.timedelta(days=30)).isoformat()
PAST = (dt.date.today() - dt.timedelta(days=1)).isoformat()
# Differs on MicroPython: FAIL on the PC port, PASS on CPython.
DIFFERS = "import sys\nprint(sys.implementation.name)\n"


def _quarantine(project: Project, text: str) -> None:
    (project.root / "conformance" / "quarantine.yaml").write_text(textwrap.dedent(text))


@pytest.fixture
def lab(project: Project) -> Project:
    project.spec("q/differs.py", DIFFERS)
    project.spec("q/fine.py", "print('fine')\n")
    return project


def test_quarantined_failure_runs_is_reported_and_does_not_fail(lab: Project):
    _quarantine(lab, f"""\
        quarantine:
          - spec: q/differ*
            target: unix
            reason: prints the implementation's name (issue 7)
            expires: {FUTURE}
        """)
    proc = lab.harness("run")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert "quarantined (reported, not failing the run) (1):" in proc.stdout
    assert (f"q/differs [unix] FAIL, quarantined until {FUTURE} (conformance/quarantine.yaml:2: "
            "prints the implementation's name (issue 7))") in proc.stdout
    assert "items needing attention" not in proc.stdout
    matrix = json.loads((lab.root / "results" / "matrix.json").read_text())
    assert matrix["totals"]["unix"] == {"PASS": 1, "FAIL": 1}  # the verdict is still the truth
    assert [(q["spec_id"], q["target"], q["verdict"], q["expires"]) for q in matrix["quarantined"]] == [
        ("q/differs", "unix", "FAIL", FUTURE)]
    junit = (lab.root / "results" / "junit.xml").read_text()
    assert 'message="quarantined (conformance/quarantine.yaml:2' in junit
    assert "quarantined until" in (lab.root / "results" / "matrix.html").read_text()

    nightly = lab.harness("nightly")  # a new failing item, but quarantined: no regression
    assert nightly.returncode == 0, nightly.stdout[-3000:] + nightly.stderr
    report = json.loads((lab.root / "results" / "regressions.json").read_text())
    assert report["new_failures"] == [] and report["regression"] is False
    assert [q["spec_id"] for q in report["quarantined"]] == ["q/differs"]


def test_without_quarantine_the_same_failure_fails(lab: Project):
    _quarantine(lab, f"""\
        quarantine:
          - feature: language.basics.*
            target: cpython
            reason: only on the reference
            expires: {FUTURE}
        """)
    proc = lab.harness("run")
    assert proc.returncode == 1
    assert "FAIL        q/differs [unix]" in proc.stdout


def test_an_expired_entry_fails_loudly_naming_it(lab: Project):
    _quarantine(lab, f"""\
        quarantine:
          - spec: q/fine
            reason: still fine
            expires: {FUTURE}
          - spec: q/differs
            target: unix
            reason: prints the implementation's name
            expires: {PAST}
        """)
    message = (f"conformance/quarantine.yaml:5: quarantine entry expired on {PAST}: spec q/differs on "
               "unix (prints the implementation's name)")
    for command in (("run",), ("nightly",)):
        proc = lab.harness(*command)
        assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr
        assert proc.stderr.strip().splitlines() == [f"harness: error: {message}; fix the spec, or renew "
                                                    "or remove the entry"]
    raw = lab.pytest("specs")  # straight through pytest, the plugin refuses the same way
    assert raw.returncode == 2 and message in raw.stdout + raw.stderr
    listing = lab.harness("quarantine", "list")
    assert listing.returncode == 1 and "(EXPIRED)" in listing.stdout


@pytest.mark.parametrize(("text", "message"), [
    ("quarantine:\n  - spec: a\n    expires: 2030-01-01\n",
     "conformance/quarantine.yaml:2: quarantine.0: 'reason' is a required property"),
    ("quarantine:\n  - spec: a\n    reason: why not\n    expires: 2030-02-30\n",
     "conformance/quarantine.yaml:4: quarantine.0.expires: '2030-02-30' is not a date (YYYY-MM-DD)"),
    ("quarantine:\n  - spec: a\n    feature: b\n    reason: why not\n    expires: 2030-01-01\n",
     "conformance/quarantine.yaml:3: quarantine.0: give either 'spec' or 'feature', not both"),
    ("quarantine:\n  - spec: a\n    reason: why not\n    expires: soon\n",
     "conformance/quarantine.yaml:4: quarantine.0.expires: 'soon' does not match"),
    ("quarantine:\n  - spec: a\n    reason: why not\n    expires: 2030-01-01\n    tagret: unix\n",
     "conformance/quarantine.yaml:2: quarantine.0: unknown key ('tagret' was unexpected)"),
])
def test_malformed_entries_are_one_line_with_file_line_key(tmp_path, text, message):
    (tmp_path / "conformance").mkdir()
    (tmp_path / "conformance" / "quarantine.yaml").write_text(text)
    with pytest.raises(HarnessError) as err:
        load_quarantine(tmp_path)
    assert str(err.value).startswith(message)


def test_a_malformed_file_stops_the_run_in_one_line(project: Project):
    project.spec("q/fine.py", "print('fine')\n")
    _quarantine(project, "quarantine:\n  - spec: a\n    expires: 2030-01-01\n")
    proc = project.harness("run")
    assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "harness: error: conformance/quarantine.yaml:2: quarantine.0: 'reason' is a required property"]
