"""Allure results and JUnit XML of a run, written by `harness run` from the stored results."""

import json
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from conftest import REPO, Project

from harness.report.allure import categories, plot_paths

# The smallest valid PNG: 1x1, grey.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c636800000082008177cd72b60000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("allure") / "proj")
    project.spec("basics/hello.py", "print('hello')\n", header="# tags: core, smoke\n")
    project.spec("json/spaces.py", "import json\nprint(json.dumps('\\u00e9'))\n", feature="stdlib.json.dumps")
    project.spec("json/broken.py", "import json\nprint(json.dumps({'a': 1.5}, indent=2))\n",
                 feature="stdlib.json.dumps")
    project.spec("basics/only_cpython.py", "print(1)\n", header="# targets: cpython\n")
    project.baseline("unix", """\
        target: unix
        differences:
          - spec: json/spaces
            reason: MicroPython's json.dumps writes non-ASCII characters as they are
        """)
    proc = project.harness("run", "--run-id", "r1")
    return project, proc


def _results(project):
    found = {}
    folder = project.root / "results" / "allure-results"
    for path in folder.glob("*-result.json"):
        data = json.loads(path.read_text())
        found[data["name"]] = data
    return found


def _labels(result, name):
    return [label["value"] for label in result["labels"] if label["name"] == name]


def _attachment(project, result, name):
    [found] = [a for a in result.get("attachments", []) if a["name"] == name]
    return found, (project.root / "results" / "allure-results" / found["source"])


def test_every_item_has_an_allure_result_with_its_labels(run):
    project, proc = run
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr  # json/broken FAILs on unix
    results = _results(project)
    specs = ("basics/hello", "basics/only_cpython", "json/spaces", "json/broken")
    assert sorted(results) == sorted(f"{spec} [{target}]" for spec in specs for target in ("cpython", "unix"))
    hello = results["basics/hello [unix]"]
    assert _labels(hello, "feature") == ["language.basics.print"]
    assert _labels(hello, "parentSuite") == ["unix"]
    assert _labels(hello, "severity") == ["critical"]  # tagged core
    assert {"core", "smoke"} <= set(_labels(hello, "tag"))
    assert _labels(hello, "verdict") == ["PASS"]
    spaces = results["json/spaces [unix]"]
    assert _labels(spaces, "feature") == ["stdlib.json.dumps"]
    assert _labels(spaces, "severity") == ["normal"]
    assert _labels(results["json/spaces [cpython]"], "parentSuite") == ["cpython"]


@pytest.mark.parametrize(("name", "status", "message"), [
    ("basics/hello [unix]", "passed", "PASS: matches the reference"),
    ("json/spaces [unix]", "passed", "KNOWN-DIFF: MicroPython's json.dumps writes non-ASCII"),
    ("json/broken [unix]", "failed", "FAIL: line "),
    ("basics/only_cpython [unix]", "skipped", "UNSUPPORTED: spec runs only on cpython"),
])
def test_status_and_message_follow_the_verdict(run, name, status, message):
    project, _proc = run
    result = _results(project)[name]
    assert result["status"] == status
    assert result["statusDetails"]["message"].startswith(message)


def test_attachments_expected_actual_and_diff(run):
    project, _proc = run
    results = _results(project)
    spaces = results["json/spaces [unix]"]
    expected, path = _attachment(project, spaces, "expected")
    assert expected["type"] == "text/plain" and path.read_text() == '"\\u00e9"\n'
    _actual, path = _attachment(project, spaces, "actual")
    assert path.read_text() == '"é"\n'
    _diff, path = _attachment(project, spaces, "diff")
    assert '-"\\u00e9"' in path.read_text() and '+"é"' in path.read_text()
    hello = results["basics/hello [unix]"]
    assert {a["name"] for a in hello["attachments"]} == {"expected", "actual"}  # no diff when equal


def test_environment_and_one_category_per_verdict(run):
    project, _proc = run
    folder = project.root / "results" / "allure-results"
    env = dict(line.split("=", 1) for line in (folder / "environment.properties").read_text().splitlines())
    assert env["rig"] == "mini" and env["run.id"] == "r1"
    assert env["target.unix"].startswith("micropython")
    cats = json.loads((folder / "categories.json").read_text())
    assert cats == categories()
    assert [c["name"] for c in cats] == ["PASS", "FAIL", "KNOWN-DIFF", "STALE-DIFF", "UNSUPPORTED",
                                         "RESOURCE", "TIMEOUT", "CRASH", "INFRA", "FLAKY", "NOT-RUN"]
    by_name = {c["name"]: c for c in cats}
    assert by_name["INFRA"]["matchedStatuses"] == ["broken"]
    assert by_name["TIMEOUT"]["matchedStatuses"] == ["failed"]


def test_junit_names_the_verdict(run):
    project, _proc = run
    root = ET.parse(project.root / "results" / "junit.xml").getroot()
    cases = {case.get("name"): case for case in root.iter("testcase")}
    broken = cases["broken[unix]"]
    assert broken.find("failure").get("message").startswith("FAIL: line ")
    assert broken.find("properties/property[@name='verdict']").get("value") == "FAIL"
    skipped = cases["only_cpython[unix]"].find("skipped")
    assert skipped.get("message").startswith("UNSUPPORTED: ")


