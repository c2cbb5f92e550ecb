"""The compatibility matrix page, rendered from a real store and checked in headless Chromium."""

import json

import pytest
from browser import browser, file_url, page_errors  # noqa: F401  (fixtures)

from harness.features import Feature
from harness.records import Expected, Outcome, Result, RunRecord, Verdict
from harness.report.matrix import build_matrix, matrix_schema
from harness.report.matrix_page import render_markdown, write_pages
from harness.report.terminal import problem_rows, render_summary
from harness.store import Store

FEATURES = {
    "language.closures.capture": Feature("language.closures.capture", "closures", "language",
                                         "reference/executionmodel.html"),
    "stdlib.json.dumps": Feature("stdlib.json.dumps", "json.dumps", "stdlib", "library/json.html"),
}
# spec -> feature, expected output, {target: (verdict, actual output, baseline reason)}
ROWS = {
    "language/closures/capture_basic": ("language.closures.capture", "1\n2\n", {
        "cpython": ("PASS", "1\n2\n", None), "unix": ("PASS", "1\n2\n", None)}),
    "stdlib/json/dumps_non_ascii": ("stdlib.json.dumps", '"\\u00e9"\n', {
        "cpython": ("PASS", '"\\u00e9"\n', None),
        "unix": ("KNOWN-DIFF", '"é"\n', "MicroPython writes non-ASCII characters as they are")}),
    "stdlib/json/dumps_bad": ("stdlib.json.dumps", "TypeError\n", {
        "cpython": ("PASS", "TypeError\n", None), "unix": ("FAIL", "{1, 2}\n", None)}),
}


@pytest.fixture
def pages(tmp_path):
    store = Store(tmp_path / "h.sqlite")
    store.begin_run(RunRecord("run-1", "lab", "0.1", {"cpython": {}, "unix": {}}, 1_750_000_000))
    for spec, (feature, expected, cells) in ROWS.items():
        for target, (verdict, actual, reason) in cells.items():
            store.add_result(Result(
                "run-1", spec, feature, target, "bytecode", Verdict(verdict), f"{verdict} reason",
                Outcome(stdout=actual, duration_s=0.001), Expected(stdout=expected), reason, {},
                1_750_000_000, 1_750_000_001))
    store.finish_run("run-1", 1_750_000_100)
    matrix = build_matrix(store, "run-1", FEATURES)
    html, md = write_pages(store, "run-1", matrix, tmp_path / "out")
    return matrix, html, md


def test_matrix_json_and_markdown(pages):
    import jsonschema

    matrix, _html, md = pages
    jsonschema.validate(json.loads(json.dumps(matrix)), matrix_schema())
    text = md.read_text()
    assert text == render_markdown(matrix)
    assert "| `stdlib.json.dumps` json.dumps | stdlib | 2/2 | 1/2 (1 FAIL) |" in text


@pytest.mark.slow
def test_filters_and_diff_view_in_chromium(browser, pages):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _matrix, html, _md = pages
    browser.get(file_url(html))
    rows = browser.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
    assert [r.get_attribute("data-feature") for r in rows] == list(FEATURES)
    visible = lambda: [r.get_attribute("data-feature") for r in rows if r.is_displayed()]  # noqa: E731

    Select(browser.find_element(By.ID, "area-filter")).select_by_value("language")
    assert visible() == ["language.closures.capture"]
    Select(browser.find_element(By.ID, "area-filter")).select_by_value("")
    Select(browser.find_element(By.ID, "verdict-filter")).select_by_value("FAIL")
    assert visible() == ["stdlib.json.dumps"]
    assert browser.find_element(By.ID, "shown-count").text == "1 of 2 features"
    Select(browser.find_element(By.ID, "verdict-filter")).select_by_value("")

    cell = browser.find_element(By.CSS_SELECTOR,
                                'tr[data-feature="stdlib.json.dumps"] td[data-target="unix"]')
    assert cell.text == "1/2"
    cell.click()
    detail = browser.find_element(By.ID, "detail")
    assert "stdlib.json.dumps on unix" in detail.text
    failed = detail.find_element(By.CSS_SELECTOR, '.result[data-verdict="FAIL"]')
    assert failed.find_element(By.CSS_SELECTOR, "pre.expected").text == "TypeError"
    assert failed.find_element(By.CSS_SELECTOR, "pre.actual").text == "{1, 2}"
    diff = failed.find_element(By.CSS_SELECTOR, "pre.diff").text
    assert "-TypeError" in diff and "+{1, 2}" in diff
    known = detail.find_element(By.CSS_SELECTOR, '.result[data-verdict="KNOWN-DIFF"]')
    assert "baseline: MicroPython writes non-ASCII characters as they are" in known.text
    assert page_errors(browser) == []


