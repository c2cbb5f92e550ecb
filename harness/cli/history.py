"""``harness history``: a rig's last runs with their verdicts, or one spec or feature across runs."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from harness.cli.common import load_context, rig_with_out
from harness.errors import HarnessError
from harness.history import item_history, run_summaries
from harness.records import VERDICT_ORDER
from harness.report.terminal import VERDICT_STYLE
from harness.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("history", help="a rig's last runs, or one spec or feature across runs")
    parser.add_argument("--rig", default="rigs/local.yaml", help="rig file or name (default: local)")
    parser.add_argument("--out", default=None, help="folder of the results database (default: the rig's)")
    parser.add_argument("--limit", type=int, default=10, help="how many runs back (default: 10)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--spec", default=None, metavar="ID", help="one spec's verdicts run by run")
    what.add_argument("--feature", default=None, metavar="ID",
                      help="a feature's verdicts (it and its sub-features) run by run")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--dashboard", action="store_true",
                        help="also write the dashboard page (results/dashboard.html)")
    parser.set_defaults(func=run)


def _when(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M:%S") if stamp else "-"


def _status(run: dict[str, Any]) -> str:
    return "finished" if run["finished"] else "unfinished"


def _styled(verdict: str) -> str:
    return f"[{VERDICT_STYLE.get(verdict, '')}]{verdict}[/]"


def runs_view(store: Store, rig: str, limit: int) -> dict[str, Any]:
    runs = run_summaries(store, rig, limit)
    return {"rig": rig, "runs": [
        {"id": r.id, "started": _when(r.started), "kind": r.kind,
         "status": "finished" if r.finished else "unfinished", "results": r.total, "verdicts": r.totals,
         "pass_rate": {t: round(100 * r.pass_rate(t), 1) for t in r.targets if r.pass_rate(t) is not None}}
        for r in runs]}


def item_view(store: Store, rig: str, limit: int, spec: str | None, feature: str | None) -> dict[str, Any]:
    found = item_history(store, rig, limit, spec_id=spec, feature=feature)
    if not found:
        what = f"spec {spec!r}" if spec else f"feature {feature!r}"
        raise HarnessError(f"no results of {what} in the last {limit} runs of rig {rig!r}", where=store.path)
    entries = []
    for run, rows in found:
        entry: dict[str, Any] = {"id": run["id"], "started": _when(run["started"]), "status": _status(run)}
        if spec:
            entry["results"] = {
                _column(row): {"verdict": row["verdict"], "ms": round(row["duration_s"] * 1000, 2),
                               "reason": row["reason"]} for row in rows}
        else:
            counts: dict[str, Counter] = {}
            for row in rows:
                counts.setdefault(_column(row), Counter())[row["verdict"]] += 1
            entry["results"] = {column: {v.value: c[v.value] for v in VERDICT_ORDER if c[v.value]}
                                for column, c in counts.items()}
            entry["specs"] = len({row["spec_id"] for row in rows})
        entries.append(entry)
    return {"rig": rig, "spec" if spec else "feature": spec or feature, "runs": entries}


def _column(row: dict[str, Any]) -> str:
    return row["target"] if row["mode"] == "bytecode" else f"{row['target']}-{row['mode']}"


def print_runs(view: dict[str, Any], console: Console) -> None:
    present = [v.value for v in VERDICT_ORDER if any(v.value in r["verdicts"] for r in view["runs"])]
    table = Table(title=f"last {len(view['runs'])} runs of rig {view['rig']}", title_justify="left")
    for column in ("run", "started", "kind", "status", "results"):
        table.add_column(column, justify="right" if column == "results" else "left", no_wrap=True)
    for verdict in present:
        table.add_column(_styled(verdict), justify="right", no_wrap=True)
    table.add_column("pass rate by target", no_wrap=True)
    for run in view["runs"]:
        rates = "  ".join(f"{t} {rate:g}%" for t, rate in run["pass_rate"].items())
        status = run["status"] if run["status"] == "finished" else f"[bold red]{run['status']}[/]"
        table.add_row(run["id"], run["started"], run["kind"], status, str(run["results"]),
                      *[str(run["verdicts"].get(v, "")) for v in present], rates)
    console.print(table)


def print_items(view: dict[str, Any], console: Console) -> None:
    spec = "spec" in view
    columns = sorted({c for run in view["runs"] for c in run["results"]})
    name = view["spec"] if spec else view["feature"]
    table = Table(title=f"{'spec' if spec else 'feature'} {name} in rig {view['rig']}", title_justify="left")
    table.add_column("run", no_wrap=True)
    table.add_column("started", no_wrap=True)
    if not spec:
        table.add_column("specs", justify="right")
    for column in columns:
        table.add_column(column)
    notes = []
    for run in view["runs"]:
        cells = []
        for column in columns:
            found = run["results"].get(column)
            if not found:
                cells.append("")
            elif spec:
                cells.append(f"{_styled(found['verdict'])} {found['ms']:g} ms")
                if found["verdict"] not in ("PASS",):
                    notes.append(f"{run['id']} {column}: {found['verdict']}: {found['reason']}")
            else:
                cells.append(" ".join(f"{n} {_styled(v)}" for v, n in found.items()))
        table.add_row(run["id"], run["started"], *([str(run["specs"])] if not spec else []), *cells)
    console.print(table)
    for note in notes:
        console.print(f"  {escape(note)}", soft_wrap=False, overflow="ellipsis", no_wrap=True)


def run(args: argparse.Namespace) -> int:
    root, rig = load_context(args)
    rig = rig_with_out(rig, args.out)
    if not rig.database.exists():
        raise HarnessError("no results database: nothing has run on this rig yet", where=rig.database)
    store = Store(rig.database)
    if args.spec or args.feature:
        view = item_view(store, rig.name, args.limit, args.spec, args.feature)
    else:
        view = runs_view(store, rig.name, args.limit)
    if args.json:
        print(json.dumps(view, indent=1))
    else:
        console = Console(width=max(Console().width, 160), highlight=False)
        (print_items if (args.spec or args.feature) else print_runs)(view, console)
    if args.dashboard:
        from harness.report.dashboard import write_dashboard

        path = write_dashboard(store, rig.name, rig.results)
        if not args.json:
            print(f"dashboard: {path}")
    return 0
