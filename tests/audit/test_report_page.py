"""The audit report's page in headless Chromium, and its PDF."""

from __future__ import annotations

import pytest
from audit_support import LOCK_ALLOC, LOCK_OK, AuditProject, add_audit_files
from browser import browser, file_url, page_errors  # noqa: F401  (fixture)

from harness.audit.report import chromium, print_pdf

pytestmark = pytest.mark.slow

PROFILE = """\
profile: t
phase: flight
runs: 4
targets:
  - target: unix
specs: [determinism]
requirements:
  - {id: NOHEAP, check: no-heap-alloc}
  - {id: FAST, check: budget, specs: [determinism/lock_ok], metric: spec.loop_us, budget: 1.0e+9, unit: us,
     resource: deadline}
deviations:
  - {requirement: NOHEAP, justification: the allocating spec is a known bad example}
signoff: {reviewer: "", date: ""}
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    project = AuditProject(tmp_path_factory.mktemp("page") / "proj")
    add_audit_files(project.root, PROFILE, {"lock_ok": (LOCK_OK, "sum 19900\n"),
                                            "lock_alloc": (LOCK_ALLOC, "done\n")})
    proc = project.harness("audit", "--profile", "t", "--no-pdf")
    assert proc.returncode == 0, proc.stderr  # the failing requirement is a documented deviation
    return project.root / "results" / "audit" / "t.html"


def test_page_shows_the_first_page_metadata_and_every_section(browser, report):  # noqa: F811
    browser.get(file_url(report))
    assert page_errors(browser) == []
    assert browser.title == "Determinism and timing audit: t"
    first = browser.find_element("id", "metadata").text
    for label in ("Harness version", "micropython-harness", "Run", "Date", "Rig", "Profile", "sha256",
                  "Target unix", "firmware", "Instruments", "Host"):
        assert label in first, label
    assert browser.find_element("id", "result-status").text == "requirements met"
    assert "observed" in browser.find_element("id", "wording").text
    headings = [h.text for h in browser.find_elements("css selector", "h2")]
    assert len(headings) == 20 and headings[0].startswith("1. Configuration")
    assert headings[-1].startswith("20. Deviations and sign-off")
    images = browser.find_elements("css selector", "img.plot")
    assert images and all(browser.execute_script("return arguments[0].naturalWidth", i) > 0 for i in images)
    trace = browser.find_element("id", "traceability").text
    assert "NOHEAP" in trace and "determinism/lock_alloc" in trace
    assert "allocates under heap lock" in browser.find_element("id", "heap-lock").text
    assert "guaranteed" not in browser.find_element("tag name", "body").text


def test_page_is_print_ready(browser, report):  # noqa: F811
    browser.get(file_url(report))
    media = browser.execute_script(
        "return [...document.styleSheets].flatMap(s => [...s.cssRules])"
        ".filter(r => r.media).map(r => r.media.mediaText)")
    assert "print" in media
    assert browser.execute_script("return document.querySelectorAll('#signoff tr').length") >= 3


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_pdf(report, tmp_path):
    pdf = tmp_path / "t.pdf"
    assert print_pdf(report, pdf) is None
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10000