def test_plot_named_in_measurements_is_attached(run):
    """A stored result's waveform plot (from the scope checks) is attached as a PNG.

    The row is given a plot in the store, and the run is resumed: every item is replayed
    from the store, so the Allure results are rendered from the stored rows.
    """
    project, _proc = run
    (project.root / "results" / "plots").mkdir(exist_ok=True)
    (project.root / "results" / "plots" / "hello.png").write_bytes(PNG)
    measurements = {"scope": {"frequency_hz": 1000.0, "plot": "plots/hello.png"}}
    with sqlite3.connect(project.root / "results" / "harness.sqlite") as db:
        db.execute("UPDATE results SET measurements = ? WHERE spec_id = 'basics/hello' AND target = 'unix'",
                   (json.dumps(measurements),))
        db.execute("UPDATE runs SET finished = NULL")
    proc = project.harness("run", "--resume")
    assert "resumed run r1: 8 results taken from the store" in proc.stdout, proc.stdout[-2000:]
    hello = _results(project)["basics/hello [unix]"]
    plot, path = _attachment(project, hello, "scope.plot")
    assert plot["type"] == "image/png" and path.read_bytes() == PNG
    _m, path = _attachment(project, hello, "measurements")
    assert json.loads(path.read_text()) == measurements


def test_plot_paths_are_found_under_plot_keys_only():
    found = list(plot_paths({"scope": {"plot": "a.png", "freq": 3, "note": "b.png"},
                             "plots": ["c.png", "d.svg"], "waveform_plot": "e.PNG"}))
    assert found == [("scope.plot", "a.png"), ("plots[0]", "c.png"), ("waveform_plot", "e.PNG")]


@pytest.mark.slow
def test_allure_generate_builds_the_html_report(run):
    project, _proc = run
    (project.root / "node_modules").symlink_to(REPO / "node_modules")  # the repository's npm packages
    proc = project.harness("allure", timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = project.root / "results" / "allure-report"
    assert (report / "index.html").exists()
    summary = json.loads((report / "widgets" / "summary.json").read_text())
    assert summary["statistic"]["total"] == 8
    assert summary["statistic"]["failed"] == 1 and summary["statistic"]["skipped"] == 1
    categories_widget = json.loads((report / "widgets" / "categories.json").read_text())
    names = {item["name"]: item for item in categories_widget["items"]}
    assert {"PASS", "KNOWN-DIFF", "FAIL", "UNSUPPORTED"} <= set(names)
    assert names["FAIL"]["statistic"]["failed"] == 1
    # Every attachment is in the report under its own name (Allure keys them by file: two
    # results naming one file would show it under one name twice).
    for case in (report / "data" / "test-cases").glob("*.json"):
        data = json.loads(case.read_text())
        attachments = data.get("testStage", {}).get("attachments", [])
        names = [a["name"] for a in attachments]
        assert len(set(names)) == len(names), (data["name"], names)
        if data["name"] == "basics/hello [unix]":
            assert names[:2] == ["expected", "actual"]
        for attachment in attachments:
            assert (report / "data" / "attachments" / attachment["source"]).is_file()
    # A second report carries the first one's history over (Allure's trend charts).
    again = project.harness("allure", timeout=600)
    assert again.returncode == 0
    assert (project.root / "results" / "allure-results" / "history" / "history.json").exists()


def test_allure_results_that_cannot_be_written_are_one_line_and_lose_nothing(tmp_path):
    """The Allure folder is a file: the run says so in one line naming it and exits 2, and
    every result is in the store and in the other reports."""
    project = Project(tmp_path / "proj")
    project.spec("basics/hello.py", "print('hello')\n")
    (project.root / "results").mkdir()
    (project.root / "results" / "allure-results").write_text("in the way\n")
    proc = project.harness("run", "--run-id", "blocked")
    assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if "Allure results" in line]
    assert len(lines) == 1 and "allure-results" in lines[0] and "Traceback" not in proc.stderr
    with sqlite3.connect(project.root / "results" / "harness.sqlite") as db:
        verdicts = db.execute("SELECT target, verdict FROM results WHERE run_id = 'blocked'").fetchall()
    assert sorted(verdicts) == [("cpython", "PASS"), ("unix", "PASS")]
    assert json.loads((project.root / "results" / "matrix.json").read_text())["run"]["id"] == "blocked"
    assert ET.parse(project.root / "results" / "junit.xml").getroot().find("testsuite").get("tests") == "2"


def test_a_plain_pytest_run_writes_allure_through_allure_pytest(tmp_path):
    """Without --harness-store-reports, allure-pytest writes the files, filled from the rows."""
    project = Project(tmp_path / "proj")
    project.spec("basics/hello.py", "print('hello')\n", header="# tags: core\n")
    proc = project.pytest("specs", f"--alluredir={project.root / 'plain-allure'}", "--harness-run-id=p1")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    found = {}
    for path in (project.root / "plain-allure").glob("*-result.json"):
        data = json.loads(path.read_text())
        found[data["name"]] = data
    assert sorted(found) == ["basics/hello [cpython]", "basics/hello [unix]"]
    hello = found["basics/hello [unix]"]
    assert hello["status"] == "passed" and hello["statusDetails"]["message"].startswith("PASS: ")
    assert _labels(hello, "severity") == ["critical"] and _labels(hello, "verdict") == ["PASS"]
    assert {a["name"] for a in hello["attachments"]} == {"expected", "actual"}
