"""``harness matrix``: render the matrix of a stored run again (never re-runs anything)."""

from __future__ import annotations

import argparse
import sys

from harness.cli.common import load_context
from harness.errors import HarnessError
from harness.features import load_features
from harness.report.matrix import build_matrix, write_matrix
from harness.report.matrix_page import write_pages
from harness.report.terminal import problem_rows, render_summary
from harness.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("matrix", help="render the compatibility matrix of a stored run")
    parser.add_argument("--rig", default="rigs/local.yaml")
    parser.add_argument("--run-id", default=None, help="default: the rig's latest run")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root, rig = load_context(args)
    store = Store(rig.database)
    run_id = args.run_id or (store.latest_run(rig.name) or {}).get("id")
    if not run_id or store.run(run_id) is None:
        raise HarnessError(f"no stored run {repr(run_id) + ' ' if run_id else ''}for rig {rig.name!r}",
                           where=rig.database)
    matrix = build_matrix(store, run_id, load_features(root / "conformance" / "features.yaml"))
    path = write_matrix(matrix, rig.results)
    write_pages(store, run_id, matrix, rig.results)
    sys.stdout.write(render_summary(matrix, problem_rows(store.results(run_id))))
    print(f"matrix: {path}")
    return 0
