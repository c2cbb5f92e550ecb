"""``harness quarantine``: propose entries for ``conformance/quarantine.yaml`` from history, list
the current ones.

    harness quarantine suggest [--rig R] [--window N] [--days D]   # YAML on stdout
    harness quarantine list                                        # entries, in force or expired
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace

import yaml

from harness.cli.common import load_context, rig_with_out
from harness.errors import HarnessError
from harness.flaky import flaky_rule, history_flakiness
from harness.quarantine import QUARANTINE_FILE, load_quarantine
from harness.store import Store

DEFAULT_DAYS = 30


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("quarantine", help="propose quarantine entries from history, or list them")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    suggest = actions.add_parser("suggest", help="print entries (YAML) for the items flaky in history")
    suggest.add_argument("--rig", default="rigs/local.yaml", help="rig file or name (default: local)")
    suggest.add_argument("--out", default=None, help="folder of the results database (default: the rig's)")
    suggest.add_argument("--window", type=int, default=None,
                         help="runs of history looked at (default: the rig's flaky.window, else 10)")
    suggest.add_argument("--days", type=int, default=DEFAULT_DAYS,
                         help=f"expiry of the proposed entries, days from today (default: {DEFAULT_DAYS})")
    suggest.set_defaults(func=run_suggest)
    listing = actions.add_parser("list", help="the entries of conformance/quarantine.yaml")
    listing.set_defaults(func=run_list)


def suggestions(store: Store, rig_name: str, rule, today: dt.date, days: int) -> list[dict]:
    """One entry per (spec, target) flaky in the rig's history, most flips first."""
    expires = (today + dt.timedelta(days=days)).isoformat()
    entries = []
    for found in history_flakiness(store, rig_name, rule):
        entry = {"spec": found.spec_id, "target": found.target}
        if found.mode != "bytecode":
            entry["mode"] = found.mode
        entry["reason"] = (f"flaky: {found.flips} flips in the last {len(found.verdicts)} runs "
                           f"({' '.join(found.verdicts)})")
        entry["rate"] = round(found.rate, 2)
        entry["expires"] = expires
        entries.append(entry)
    return entries


def run_suggest(args: argparse.Namespace) -> int:
    _root, rig = load_context(args)
    rig = rig_with_out(rig, args.out)
    if not rig.database.exists():
        raise HarnessError("no results database: nothing has run on this rig yet", where=rig.database)
    rule = flaky_rule(rig.raw, str(rig.path))
    if args.window is not None:
        if args.window < 2:
            raise HarnessError(f"--window {args.window}: at least 2 runs are needed to see a flip")
        rule = replace(rule, window=args.window)
    store = Store(rig.database)
    try:
        entries = suggestions(store, rig.name, rule, dt.date.today(), args.days)
    finally:
        store.close()
    print(f"# {len(entries)} flaky item(s) over each item's last {rule.window} results in rig "
          f"{rig.name!r}; review, then add to {QUARANTINE_FILE}")
    if entries:
        print(yaml.safe_dump({"quarantine": entries}, sort_keys=False, width=200), end="")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from harness.project import find_root

    root = find_root()
    quarantine = load_quarantine(root)
    today = dt.date.today()
    if not quarantine.entries:
        print(f"no quarantine entries ({QUARANTINE_FILE})")
        return 0
    expired = 0
    for entry in quarantine.entries:
        state = "EXPIRED" if entry.expired(today) else "in force"
        expired += entry.expired(today)
        print(f"{entry.where}: {entry.pattern()} until {entry.expires.isoformat()} ({state}): {entry.reason}")
    return 1 if expired else 0
