"""The whole audit: run (or take a stored run), judge against the profile, write the report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from harness.audit.allure import write_allure
from harness.audit.collect import run_audit, select_targets
from harness.audit.document import build_document
from harness.audit.profile import Profile, find_profile, load_profile, profile_specs
from harness.audit.report import _num, write_report
from harness.errors import HarnessError
from harness.rig import Rig
from harness.store import Store

EXIT_PASS, EXIT_SHORT, EXIT_INTERRUPTED = 0, 1, 130


@dataclass
class AuditResult:
    profile: Profile
    document: dict[str, Any]
    written: dict[str, Any]
    status: int

    @property
    def summary(self) -> str:
        result = self.document["result"]
        if result["status"] == "pass":
            left = self.document["audit"]["targets_left_out"]
            return (f"profile {self.profile.name}: every requirement met (or a documented deviation)"
                    + (f", targets left out: {', '.join(left)}" if left else ""))
        return f"profile {self.profile.name} {result['status']}: " + "; ".join(result["shortfalls"])


def audit(root: Path, rig: Rig, profile_name: str, runs: int | None = None, targets: list[str] | None = None,
          from_run: str | None = None, pdf: bool = True, allure: bool = True, argv: list[str] | None = None,
          console: Console | None = None, allow_firmware_mismatch: bool = False) -> AuditResult:
    console = console or Console(stderr=True)
    profile = load_profile(find_profile(profile_name, root))
    if from_run is None:
        specs = profile_specs(root, profile)
        plans = select_targets(profile, targets)
        run = run_audit(root, rig, profile, specs, plans, runs or profile.runs, argv or [], console,
                        allow_firmware_mismatch)
        run_id, interrupted = run.run_id, run.interrupted
    else:
        run_id, interrupted = from_run, False
    store = Store(rig.database)
    try:
        document = build_document(store, run_id, profile)
    finally:
        store.close()
    written = write_report(document, rig.results / "audit", pdf=pdf)
    if allure:
        written["allure"] = write_allure(document, rig.results / "allure-results")
    status = EXIT_INTERRUPTED if interrupted else (EXIT_PASS if document["result"]["status"] == "pass"
                                                   else EXIT_SHORT)
    return AuditResult(profile, document, written, status)


def print_summary(result: AuditResult, console: Console) -> None:
    """Per spec and target: verdicts, determinism, instruction count and the spec's timings."""
    table = Table(title=f"audit {result.profile.name} ({result.document['audit']['run_id']})")
    for column in ("target", "spec", "verdicts", "determinism", "instructions",
                   "timing (min / mean / max, N)"):
        table.add_column(column, overflow="fold")
    for spec in result.document["specs"]:
        repro = spec["reproducibility"]
        counts = repro.get("instructions")
        icount = ""
        if counts:
            icount = (f"{int(counts['min'])} x{counts['measured_runs']}" if counts["identical"]
                      else f"{int(counts['min'])}..{int(counts['max'])}")
        timings = []
        for name, metric in spec["metrics"].items():
            described = metric["stats"]
            if name.startswith("spec.") and metric["unit"] in ("us", "ms", "s") and described.get("n"):
                timings.append(f"{name[5:]} {_num(described['min'])} / {_num(described['mean'])} / "
                               f"{_num(described['max'])} {metric['unit']}, N={described['n']}")
        verdicts = ", ".join(f"{n} {v}" for v, n in sorted(spec["verdicts"].items()))
        table.add_row(spec["target"], spec["spec_id"], verdicts, repro["status"], icount, "\n".join(timings))
    console.print(table)
    for requirement in result.document["requirements"]:
        console.print(f"  {requirement['id']}: {requirement['status']}"
                      + (f" ({requirement['title']})" if requirement["title"] else ""))
    for key in ("json", "html", "pdf"):
        if result.written.get(key):
            console.print(f"  {key}: {result.written[key]}")
    if result.written.get("pdf_note"):
        console.print(f"  pdf: not written: {result.written['pdf_note']}")


def check_runs(runs: int | None) -> None:
    if runs is not None and runs < 1:
        raise HarnessError(f"--runs must be at least 1, not {runs}")
