"""The terminal summary of a run: verdict counts per target, per area, and what went wrong."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from harness.records import FAILING, VERDICT_ORDER, item_label

VERDICT_STYLE = {
    "PASS": "green", "KNOWN-DIFF": "cyan", "STALE-DIFF": "yellow", "FAIL": "bold red",
    "UNSUPPORTED": "dim", "RESOURCE": "magenta", "TIMEOUT": "red", "CRASH": "bold red",
    "INFRA": "bold yellow", "FLAKY": "yellow", "NOT-RUN": "dim",
}
MAX_LISTED = 40


def render_summary(matrix: dict[str, Any], problems: list[dict[str, Any]], width: int = 120,
                   color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color,
                      color_system="standard" if color else None)
    targets = [t["name"] for t in matrix["targets"] if t["name"] in matrix["totals"]]

    table = Table(title="verdicts by target", title_justify="left")
    table.add_column("verdict")
    for name in targets:
        table.add_column(name, justify="right")
    for verdict in VERDICT_ORDER:
        counts = [matrix["totals"][t].get(verdict.value, 0) for t in targets]
        if any(counts):
            style = VERDICT_STYLE[verdict.value]
            table.add_row(f"[{style}]{verdict.value}[/]", *[str(c) if c else "" for c in counts])
    console.print(table)

    by_area: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for feature in matrix["features"]:
        for target, counts in feature["cells"].items():
            by_area[feature["area"]][target].update(counts)
    areas = Table(title="PASS+KNOWN-DIFF of all, by area", title_justify="left")
    areas.add_column("area")
    areas.add_column("features", justify="right")
    for name in targets:
        areas.add_column(name, justify="right")
    n_features = Counter(f["area"] for f in matrix["features"])
    for area in sorted(by_area):
        row = []
        for name in targets:
            counts = by_area[area][name]
            good = counts.get("PASS", 0) + counts.get("KNOWN-DIFF", 0)
            row.append(f"{good}/{sum(counts.values())}" if counts else "")
        areas.add_row(area, str(n_features[area]), *row)
    console.print(areas)

    if problems:
        console.print(f"[bold]items needing attention ({len(problems)}):[/]")
        for row in problems[:MAX_LISTED]:
            style = VERDICT_STYLE.get(row["verdict"], "")
            text = escape(f"{row['spec_id']} [{item_label(row['target'], row['mode'])}] {row['reason']}")
            console.print(
                f"  [{style}]{row['verdict']:<11}[/] {text}", highlight=False, soft_wrap=False,
                overflow="ellipsis", no_wrap=True,
            )
        if len(problems) > MAX_LISTED:
            console.print(f"  ... and {len(problems) - MAX_LISTED} more (see results/matrix.json)")
    return buffer.getvalue()


def problem_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # FLAKY and quarantined items have their own sections (harness.report.labops).
    failing = {v.value for v in FAILING}
    return [r for r in rows if r["verdict"] in failing and not r.get("quarantine")]
