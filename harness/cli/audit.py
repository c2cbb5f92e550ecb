"""``harness audit``: a qualification profile's determinism and timing evidence, and its report."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from harness.cli.common import load_context, rig_with_out, target_list


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "audit", help="run a qualification profile N times per target and write its audit report",
        description="Runs the profile's specs N times per target (resets between runs), stores every "
                    "result, and writes results/audit/<profile>.{json,html,pdf} and Allure results. "
                    "Exit status 1 names what fell short of the profile.")
    parser.add_argument("--rig", default="rigs/local.yaml", help="rig file or name (default: local)")
    parser.add_argument("--targets", default=None,
                        help="comma-separated targets of the profile (their 'as' names; default: all)")
    parser.add_argument("--out", default=None, help="folder for reports (default: the rig's)")
    parser.add_argument("--profile", required=True,
                        help="profile file, or a name in conformance/profiles/ (e.g. cdr-emulator)")
    parser.add_argument("--runs", type=int, default=None,
                        help="runs per spec and target (default: the profile's)")
    parser.add_argument("--from-run", default=None, metavar="RUN_ID",
                        help="write the report of a stored audit run again, without running anything")
    parser.add_argument("--no-pdf", action="store_true", help="skip printing the page to PDF with Chromium")
    parser.add_argument("--allow-firmware-mismatch", action="store_true",
                        help="run targets whose firmware is not the rig's expected image (recorded)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from harness.audit.main import audit, check_runs, print_summary

    check_runs(args.runs)
    root, rig = load_context(argparse.Namespace(rig=args.rig))  # --targets names profile targets
    rig = rig_with_out(rig, args.out)
    console = Console(stderr=True)
    result = audit(root, rig, args.profile, runs=args.runs, targets=target_list(args.targets),
                   from_run=args.from_run, pdf=not args.no_pdf, argv=sys.argv[1:], console=console,
                   allow_firmware_mismatch=args.allow_firmware_mismatch)
    print_summary(result, Console(width=max(Console().width, 150)))
    if result.status:
        print(f"harness audit: {result.summary}", file=sys.stderr)
    return result.status
