"""What a lab needs to see beside the verdicts: FLAKY items with their rates, quarantined items,
and targets taken out of the run. One view from stored rows and run info, rendered for the
terminal, the matrix (JSON and page) and the nightly report.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.markup import escape

from harness.records import FAILING, Verdict

FAILING_VALUES = frozenset(v.value for v in FAILING)
MAX_LISTED = 40


def _item(row: dict[str, Any]) -> dict[str, Any]:
    return {"spec_id": row["spec_id"], "feature": row["feature"], "target": row["target"],
            "mode": row["mode"], "verdict": row["verdict"], "reason": row["reason"]}


def flaky_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """FLAKY items: attempts disagreed in this run, or history says so (with its rate)."""
    found = []
    for row in rows:
        if row["verdict"] != Verdict.FLAKY.value:
            continue
        entry = _item(row)
        evidence = row.get("flaky") or {}
        entry["observed"] = row.get("observed") or row["verdict"]
        entry["rate"] = evidence.get("rate")
        entry["flips"] = evidence.get("flips")
        entry["runs"] = len(evidence.get("verdicts") or ()) or None
        entry["attempts"] = [a.get("verdict") for a in row.get("attempt_log") or ()]
        found.append(entry)
    return sorted(found, key=lambda e: (-(e["rate"] or 0), e["spec_id"], e["target"]))


def quarantined_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items a quarantine entry covers, whatever their verdict (a pass says the entry may go)."""
    found = []
    for row in rows:
        entry = row.get("quarantine")
        if entry:
            found.append({**_item(row), "where": entry.get("where", ""), "expires": entry.get("expires", ""),
                          "quarantine_reason": entry.get("reason", "")})
    return sorted(found, key=lambda e: (e["verdict"] not in FAILING_VALUES, e["spec_id"], e["target"]))


def offline_targets(run: dict[str, Any]) -> list[dict[str, Any]]:
    """Targets taken out of the run, and why (from the run's info)."""
    offline = (run.get("info") or {}).get("offline") or {}
    return [{"target": name, "reason": entry.get("reason", ""), "at_spec": entry.get("at_spec")}
            for name, entry in sorted(offline.items())]


def lab_view(run: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"flaky": flaky_rows(rows), "quarantined": quarantined_rows(rows), "offline": offline_targets(run)}


def _where(entry: dict[str, Any]) -> str:
    mode = f" {entry['mode']}" if entry["mode"] != "bytecode" else ""
    return f"{entry['spec_id']} [{entry['target']}{mode}]"


def describe_flaky(entry: dict[str, Any]) -> str:
    where = _where(entry)
    if entry.get("rate") is not None:
        how = (f"flip rate {entry['rate']:.0%} ({entry['flips']} flips in {entry['runs']} runs), "
               f"{entry['observed']} now")
    else:
        how = "attempts disagree: " + ", ".join(entry.get("attempts") or ())
    return f"{where} {how}"


def describe_quarantined(entry: dict[str, Any]) -> str:
    return (f"{_where(entry)} {entry['verdict']}, quarantined until {entry['expires']} "
            f"({entry['where']}: {entry['quarantine_reason']})")


def describe_offline(entry: dict[str, Any]) -> str:
    at = f" (at {entry['at_spec']})" if entry.get("at_spec") else ""
    return f"{entry['target']}{at}: {entry['reason']}"


def render_lab(view: dict[str, Any], width: int = 120, color: bool = False) -> str:
    """The terminal's lab section; empty when there is nothing to say."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False)
    sections = (
        ("offline", "targets taken out of the run", "bold red", describe_offline),
        ("flaky", "FLAKY (not failing the run; a consistent failure is reported as such)", "yellow",
         describe_flaky),
        ("quarantined", "quarantined (reported, not failing the run)", "magenta", describe_quarantined),
    )
    for key, title, style, describe in sections:
        entries = view[key]
        if not entries:
            continue
        console.print(f"[{style}]{title} ({len(entries)}):[/]")
        for entry in entries[:MAX_LISTED]:
            console.print(f"  {escape(describe(entry))}", soft_wrap=False, overflow="ellipsis", no_wrap=True)
        if len(entries) > MAX_LISTED:
            console.print(f"  ... and {len(entries) - MAX_LISTED} more")
    return buffer.getvalue()
