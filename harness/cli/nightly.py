"""``harness nightly``: run the matrix, store it, compare with the last night, report regressions.

Exit status: 0 no regression, 1 a regression (new failure, new STALE-DIFF, slower spec or failed
audit), 2 bad input; a run that did not finish (interrupted, internal error, nothing selected)
returns pytest's status and compares nothing: ``harness nightly --resume`` continues it.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace

from harness import __version__
from harness.cli.common import add_rig_options, load_context, load_specs, rig_with_out
from harness.cli.run import pytest_args
from harness.errors import HarnessError
from harness.history import NIGHTLY
from harness.nightly import AuditContext, compare_run, nightly_config, run_audits
from harness.quarantine import load_quarantine
from harness.records import RunRecord
from harness.report.labops import lab_view
from harness.report.regressions import build_report, render_terminal, write_report
from harness.resume import run_to_resume
from harness.store import Store, new_run_id


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("nightly", help="run the matrix and report regressions against the last run")
    add_rig_options(parser)
    parser.add_argument("-k", dest="keyword", default=None, help="pytest -k expression")
    parser.add_argument("-m", dest="markexpr", default=None, help="pytest -m expression")
    parser.add_argument("paths", nargs="*", help="spec files or folders (default: specs/)")
    parser.add_argument("--resume", action="store_true",
                        help="continue the rig's latest unfinished run instead of starting one")
    parser.add_argument("--against", default=None, metavar="RUN_ID",
                        help="compare with this run (default: the previous nightly of the rig)")
    parser.add_argument("--timing-ratio", type=float, default=None,
                        help="slower when at least this many times the baseline (default: rig or 1.5)")
    parser.add_argument("--timing-floor", type=float, default=None, metavar="SECONDS",
                        help="... and at least this much slower (default: rig or 0.1)")
    parser.add_argument("--pytest-args", default="", help="extra arguments passed to pytest")
    parser.set_defaults(func=run, suite=[], run_id=None)


def run(args: argparse.Namespace) -> int:
    import pytest

    root, rig = load_context(args)
    rig = rig_with_out(rig, args.out)
    config = nightly_config(rig)
    rule = config.timing
    if args.timing_ratio is not None:
        rule = replace(rule, ratio=args.timing_ratio)
    if args.timing_floor is not None:
        rule = replace(rule, min_increase_s=args.timing_floor)
    load_specs(root, args.paths)  # bad specs fail here, before any target starts
    load_quarantine(root, check_expiry=True)  # an expired entry fails loudly, before the night starts
    store = Store(rig.database)
    if args.against and store.run(args.against) is None:
        raise HarnessError(f"no stored run {args.against!r} to compare with", where=rig.database)
    if args.resume:
        args.run_id = run_to_resume(store, rig.name)
    else:
        args.run_id = new_run_id()
    from harness.parallel import xdist_args

    argv = pytest_args(args, root, rig.results) + xdist_args(None, rig, args.targets)  # the rig's parallel:
    # The run exists before pytest starts, marked as a nightly (the plugin keeps this row).
    store.begin_run(RunRecord(args.run_id, rig.name, __version__, {}, time.time()), argv=argv)
    store.set_run_info(args.run_id, kind=NIGHTLY)
    status = int(pytest.main(argv))
    sys.stdout.flush()
    if status not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        print(f"harness: nightly run {args.run_id} did not finish (pytest exit status {status}); "
              "nothing compared", file=sys.stderr)
        return status
    audits = run_audits(config.audits, AuditContext(root, rig, store, args.run_id, rig.results))
    comparison, previous = compare_run(store, rig.name, args.run_id, rule, args.against)
    run_row = store.run(args.run_id)
    report = build_report(comparison, run_row, previous, audits,
                          lab=lab_view(run_row, store.results(args.run_id)))
    json_path, md_path = write_report(report, rig.results)
    print()
    sys.stdout.write(render_terminal(report, color=sys.stdout.isatty()))
    print(f"regression report: {json_path} and {md_path.name}; dashboard: {rig.results / 'dashboard.html'}")
    return 1 if report["regression"] else 0
