"""``harness bench``: performance goals, measured side by side in one run."""

from __future__ import annotations

import argparse

from rich.console import Console

from harness.bench.common import print_goals, write_bench_json
from harness.bench.parallel import DEFAULT_SPECS as PARALLEL_SPECS
from harness.cli.common import load_specs
from harness.errors import HarnessError
from harness.project import find_root

BENCHES = ("unix", "transport", "parallel", "suite", "memory", "reports")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="measure the harness's speed goals (ratios)")
    parser.add_argument("which", nargs="*",
                        help=f"benchmarks to run (default: all of {', '.join(BENCHES)})")
    parser.add_argument("--rounds", type=int, default=None,
                        help="repetitions (default: 3 per spec for unix, 2 runs each way for parallel)")
    parser.add_argument("--limit", type=int, default=200, help="specs used by the unix bench")
    parser.add_argument("--rig", default="rigs/local.yaml", help="the rig of the parallel bench")
    parser.add_argument("--workers", type=int, default=0,
                        help="xdist workers timed beside the parallel bench's concurrent run "
                             "(default: one per board and one per core)")
    parser.add_argument("--parallel-specs", type=int, default=PARALLEL_SPECS,
                        help="specs (an even sample of the suite) run by the parallel bench "
                             "(default 0: the whole suite)")
    parser.add_argument("--suite-limit", type=int, default=None,
                        help="tests in the suite bench (default: every spec, 500 or more)")
    parser.add_argument("--items", type=int, default=10_000,
                        help="specs run by the memory bench and results rendered by the reports bench")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = find_root()
    console = Console(width=max(Console().width, 140))
    goals, notes = [], []
    unknown = [name for name in args.which if name not in BENCHES]
    if unknown:
        raise HarnessError(f"unknown benchmark {unknown[0]!r} (known: {', '.join(BENCHES)})")
    for name in args.which or BENCHES:
        if name == "unix":
            from harness.bench.unix import bench_unix

            specs = [s for s in load_specs(root) if s.expected_path is None][: args.limit]
            found, more = bench_unix(specs, rounds=args.rounds or 3)
        elif name == "transport":
            from harness.bench.transport_goals import transport_goals

            found, more = transport_goals(root, rounds=args.rounds or 10)
        elif name == "parallel":
            from harness.bench.parallel import bench_parallel, pick_specs

            specs = pick_specs(load_specs(root), args.parallel_specs)
            found, more = bench_parallel(root, specs, rig=args.rig, rounds=args.rounds or 2,
                                         workers=args.workers)
        elif name == "suite":
            from harness.bench.suite import bench_suite

            found, more = bench_suite(root, limit=args.suite_limit)
        elif name == "memory":
            from harness.bench.memory import bench_memory

            found, more = bench_memory(root, load_specs(root), items=args.items)
        elif name == "reports":
            from harness.bench.reports import bench_reports

            found, more = bench_reports(root, results=args.items)
        goals += found
        notes += more
    print_goals(goals, console, notes)
    write_bench_json(root / "results" / "bench.json", goals)
    return 0