# One spec, two modes of one target: bytecode passes, the .mpy run differs (harness.firmware.mpy).
MODE_ROWS = {("unix", "bytecode"): ("PASS", "0.33333334\n"), ("unix", "mpy"): ("FAIL", "0.3333333\n"),
             ("cpython", "bytecode"): ("PASS", "0.33333334\n")}


@pytest.fixture
def mode_pages(tmp_path):
    store = Store(tmp_path / "h.sqlite")
    identities = {"cpython": {}, "unix": {"firmware": "x"}}
    store.begin_run(RunRecord("run-m", "lab", "0.1", identities, 1_750_000_000))
    for (target, mode), (verdict, actual) in MODE_ROWS.items():
        store.add_result(Result(
            "run-m", "language/floats/third", "language.closures.capture", target, mode, Verdict(verdict),
            f"{verdict} in {mode}", Outcome(stdout=actual, duration_s=0.001), Expected(stdout="0.33333334\n"),
            None, {}, 1_750_000_000, 1_750_000_001))
    matrix = build_matrix(store, "run-m", FEATURES)
    html, md = write_pages(store, "run-m", matrix, tmp_path / "out")
    return store, matrix, html, md


def test_each_mode_is_a_column_of_its_own(mode_pages):
    import jsonschema

    store, matrix, _html, md = mode_pages
    jsonschema.validate(json.loads(json.dumps(matrix)), matrix_schema())
    assert [(t["name"], t["target"], t["mode"]) for t in matrix["targets"]] == [
        ("cpython", "cpython", "bytecode"), ("unix", "unix", "bytecode"), ("unix-mpy", "unix", "mpy")]
    assert matrix["targets"][2]["identity"] == {"firmware": "x"}  # the target's own identity
    assert matrix["features"][0]["cells"] == {"cpython": {"PASS": 1}, "unix": {"PASS": 1},
                                              "unix-mpy": {"FAIL": 1}}
    assert matrix["totals"]["unix-mpy"] == {"FAIL": 1}
    assert "| `language.closures.capture` closures | language | 1/1 | 1/1 | 0/1 (1 FAIL) |" in md.read_text()
    assert store.verdict_counts(["run-m"])["run-m"] == {
        "cpython": {"PASS": 1}, "unix": {"PASS": 1}, "unix-mpy": {"FAIL": 1}}
    assert "language/floats/third [unix-mpy] FAIL in mpy" in render_summary(
        matrix, problem_rows(store.results("run-m")), width=200)


@pytest.mark.slow
def test_a_mode_cell_shows_that_modes_results_in_chromium(browser, mode_pages):  # noqa: F811
    from selenium.webdriver.common.by import By

    _store, _matrix, html, _md = mode_pages
    browser.get(file_url(html))
    cell = browser.find_element(By.CSS_SELECTOR, 'td[data-target="unix-mpy"]')
    assert cell.text == "0/1"
    cell.click()
    detail = browser.find_element(By.ID, "detail")
    assert "language.closures.capture on unix-mpy" in detail.text
    results = detail.find_elements(By.CSS_SELECTOR, ".result")
    assert [r.get_attribute("data-verdict") for r in results] == ["FAIL"]
    assert "(mpy)" in results[0].text
    browser.find_element(By.CSS_SELECTOR, 'td[data-target="unix"]').click()
    results = browser.find_element(By.ID, "detail").find_elements(By.CSS_SELECTOR, ".result")
    assert [r.get_attribute("data-verdict") for r in results] == ["PASS"]
    assert page_errors(browser) == []
