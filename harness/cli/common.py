"""Options and loading shared by several sub-commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from harness.features import check_spec_features, load_features
from harness.project import find_root
from harness.records import Spec
from harness.rig import Rig, load_rig
from harness.spec import discover


def add_rig_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rig", default="rigs/local.yaml", help="rig file or name (default: local)")
    parser.add_argument("--targets", default=None,
                        help="targets of the rig: names, globs, and filters kind=K, name=GLOB, "
                             "has=CAPABILITY, comma-separated, e.g. 'kind=board,has=machine.Pin' "
                             "(default: all)")
    parser.add_argument("--out", default=None, help="folder for reports (default: the rig's)")


def target_list(text: str | None) -> list[str] | None:
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


def load_context(args: argparse.Namespace) -> tuple[Path, Rig]:
    root = find_root()
    rig = load_rig(args.rig, root)
    from harness.selection import parse, static_select

    static_select(rig, parse(getattr(args, "targets", None)))  # unknown names fail here, clearly
    return root, rig


def load_specs(root: Path, paths: list[str] | None = None) -> list[Spec]:
    spec_root = root / "specs"
    specs = discover(spec_root, [Path(p) for p in paths] if paths else None)
    check_spec_features(specs, load_features(root / "conformance" / "features.yaml"))
    return specs


def rig_with_out(rig: Rig, out: str | None) -> Rig:
    """The rig as the plugin sees it with ``--harness-out``: reports (and, unless the rig names
    its database, the database) in ``out``."""
    if not out:
        return rig
    out_dir = Path(out).resolve()
    database = rig.database if rig.raw.get("database") else out_dir / "harness.sqlite"
    return Rig(rig.name, rig.path, rig.targets, out_dir, database, rig.retries, rig.raw)
