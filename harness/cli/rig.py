"""``harness rig check``: is every target and instrument of a rig there and ready?"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.table import Table

from harness.cli.common import target_list
from harness.project import find_root
from harness.rig import Rig, load_rig


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rig", help="check rig files and reach their targets and instruments")
    actions = parser.add_subparsers(dest="rig_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="reach every target and instrument of a rig: identity, firmware, latency, readiness")
    check.add_argument("rigs", nargs="*", default=["rigs/local.yaml"], metavar="RIG",
                       help="rig files or names (default: rigs/local.yaml)")
    check.add_argument("--targets", default=None, help="comma-separated target names (default: all)")
    check.add_argument("--offline", action="store_true",
                       help="only validate the files (schema, options, instruments); connect to nothing")
    check.add_argument("--execs", type=int, default=5,
                       help="round trips per item for the latency (default 5)")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    root = find_root()
    out = Console(width=max(Console().width, 150), highlight=False)
    status = 0
    for name in args.rigs:
        rig = load_rig(name, root)  # a bad file stops here with its one-line error (exit 2)
        names = target_list(args.targets) if len(args.rigs) == 1 else None
        rig.select(names)
        if args.offline:
            _validate_offline(rig)
            out.print(f"{_rel(rig, root)}: valid ({len(rig.targets)} targets, "
                      f"{len(rig.raw.get('instruments') or [])} instruments)")
            continue
        status = max(status, _check(root, rig, names, args.execs, out))
    return status


def _validate_offline(rig: Rig) -> None:
    """What loading the rig cannot check on its own: instruments against targets, and that
    every target's options make a target (no connection is made)."""
    from harness.instruments.config import load_instruments
    from harness.targets import create_target

    load_instruments(rig.raw, rig.path, rig.targets)
    for target in rig.targets.values():
        create_target(target.config)  # options are read here; nothing starts


def _check(root, rig: Rig, names: list[str] | None, execs: int, out: Console) -> int:
    from harness.rigcheck import RigCheck

    checker = RigCheck(root, rig, names, execs=execs)
    found = []
    err = Console(stderr=True)
    try:
        with err.status(f"rig {rig.name}") as spinner:
            for label, check in checker.items():
                spinner.update(f"rig {rig.name}: {label}")
                found.append(check())
    finally:
        checker.close()
    table = Table(title=f"rig {rig.name} ({_rel(rig, root)})", title_justify="left")
    for column in ("item", "kind", "connection", "identity", "firmware", "latency", "ready"):
        table.add_column(column, justify="right" if column == "latency" else "left",
                         overflow="fold", max_width=48 if column in ("identity", "connection") else None)
    for item in found:
        latency = f"{item.latency_s * 1000:.1f} ms" if item.latency_s is not None else "-"
        ready = "[green]ready[/]" if item.ready else "[bold red]MISSING[/]"
        table.add_row(f"{item.item} {item.name}", item.kind, item.connection, item.identity or "-",
                      item.firmware or "-", latency, ready)
    out.print(table)
    missing = [item for item in found if not item.ready]
    for item in missing:
        # One line per item: printed whole, never wrapped, so it can be grepped.
        sys.stdout.write(f"missing: {item.item} {item.name}: {item.problem}\n")
    sys.stdout.flush()
    if missing:
        print(f"harness: rig {rig.name}: {len(missing)} of {len(found)} items not ready: "
              f"{', '.join(i.name for i in missing)}", file=sys.stderr)
        return 1
    out.print(f"rig {rig.name}: all {len(found)} items ready")
    return 0


def _rel(rig: Rig, root) -> str:
    try:
        return str(rig.path.resolve().relative_to(root))
    except ValueError:
        return str(rig.path)
