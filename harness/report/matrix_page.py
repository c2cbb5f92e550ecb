"""The compatibility matrix as a page (``results/matrix.html``) and as Markdown (``matrix.md``).

Both are rendered from the stored results of one run; the page is one static file
with its data embedded, so it can be mailed or archived as it is.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from harness.records import VERDICT_ORDER, Verdict, item_label
from harness.store import Store
from harness.verdict import unified_diff

OUTPUT_LIMIT = 4000  # characters of output kept per spec in the page
GOOD = (Verdict.PASS.value, Verdict.KNOWN_DIFF.value)
VERDICT_COLORS = {
    "PASS": "#2e9d4f", "KNOWN-DIFF": "#4a90c2", "STALE-DIFF": "#d8a31a", "FAIL": "#d0342c",
    "UNSUPPORTED": "#9a9a9a", "RESOURCE": "#9b59b6", "TIMEOUT": "#e67e22", "CRASH": "#8b0000",
    "INFRA": "#b8860b", "FLAKY": "#e0c020", "NOT-RUN": "#c8c8c8",
}


def _clip(text: str | None) -> str | None:
    if text is None:
        return None
    return text if len(text) <= OUTPUT_LIMIT else text[:OUTPUT_LIMIT] + "\n[... cut ...]\n"


def page_data(matrix: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the page's script needs: the matrix, and per spec its expected and actual outputs."""
    specs: dict[str, dict[str, Any]] = {}
    results = []
    for row in rows:
        expected = (row["expected"] or {}).get("stdout")
        spec = specs.setdefault(row["spec_id"], {"feature": row["feature"], "expected": _clip(expected)})
        if spec["expected"] is None and expected is not None:
            spec["expected"] = _clip(expected)
        same = expected is not None and row["stdout"] == expected
        results.append({
            "spec": row["spec_id"],
            "target": row["target"],
            "mode": row["mode"],
            "column": item_label(row["target"], row["mode"]),
            "verdict": row["verdict"],
            "reason": row["reason"],
            "baseline": row["baseline_reason"],
            "actual": None if same else _clip(row["stdout"]),
            "stderr": _clip(row["stderr"]) if row["verdict"] not in GOOD else None,
            "diff": None if same or expected is None else _clip(unified_diff(expected, row["stdout"])),
            "ms": round(row["duration_s"] * 1000, 2),
            "quarantine": row.get("quarantine"),
            "flaky": (row.get("flaky") or {}).get("rate"),
        })
    return {"matrix": matrix, "specs": specs, "results": results, "colors": VERDICT_COLORS}


def render_page(matrix: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    env = Environment(loader=PackageLoader("harness.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    data = json.dumps(page_data(matrix, rows), separators=(",", ":"))
    # A "</" inside the embedded JSON would end the script element early.
    data = data.replace("</", "<\\/")
    return env.get_template("matrix.html.j2").render(matrix=matrix, data=data)


def cell_text(counts: dict[str, int]) -> str:
    if not counts:
        return ""
    total = sum(counts.values())
    good = sum(counts.get(v, 0) for v in GOOD)
    rest = ", ".join(f"{n} {v}" for v, n in counts.items() if v not in GOOD)
    return f"{good}/{total}" + (f" ({rest})" if rest else "")


def render_markdown(matrix: dict[str, Any]) -> str:
    targets = [t["name"] for t in matrix["targets"]]
    run = matrix["run"]
    lines = [
        f"# Compatibility matrix ({run['rig']}, run {run['id']})",
        "",
        "Cells: specs that PASS or differ as documented (KNOWN-DIFF) / all specs; other verdicts in "
        "brackets.",
        "",
        "| feature | area | " + " | ".join(targets) + " |",
        "|---|---|" + "---|" * len(targets),
    ]
    by_area: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for feature in matrix["features"]:
        by_area[feature["area"]].append(feature)
    for area in sorted(by_area):
        for feature in by_area[area]:
            cells = [cell_text(feature["cells"].get(t, {})) for t in targets]
            title = feature["title"].replace("|", "\\|")
            lines.append(f"| `{feature['id']}` {title} | {area} | " + " | ".join(cells) + " |")
    lines += ["", "| verdict | " + " | ".join(targets) + " |", "|---|" + "---|" * len(targets)]
    for verdict in VERDICT_ORDER:
        counts = [matrix["totals"].get(t, {}).get(verdict.value, 0) for t in targets]
        if any(counts):
            lines.append(f"| {verdict.value} | " + " | ".join(str(c) for c in counts) + " |")
    return "\n".join(lines) + "\n"


def write_pages(store: Store, run_id: str, matrix: dict[str, Any], out_dir: Path,
                rows: list[dict[str, Any]] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = store.results(run_id) if rows is None else rows
    html, md = out_dir / "matrix.html", out_dir / "matrix.md"
    html.write_text(render_page(matrix, rows), encoding="utf-8")
    md.write_text(render_markdown(matrix), encoding="utf-8")
    return [html, md]
