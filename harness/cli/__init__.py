"""The ``harness`` command line. Each sub-command is a module of this package.

A module exposes ``register(subparsers)``, which adds its parser and sets ``func``
(taking the parsed arguments and returning the exit status).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from harness import __version__
from harness.errors import HarnessError

COMMANDS = ["run", "bench", "matrix", "specs", "nightly", "history", "allure", "firmware", "audit",
            "rig", "faults", "quarantine"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every sub-command, or of ``only`` that one (importing each sub-command's
    module, with what it imports, cost ~0.1 s of every start)."""
    parser = argparse.ArgumentParser(
        prog="harness", description="Conformance, determinism and timing tests for MicroPython."
    )
    parser.add_argument("--version", action="version", version=f"micropython-harness {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the harness does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in [only] if only in COMMANDS else COMMANDS:
        importlib.import_module(f"harness.cli.{name.replace('-', '_')}").register(sub)
    return parser


def _command(argv: list[str]) -> str | None:
    """The sub-command named in ``argv`` (after the global options), if any."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg
        if arg in ("-h", "--help", "--version"):
            return None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command(argv))
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except HarnessError as err:
        print(f"harness: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("harness: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`harness history | head`): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


