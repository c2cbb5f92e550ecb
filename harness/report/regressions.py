"""The regression report of a nightly run: terminal, ``regressions.json`` and ``regressions.md``.

All three render one dict built from a Comparison (see harness/report/compare.py); its JSON
schema is ``harness/schemas/regressions.schema.json``.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader

from harness.report.compare import Comparison

SCHEMA_ID = "micropython-harness/regressions"
SCHEMA_VERSION = 1
MAX_LISTED = 50  # items per section on the terminal and in Markdown (JSON has them all)
SECTIONS = (  # (key, title, style); the first three and failed audits make a regression
    ("new_failures", "new failures", "bold red"),
    ("new_stale_diffs", "new STALE-DIFFs (update the baseline)", "yellow"),
    ("timing", "slower", "magenta"),
    ("fixes", "fixed", "green"),
    ("changed", "other verdict changes", "cyan"),
    ("removed", "no longer run", "dim"),
)


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds") if stamp else None


def _run(run: dict[str, Any]) -> dict[str, Any]:
    return {"id": run["id"], "rig": run["rig"], "kind": run["info"].get("kind", "run"),
            "started": _iso(run["started"]), "finished": _iso(run["finished"])}


def build_report(comparison: Comparison, run: dict[str, Any], previous: dict[str, Any] | None,
                 audits: list[dict[str, Any]] | None = None,
                 lab: dict[str, Any] | None = None) -> dict[str, Any]:
    """``lab``: FLAKY, quarantined and offline lists (harness.report.labops.lab_view)."""
    data = comparison.as_dict()
    audits = audits or []
    lab = lab or {}
    return {
        "schema": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        "run": _run(run),
        "previous": _run(previous) if previous else None,
        "regression": comparison.regression or any(not a["ok"] for a in audits),
        "summary": {
            **{name: len(data[name]) for name, _title, _style in SECTIONS},
            "added": comparison.added,
        },
        "rule": data["rule"],
        **{name: data[name] for name, _title, _style in SECTIONS},
        "audits": audits,
        "flaky": lab.get("flaky", []),
        "quarantined": lab.get("quarantined", []),
        "offline": lab.get("offline", []),
    }


def write_report(report: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    """Write ``regressions.json`` and ``regressions.md`` (atomically) and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = (out_dir / "regressions.json", out_dir / "regressions.md")
    for path, text in zip(paths, (json.dumps(report, indent=1) + "\n", render_markdown(report)),
                          strict=True):
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return paths


def describe(entry: dict[str, Any]) -> str:
    """One line for one changed item."""
    where = f"{entry['spec_id']} [{entry['target']}" + (
        f" {entry['mode']}]" if entry["mode"] != "bytecode" else "]")
    if "now_s" in entry:
        ratio = f"x{entry['ratio']:.1f}" if entry["ratio"] is not None else "from 0"
        return (f"{where} {entry['baseline_s'] * 1000:.1f} ms -> {entry['now_s'] * 1000:.1f} ms "
                f"({ratio}, median of {entry['samples']} run(s))")
    before = entry["before"] or "new"
    now = entry["now"] or "gone"
    reason = f": {entry['reason']}" if entry["reason"] and entry["now"] != "PASS" else ""
    return f"{where} {before} -> {now}{reason}"


def headline(report: dict[str, Any]) -> str:
    run, previous = report["run"], report["previous"]
    against = f"compared with {previous['id']}" if previous else "no earlier run to compare with"
    verdict = "REGRESSION" if report["regression"] else "no regression"
    return f"{verdict}: run {run['id']} of rig {run['rig']}, {against}"


def render_terminal(report: dict[str, Any], width: int = 120, color: bool = False) -> str:
    from rich.console import Console
    from rich.markup import escape

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False)
    style = "bold red" if report["regression"] else "bold green"
    console.print(f"[{style}]{escape(headline(report))}[/]")
    summary = report["summary"]
    console.print(", ".join(f"{summary[name]} {title.split(' (')[0]}" for name, title, _ in SECTIONS)
                  + f", {summary['added']} new item(s)")
    for name, title, section_style in SECTIONS:
        entries = report[name]
        if not entries:
            continue
        console.print(f"[{section_style}]{title} ({len(entries)}):[/]")
        for entry in entries[:MAX_LISTED]:
            console.print(f"  {escape(describe(entry))}", soft_wrap=False, overflow="ellipsis", no_wrap=True)
        if len(entries) > MAX_LISTED:
            console.print(f"  ... and {len(entries) - MAX_LISTED} more (see regressions.json)")
    for audit in report["audits"]:
        mark = "[green]ok[/]" if audit["ok"] else "[bold red]FAILED[/]"
        console.print(f"audit {escape(audit['name'])}: {mark} {escape(audit['summary'])}")
    from harness.report.labops import render_lab

    lab = {key: report.get(key) or [] for key in ("flaky", "quarantined", "offline")}
    return buffer.getvalue() + render_lab(lab, width=width, color=color)


def render_markdown(report: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("harness.report", "templates"), autoescape=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["describe"] = describe
    from harness.report import labops

    env.filters["describe_flaky"] = labops.describe_flaky
    env.filters["describe_quarantined"] = labops.describe_quarantined
    env.filters["describe_offline"] = labops.describe_offline
    return env.get_template("regressions.md.j2").render(
        report=report, headline=headline(report), sections=SECTIONS, max_listed=MAX_LISTED)
