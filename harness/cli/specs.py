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
    parser.add_argument("paths", nargs="*")
    parser.set_defaults(func=run)


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
    for column in ("area", "features", "with specs", "specs", "specs/feature (min-max)"):
        table.add_column(column, justify="left" if column == "area" else "right")
    areas = sorted({f.area for f in features.values()})
    for area in areas:
        ids = [f for f in features if features[f].area == area]
        counts = [per_feature[f] for f in ids if per_feature[f]]
        table.add_row(area, str(len(ids)), str(len(counts)), str(sum(counts)),
                      f"{min(counts)}-{max(counts)}" if counts else "-")
    console.print(table)
    empty = [f for f in features if not per_feature[f]]
    if empty:
        console.print(f"features without specs: {', '.join(sorted(empty))}")
    return 0
