"""The compatibility matrix page, rendered from a real store and checked in headless Chromium."""

import json

import pytest
from browser import browser, file_url, page_errors  # noqa: F401  (fixtures)

from harness.features import Feature
from harness.records import Expected, Outcome, Result, RunRecord, Verdict
from harness.report.matrix import build_matrix, matrix_schema
from harness.report.matrix_page import render_markdown, write_pages
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
