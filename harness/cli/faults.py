"""``harness faults``: the fault-injection campaign (see harness.testing.campaign)."""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from harness.errors import HarnessError
from harness.project import find_root
from harness.testing.campaign import DEFAULT_PLAN, TEMPLATES, CampaignReport, run_campaign


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "faults", help="run specs with known verdicts through a fault-injecting link to an emulated board")
    parser.add_argument("--specs", type=int, default=500, help="number of specs (default 500)")
    parser.add_argument("--seed", type=int, default=DEFAULT_PLAN.seed, help="seed of specs and faults")
    parser.add_argument("--rate", type=float, default=1.0,
                        help="multiply every default fault rate by this (0: a clean link)")
    parser.add_argument("--out", default=None, help="write the report as JSON here "
                        "(default results/faults.json)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from harness.targets.qemu import DEBIAN_MICROBIT_HEX, qemu_available

    if args.specs < len(TEMPLATES):
        raise HarnessError(f"--specs must be at least {len(TEMPLATES)} (one per template)")
    if args.rate < 0:
        raise HarnessError("--rate must not be negative")
    if not qemu_available() or not DEBIAN_MICROBIT_HEX.exists():
        raise HarnessError("needs qemu-system-arm and the Debian micro:bit firmware",
                           where=DEBIAN_MICROBIT_HEX)
    base = DEFAULT_PLAN
    plan = replace(base, drop=base.drop * args.rate, garble=base.garble * args.rate,
                   delay=min(1.0, base.delay * args.rate), outage=base.outage * args.rate,
                   seed=args.seed)
    console = Console()
    if not getattr(args, "verbose", False):  # recoveries are the point here, not news
        logging.getLogger("harness").setLevel(logging.ERROR)
    columns = (TextColumn("fault campaign"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[tally]}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("specs", total=args.specs, tally="")
        retried = [0]

        def advance(result, number: int) -> None:
            retried[0] += result.outcome.attempts > (1 if result.verdict.value == "PASS" else 2)
            progress.update(task, completed=number,
                            tally=f"{retried[0]} hit by faults, last {result.verdict.value}")

        report = run_campaign(args.specs, plan, advance)
    print_report(report, console)
    out = Path(args.out) if args.out else find_root() / "results" / "faults.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    console.print(f"report: {out}")
    return 0 if report.ok else 1


def print_report(report: CampaignReport, console: Console) -> None:
    plan = report.plan
    table = Table(title="fault campaign: QEMU micro:bit (MicroPython 1.9.2) through the fault proxy")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("specs run", report.specs),
        ("verdict correct", report.correct),
        ("verdict INFRA (link given up)", report.infra),
        ("verdict wrong", len(report.wrong)),
        ("results stored", report.stored),
        ("results lost", len(report.lost)),
        ("attempts", report.attempts),
        ("specs hit by faults (more attempts than a clean link needs)", report.retried),
        ("bytes to the board / from the board",
         f"{report.bytes.get('to_board', 0)} / {report.bytes.get('from_board', 0)}"),
        ("faults: dropped bytes", report.faults.get("drop", 0)),
        ("faults: garbled bytes", report.faults.get("garble", 0)),
        ("faults: delayed chunks", report.faults.get("delay", 0)),
        ("faults: link outages", report.faults.get("outage", 0)),
        ("connections (reconnects + 1)", report.connections),
        ("seconds", f"{report.seconds:.1f}"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)
    console.print(f"rates: drop {plan.drop:g}/byte, garble {plan.garble:g}/byte, outage "
                  f"{plan.outage:g}/byte ({plan.outage_s[0]:g}-{plan.outage_s[1]:g} s), delay "
                  f"{plan.delay:g}/chunk ({plan.delay_s[0]:g}-{plan.delay_s[1]:g} s), seed {plan.seed}")
    console.print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(report.verdicts.items())))
    for line in report.wrong + [f"lost: {spec}" for spec in report.lost]:
        console.print(f"[red]{line}[/red]")
    console.print("[green]no wrong verdict, no lost result[/green]" if report.ok
                  else "[red]the campaign found wrong verdicts or lost results[/red]")
