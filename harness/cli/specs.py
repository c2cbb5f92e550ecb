"""``harness specs``: list specs and the suite's coverage (features per area, specs per feature)."""

from __future__ import annotations

import argparse
from collections import Counter

from rich.console import Console
from rich.table import Table

from harness.cli.common import load_specs
from harness.features import load_features
from harness.project import find_root


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("specs", help="list specs and print the suite's coverage")
    parser.add_argument("--list", action="store_true", help="print every spec id with its feature")
    parser.add_argument("--rig", default="rigs/local.yaml",
                        help="rig whose latest stored run gives the targets per feature")
    parser.add_argument("paths", nargs="*")
    parser.set_defaults(func=run)


def _targets_per_feature(root, rig_arg: str) -> tuple[dict[str, set[str]], str | None]:
    """feature -> targets with a PASS or KNOWN-DIFF in the rig's latest stored run."""
    from harness.errors import HarnessError
    from harness.rig import load_rig
    from harness.store import Store

    try:
        rig = load_rig(rig_arg, root)
    except HarnessError:
        return {}, None
    if not rig.database.exists():
        return {}, None
    store = Store(rig.database)
    try:
        # Audit runs repeat a few specs: the coverage comes from the latest matrix run.
        latest = next((r for r in store.runs(rig.name, limit=50) if "audit" not in r["info"]), None)
        if latest is None:
            return {}, None
        covered: dict[str, set[str]] = {}
        for row in store.iter_results(latest["id"]):
            if row["verdict"] in ("PASS", "KNOWN-DIFF"):
                covered.setdefault(row["feature"], set()).add(row["target"])
        return covered, latest["id"]
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    root = find_root()
    specs = load_specs(root, args.paths)
    features = load_features(root / "conformance" / "features.yaml")
    console = Console()
    if args.list:
        for spec in specs:
            console.print(f"{spec.id}  [dim]{spec.feature}[/]", highlight=False)
    per_feature = Counter(s.feature for s in specs)
    table = Table(title=f"{len(specs)} specs over {len(per_feature)} features", title_justify="left")
    covered, run_id = _targets_per_feature(root, args.rig)
    columns = ["area", "features", "with specs", "specs", "specs/feature (min-max)",
               "targets/feature (min-max)"]
    for column in columns:
        table.add_column(column, justify="left" if column == "area" else "right")
    areas = sorted({f.area for f in features.values()})
    for area in areas:
        ids = [f for f in features if features[f].area == area]
        counts = [per_feature[f] for f in ids if per_feature[f]]
        reach = [len(covered.get(f, ())) for f in ids if per_feature[f]]
        table.add_row(area, str(len(ids)), str(len(counts)), str(sum(counts)),
                      f"{min(counts)}-{max(counts)}" if counts else "-",
                      f"{min(reach)}-{max(reach)}" if reach and run_id else "-")
    console.print(table)
    if run_id:
        console.print(f"targets/feature: targets where at least one of the feature's specs ran and "
                      f"passed or differed as documented, in run {run_id}")
    empty = [f for f in features if not per_feature[f]]
    if empty:
        console.print(f"features without specs: {', '.join(sorted(empty))}")
    return 0
