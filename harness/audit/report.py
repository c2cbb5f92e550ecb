"""The audit report's files in ``results/audit/``: ``<profile>.json`` (the document, schema
checked), ``<profile>.html`` (one self-contained page, print-ready) and ``<profile>.pdf``
(the page printed by headless Chromium, when Chromium is installed)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, Undefined, select_autoescape

from harness.audit import plots
from harness.audit.document import validate_document
from harness.audit.evidence import TIMING_UNITS
from harness.audit.profile import PHASES
from harness.audit.stats import MMU_WINDOWS_MS

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")
PDF_TIMEOUT_S = 120
STATUS_TEXT = {"pass": "requirements met", "fail": "requirements not met", "incomplete": "incomplete audit"}
RESTART_TEXT = {"none": "the target's own reset (soft reset, or a fresh interpreter)",
                "run": "a cold emulator start before every run",
                "boot": "a cold boot before every run, the spec built into the firmware as its boot script"}


def _num(value: Any) -> str:
    """A figure for people: thousands separated, 4 significant digits for fractions."""
    if value is None or isinstance(value, Undefined | bool) or not isinstance(value, int | float):
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return f"{int(value):,}"


def _pct(value: Any) -> str:
    if value is None or isinstance(value, Undefined):
        return ""
    return f"{float(value):.0%}" if float(value) * 100 % 1 == 0 else f"{float(value):.1%}"


def _idlist(ids: list[int]) -> str:
    """``1,2,3,7`` -> ``1-3, 7``."""
    ids = sorted(set(ids))
    parts, start = [], None
    for index, value in enumerate(ids):
        if start is None:
            start = value
        if index + 1 == len(ids) or ids[index + 1] != value + 1:
            parts.append(str(start) if start == value else f"{start}-{value}")
            start = None
    return ", ".join(parts)


def _basis_key(name: str) -> str:
    prefix = name.split(".")[0]
    return f"{prefix}.*" if prefix in ("spec", "mem", "scope") else name


def _plotted(name: str, metric: dict[str, Any], names: set[str]) -> bool:
    if metric["unit"] not in TIMING_UNITS or metric["stats"].get("n", 0) < 2:
        return False
    if name.startswith("spec.") or name == "emu.instructions":
        return True
    return name == "host.duration_ms" and "emu.instructions" not in names


def _embedded_png(path: str, folders: list[Path]) -> str | None:
    """A plot file the instruments wrote (relative to the results folder), as a data URI."""
    for folder in folders:
        candidate = Path(path) if Path(path).is_absolute() else folder / path
        if candidate.is_file() and candidate.suffix.lower() == ".png":
            return "data:image/png;base64," + base64.b64encode(candidate.read_bytes()).decode("ascii")
    return None


def render_html(document: dict[str, Any], json_name: str, results: Path | None = None) -> str:
    figure_plots: dict[tuple[str, str, str], str] = {}
    waveform_plots: dict[tuple[str, str], list[str]] = {}
    bases: dict[str, str] = {}
    for spec in document["specs"]:
        names = set(spec["metrics"])
        for name, metric in spec["metrics"].items():
            bases.setdefault(_basis_key(name), metric["basis"])
            if _plotted(name, metric, names):
                figure_plots[(spec["spec_id"], spec["target"], name)] = plots.distribution(
                    metric, f"{spec['spec_id']} on {spec['target']}: {name} ({metric['unit']}), "
                            f"N={metric['stats']['n']}")
        waveform_plots[(spec["spec_id"], spec["target"])] = [
            plots.waveform(w, f"{spec['spec_id']} on {spec['target']} {w.get('label', '')}")
            for w in spec.get("waveforms", [])]
        if results is not None:  # the scope's own plots of the last runs (not every run: size)
            found = [_embedded_png(p, [results]) for p in spec.get("scope_plots", [])[-2:]]
            waveform_plots[(spec["spec_id"], spec["target"])] += [f for f in found if f]
    budget_plots = {}
    for requirement in document["requirements"]:
        if requirement["check"] == "budget":
            figures = {f"{c['target']}: {spec}": f for c in requirement["checks"]
                       for spec, f in c["figures"].items()}
            if figures:
                budget_plots[requirement["id"]] = plots.budget_bar(figures, f"{requirement['id']} "
                                                                   f"({requirement['metric']})")
    env = Environment(loader=PackageLoader("harness.audit", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.tests["startswith"] = lambda value, prefix: str(value).startswith(prefix)
    sections = [("s-config", "Configuration"), ("s-env", "Environment and emulation"),
                ("s-basis", "Basis of the figures"), ("s-margins", "Margin policy and Pass/Fail"),
                ("s-size", "Code and data size"), ("s-stack", "Stack"), ("s-heap", "Heap"),
                ("s-nolock", "Heap-locked sections"), ("s-churn", "Churn and fragmentation"),
                ("s-gc", "GC pauses"), ("s-mmu", "Mutator utilisation"), ("s-timing", "Timing per spec"),
                ("s-budget", "Worst case against budget"), ("s-raw", "Raw samples"),
                ("s-iid", "i.i.d. tests and pWCET"), ("s-repro", "Reproducibility"),
                ("s-scope", "Scope timing"), ("s-conc", "Concurrency"), ("s-trace", "Traceability"),
                ("s-signoff", "Deviations and sign-off")]
    features = {s["spec_id"]: s["feature"] for s in document["specs"]}
    return env.get_template("audit.html.j2").render(
        doc=document, json_name=json_name, plots=figure_plots, waveform_plots=waveform_plots,
        budget_plots=budget_plots, bases=bases, features=features, phases=PHASES, sections=sections,
        mmu_windows=[f"{w:g}ms" for w in MMU_WINDOWS_MS], status_text=STATUS_TEXT, restart_text=RESTART_TEXT,
        num=_num, pct=_pct, idlist=_idlist)


def chromium() -> str | None:
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html: Path, pdf: Path) -> str | None:
    """Print the page with headless Chromium; returns why not, or None when done."""
    binary = chromium()
    if binary is None:
        return "no Chromium on this machine: the page itself is print-ready"
    with tempfile.TemporaryDirectory(prefix="harness-chromium-") as profile:
        tmp = pdf.with_suffix(".pdf.tmp")
        argv = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                f"--print-to-pdf={tmp}", html.resolve().as_uri()]
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=PDF_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return f"Chromium did not print within {PDF_TIMEOUT_S} s"
        if proc.returncode != 0 or not tmp.exists() or tmp.stat().st_size == 0:
            tmp.unlink(missing_ok=True)
            return f"Chromium could not print: {(proc.stderr.strip().splitlines() or ['?'])[-1]}"
        os.replace(tmp, pdf)
    return None


def write_report(document: dict[str, Any], out_dir: Path, pdf: bool = True) -> dict[str, Any]:
    """Write the JSON, the page and (if asked and possible) the PDF; returns their paths."""
    validate_document(document)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = document["audit"]["profile"]
    json_path, html_path, pdf_path = (out_dir / f"{name}{ext}" for ext in (".json", ".html", ".pdf"))
    _atomic(json_path, json.dumps(document, indent=1, default=str) + "\n")
    _atomic(html_path, render_html(document, json_path.name, out_dir.parent))
    written: dict[str, Any] = {"json": json_path, "html": html_path, "pdf": None, "pdf_note": None}
    if pdf:
        note = print_pdf(html_path, pdf_path)
        written["pdf" if note is None else "pdf_note"] = pdf_path if note is None else note
    return written


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
