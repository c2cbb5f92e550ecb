"""The dashboard page: a rig's runs over time, rendered from a real store, checked in Chromium."""

import pytest
from browser import browser, file_url, page_errors, serve  # noqa: F401  (fixtures)

from harness.records import Outcome, Result, RunRecord, Verdict
from harness.report.dashboard import dashboard_data, write_dashboard
from harness.store import Store

# run -> spec -> (cpython verdict, unix verdict); the last run breaks "b" on unix.
RUNS = {
    "run-1": {"a": ("PASS", "PASS"), "b": ("PASS", "PASS")},
    "run-2": {"a": ("PASS", "PASS"), "b": ("PASS", "KNOWN-DIFF")},
    "run-3": {"a": ("PASS", "PASS"), "b": ("PASS", "FAIL")},
}


def fill(store: Store, rig: str = "lab") -> None:
    for n, (run_id, specs) in enumerate(RUNS.items()):
        started = 1_750_000_000 + n * 86_400
        store.begin_run(RunRecord(run_id, rig, "0", {}, started))
        for spec, verdicts in specs.items():
            for target, verdict in zip(("cpython", "unix"), verdicts, strict=True):
                outcome = Outcome(stdout="x\n", duration_s=0.01 * (n + 1))
                store.add_result(Result(run_id, f"s/{spec}", "language.basics", target, "bytecode",
                                        Verdict(verdict), f"because {verdict}", outcome, None, None, {},
                                        started, started + 1))
        store.finish_run(run_id, started + 60)


def test_dashboard_data_rates_and_changes(tmp_path):
    store = Store(tmp_path / "h.sqlite")
    fill(store)
    data = dashboard_data(store, "lab")
    assert [r["id"] for r in data["runs"]] == ["run-3", "run-2", "run-1"]
    assert data["runs"][0]["rates"] == {"cpython": 100.0, "unix": 50.0}
    assert data["runs"][1]["rates"] == {"cpython": 100.0, "unix": 100.0}  # KNOWN-DIFF counts as good
    assert data["changes"] == {"new failures": ["s/b [unix] KNOWN-DIFF -> FAIL: because FAIL"]}
    assert set(data["plots"]) == {"pass_rate", "verdicts", "durations"}
    assert all(svg.startswith("<svg") for svg in data["plots"].values())


def test_dashboard_without_runs(tmp_path):
    path = write_dashboard(Store(tmp_path / "h.sqlite"), "lab", tmp_path / "out")
    assert "No runs of this rig are stored yet" in path.read_text()


@pytest.mark.slow
def test_dashboard_in_chromium(tmp_path, browser, serve):  # noqa: F811
    store = Store(tmp_path / "h.sqlite")
    fill(store)
    store.begin_run(RunRecord("run-4", "lab", "0", {}, 1_750_000_000 + 4 * 86_400))  # killed: unfinished
    path = write_dashboard(store, "lab", tmp_path / "out")
    from selenium.webdriver.common.by import By

    for url in (file_url(path), serve(path.parent) + "/dashboard.html"):
        browser.get(url)
        assert browser.title == "Dashboard: rig lab"
        rows = browser.find_elements(By.CSS_SELECTOR, "#pass-rates tbody tr")
        assert [r.get_attribute("data-run") for r in rows] == ["run-4", "run-3", "run-2", "run-1"]
        assert "unfinished" in rows[0].text and "unfinished" not in rows[1].text
        unix = [r.find_element(By.CSS_SELECTOR, "td.rate[data-target='unix']").text for r in rows[1:]]
        assert unix == ["50.0%", "100.0%", "100.0%"]
        assert "FAIL 1" in rows[1].text
        for name in ("pass_rate", "verdicts", "durations"):
            svg = browser.find_element(By.CSS_SELECTOR, f"#plot-{name} svg")
            assert svg.size["width"] > 300 and svg.size["height"] > 100, name
        pass_rate = browser.find_element(By.CSS_SELECTOR, "#plot-pass_rate svg").text
        assert "cpython" in pass_rate and "unix" in pass_rate  # the legend is text, not paths
        # The unfinished run-4 is not compared: run-3 is, against run-2.
        changes = browser.find_element(By.ID, "changes").text
        assert "new failures" in changes and "s/b [unix] KNOWN-DIFF -> FAIL" in changes
        assert page_errors(browser) == []
