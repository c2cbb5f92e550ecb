"""``harness run``: the suite on the rig's targets, through pytest and the plugin."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

from harness.cli.common import add_rig_options, load_context, load_specs, rig_with_out
from harness.errors import HarnessError
from harness.quarantine import load_quarantine
from harness.reference import close_early, start_early
from harness.resume import run_to_resume
from harness.rig import parse_modes
from harness.spec import discover, forget, remember
from harness.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="run specs on the rig's targets and write the reports")
    add_rig_options(parser)
    parser.add_argument("-k", dest="keyword", default=None, help="pytest -k expression")
    parser.add_argument("-m", dest="markexpr", default=None,
                        help="pytest -m expression (features, tags, target names)")
    parser.add_argument("--suite", action="append", default=[], metavar="PATH",
                        help="run a foreign suite: a folder of MicroPython-style tests (.py + .py.exp)")
    parser.add_argument("--run-id", default=None, help="record under this run id")
    parser.add_argument("--resume", action="store_true",
                        help="continue the rig's latest unfinished run (or --run-id): stored items "
                             "are taken from the store, the rest run")
    parser.add_argument("--last-failed", "--lf", dest="last_failed", action="store_true",
                        help="run only the (spec, target) items that did not pass (PASS or KNOWN-DIFF) "
                             "in the rig's last stored run")
    parser.add_argument("--modes", default=None, metavar="MODES",
                        help="run modes on every chosen target, comma-separated: bytecode, native, "
                             "viper, mpy (.mpy from mpy-cross) (default: each target's `modes:` in "
                             "the rig); a target without a mode reports UNSUPPORTED")
    parser.add_argument("--allow-firmware-mismatch", action="store_true",
                        help="run targets whose firmware is not the rig's expected image (recorded)")
    parser.add_argument("--parallel", nargs="?", type=int, const=0, default=None, metavar="N",
                        help="spread the targets over N pytest-xdist workers (no N: one per board and "
                             "one per core; 1: serial); a board has one worker, never two (default: "
                             "the rig's parallel:)")
    parser.add_argument("--concurrent", action="store_true",
                        help="run every target at once, each on a thread of this one process "
                             "(no workers: nothing collected or started twice)")
    parser.add_argument("paths", nargs="*", help="spec files or folders (default: specs/)")
    parser.add_argument("--pytest-args", default="", help="extra arguments passed to pytest")
    parser.set_defaults(func=run)


def pytest_args(args: argparse.Namespace, root: Path, results: Path | None = None) -> list[str]:
    """pytest's arguments; with ``results``, also Allure results and JUnit XML written there."""
    suites = [str(Path(p).resolve()) for p in args.suite]
    paths = [str(Path(p).resolve()) for p in args.paths] or ([] if suites else [str(root / "specs")])
    argv = [*paths, *suites, f"--rootdir={root}", "-p", "no:randomly", f"--harness-rig={args.rig}"]
    # Hypothesis's plugin imports all of hypothesis at the terminal summary (~3 s of every
    # run, `harness bench suite` profile); specs never use it.
    argv += ["-p", "no:hypothesispytest"]
    # Its clean-up runs full garbage collections at the end (0.2 s after an 839-spec run) to
    # catch exceptions in __del__ methods of test code; specs run in their own processes.
    argv += ["-p", "no:unraisableexception"]
    argv += [f"--harness-suite={s}" for s in suites]
    if args.targets:
        argv.append(f"--harness-targets={args.targets}")
    if args.out:
        argv.append(f"--harness-out={args.out}")
    if getattr(args, "modes", None):
        argv.append(f"--harness-modes={args.modes}")
    if args.run_id:
        argv.append(f"--harness-run-id={args.run_id}")
    if getattr(args, "resume", False):
        argv.append("--harness-resume")
    if getattr(args, "allow_firmware_mismatch", False):
        argv.append("--harness-allow-firmware-mismatch")
    if getattr(args, "last_failed", False):
        argv.append("--harness-last-failed")
    if getattr(args, "concurrent", False):
        # The targets' threads run outside pytest's per-test capture, which only cost the loop
        # (two dup2 calls per phase, each a wait for the interpreter lock: 1.7 s of a run).
        argv += ["--harness-concurrent", "--capture=sys"]
    if results is not None:  # before --pytest-args, so those can override them
        # Written from the store when the session ends (--harness-store-reports), not per test.
        argv += [f"--alluredir={results / 'allure-results'}", "--clean-alluredir",
                 f"--junitxml={results / 'junit.xml'}", "--harness-store-reports"]
    if args.keyword:
        argv += ["-k", args.keyword]
    if args.markexpr:
        argv += ["-m", args.markexpr]
    argv += args.pytest_args.split()
    return argv


def run(args: argparse.Namespace) -> int:
    import pytest

    root, rig = load_context(args)
    rig = rig_with_out(rig, args.out)
    if args.modes:
        parse_modes(args.modes)  # a bad mode fails here, before pytest starts
    specs = []
    if args.paths or not args.suite:
        specs = load_specs(root, args.paths)  # bad specs and features fail here, before any target starts
        remember(specs, root / "specs")  # for the plugin's collection
    for suite in args.suite:
        if not Path(suite).is_dir():
            raise HarnessError("a foreign suite must be a folder", where=suite)
        found = discover(Path(suite), foreign=True)
        remember(found, Path(suite))
        specs += found
    load_quarantine(root, check_expiry=True)  # an expired entry fails loudly, before anything runs
    if args.resume:
        store = Store(rig.database)
        args.run_id = run_to_resume(store, rig.name, args.run_id)
        store.close()
    if args.last_failed and not _anything_failed(rig):
        return 0
    from harness.parallel import xdist_args

    parallel = xdist_args(args.parallel, rig, args.targets)
    if parallel and args.concurrent:
        raise HarnessError("--concurrent runs the targets in this one process: it does not combine "
                           "with --parallel N workers (or the rig's parallel:)", where=str(rig.path))
    argv = pytest_args(args, root, rig.results) + parallel
    # Every spec read runs (no selection, nothing replayed, no workers of their own):
    # the references start now, while pytest starts and collects.
    if not (parallel or args.resume or args.last_failed or args.keyword or args.markexpr
            or args.pytest_args.strip()):
        start_early(root / ".harness-cache" / "reference", specs)
    try:
        code = int(pytest.main(argv))
    finally:
        close_early()
        forget()
    # The process ends next: the interpreter's last garbage collections over all of the run's
    # objects took ~1 s at exit (`harness bench suite` profile) to free what the OS frees anyway.
    gc.freeze()
    return code


def _anything_failed(rig) -> bool:
    """``--last-failed``: False (and a line saying so) when the last run left nothing to re-run."""
    from harness.lastfailed import last_failed

    if not rig.database.exists():
        raise HarnessError("--last-failed: nothing has run on this rig yet", where=rig.database)
    store = Store(rig.database)
    try:
        run, failed = last_failed(store, rig.name)
    finally:
        store.close()
    if not failed:
        print(f"harness: every item of run {run['id']} passed: nothing to re-run")
    return bool(failed)
