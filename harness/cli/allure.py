"""``harness allure``: the Allure HTML report of the last run, from its Allure results.

``harness run`` writes ``<results>/allure-results``; this runs the Allure command line (npm
``allure-commandline``, on Java) into ``<results>/allure-report``, carrying the previous
report's ``history/`` over so Allure's trend charts span runs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

from harness.cli.common import load_context, rig_with_out
from harness.errors import HarnessError

GENERATE_TIMEOUT_S = 600


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("allure", help="generate the Allure HTML report of the last run")
    parser.add_argument("--rig", default="rigs/local.yaml", help="rig file or name (default: local)")
    parser.add_argument("--out", default=None, help="results folder (default: the rig's)")
    parser.set_defaults(func=run)


def allure_command(root: Path) -> Path:
    found = root / "node_modules" / ".bin" / "allure"
    if not found.exists():
        raise HarnessError("the Allure command line is missing: run `make setup` "
                           "(npm install: allure-commandline)", where=found)
    if shutil.which("java") is None:
        raise HarnessError("Java is missing: the Allure command line needs it "
                           "(tools/setup-system installs default-jre-headless)")
    return found


def generate(root: Path, results: Path) -> Path:
    """Generate ``results/allure-report`` from ``results/allure-results``; returns the report."""
    source, report = results / "allure-results", results / "allure-report"
    if not source.is_dir() or not any(source.glob("*-result.json")):
        raise HarnessError("no Allure results: `harness run` writes them", where=source)
    command = allure_command(root)
    if (report / "history").is_dir():
        shutil.copytree(report / "history", source / "history", dirs_exist_ok=True)
    try:
        proc = subprocess.run([str(command), "generate", "--clean", "-o", str(report), str(source)],
                              capture_output=True, text=True, timeout=GENERATE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise HarnessError(f"allure generate took longer than {GENERATE_TIMEOUT_S} s", where=source)
    if proc.returncode != 0 or not (report / "index.html").exists():
        last = (proc.stderr.strip() or proc.stdout.strip() or f"exit status {proc.returncode}").splitlines()
        raise HarnessError(f"allure generate failed: {last[-1]}", where=source)
    return report


def run(args: argparse.Namespace) -> int:
    root, rig = load_context(args)
    report = generate(root, rig_with_out(rig, args.out).results)
    print(f"allure report: {report / 'index.html'}")
    return 0
