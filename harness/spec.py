"""Spec discovery and the leading-comment metadata block (DESIGN.md, "A spec").

    # feature: language.comprehension.dict
    # tags: core, small
    # timeout: 5
    # requires: cmath          (modules the spec needs; a target lacking one gives UNSUPPORTED)
    # targets: qemu-microbit   (only these target kinds or names run it; hardware specs use this)
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from harness.errors import HarnessError
from harness.records import Spec

DEFAULT_TIMEOUT = 10.0
MAX_TIMEOUT = 3600.0
KNOWN_KEYS = ("feature", "tags", "timeout", "requires", "targets")
_KEY_LINE = re.compile(r"^#\s*([a-z_][a-z0-9_-]*)\s*:(.*)$")  # lowercase: "# Note: ..." is prose
_NAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_SKIP_FILES = {"conftest.py", "__init__.py"}


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[,\s]+", value.strip()) if part)


def parse_header(text: str, path: Path | str, require_feature: bool = True) -> dict[str, object]:
    """Read the leading comment block of a spec; raise HarnessError naming file and line."""
    meta: dict[str, object] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line.startswith("#"):
            break
        if lineno == 1 and (line.startswith("#!") or "coding" in line):
            continue
        match = _KEY_LINE.match(line)
        if not match:
            continue  # free-text description line
        key, value = match.group(1), match.group(2).strip()
        if key not in KNOWN_KEYS:
            raise HarnessError(
                f"unknown header key {key!r} (known: {', '.join(KNOWN_KEYS)})", where=path, line=lineno
            )
        if key in meta:
            raise HarnessError(f"header key {key!r} given twice", where=path, line=lineno)
        if key == "feature":
            if not _NAME.match(value):
                raise HarnessError(f"bad feature id {value!r}", where=path, line=lineno)
            meta[key] = value
        elif key == "timeout":
            try:
                seconds = float(value)
            except ValueError:
                raise HarnessError(f"timeout {value!r} is not a number", where=path, line=lineno)
            if not 0 < seconds <= MAX_TIMEOUT:
                raise HarnessError(
                    f"timeout {value} out of range (0, {MAX_TIMEOUT:g}]", where=path, line=lineno
                )
            meta[key] = seconds
        else:
            items = _split_list(value)
            bad = [item for item in items if not _NAME.match(item)]
            if bad:
                raise HarnessError(f"bad {key} entry {bad[0]!r}", where=path, line=lineno)
            meta[key] = items
    if "feature" not in meta and require_feature:
        raise HarnessError("spec header has no '# feature: <id>' line", where=path, line=1)
    return meta


def content_hash(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def load_spec(path: Path, root: Path, suite: str | None = None, foreign: bool = False) -> Spec:
    """Parse one spec file found under ``root``.

    A foreign suite's files (MicroPython-style tests) need no header: their feature is
    ``foreign.<suite>.<first folder>``.
    """
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise HarnessError(f"cannot read spec: {err}", where=path)
    meta = parse_header(text, path, require_feature=not foreign)
    suite = suite or root.name
    if "feature" not in meta:
        rel = path.relative_to(root).parts
        group = rel[0] if len(rel) > 1 else "top"
        meta["feature"] = ".".join(_slug(p) for p in ("foreign", suite, group))
    exp = path.with_suffix(".exp")
    if not exp.exists():
        exp = path.with_name(path.name + ".exp")  # MicroPython's own tests use foo.py.exp
    hw = path.with_suffix(".yaml")
    parts = [data]
    for sidecar in (exp, hw):
        parts.append(sidecar.read_bytes() if sidecar.exists() else b"")
    return Spec(
        id=path.relative_to(root).with_suffix("").as_posix(),
        path=path,
        suite=suite,
        feature=str(meta["feature"]),
        tags=tuple(meta.get("tags", ())),  # type: ignore[arg-type]
        timeout=float(meta.get("timeout", DEFAULT_TIMEOUT)),  # type: ignore[arg-type]
        requires=tuple(meta.get("requires", ())),  # type: ignore[arg-type]
        targets=tuple(meta.get("targets", ())),  # type: ignore[arg-type]
        expected_path=exp if exp.exists() else None,
        hardware_path=hw if hw.exists() else None,
        content_hash=content_hash(*parts),
        foreign=foreign,
    )


# Specs ``harness run`` read before pytest started, for the plugin's collection to take
# (``recall``) instead of reading and hashing every file a second time.
_READ: dict[tuple[str, str, bool], Spec] = {}


def _key(path: Path, root: Path, foreign: bool) -> tuple[str, str, bool]:
    # Both sides give absolute paths below a resolved root: no resolve() (a readlink per part).
    return os.path.abspath(path), os.path.abspath(root), foreign


def remember(specs: Iterable[Spec], root: Path) -> None:
    root = root.resolve()
    for spec in specs:
        _READ[_key(spec.path, root, spec.foreign)] = spec


def forget() -> None:
    """Drop what ``remember`` kept and nothing took (the run is over)."""
    _READ.clear()


def recall(path: Path, root: Path, foreign: bool) -> Spec:
    """The spec ``remember`` kept for ``path`` (once), else the file read now."""
    found = _READ.pop(_key(path, root, foreign), None)
    return found if found is not None else load_spec(path, root, foreign=foreign)


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]", "_", text) or "_"


def is_spec_file(path: Path) -> bool:
    return (
        path.suffix == ".py"
        and path.name not in _SKIP_FILES
        and not path.name.startswith(("test_", "_", "."))
    )


def iter_spec_files(paths: Iterable[Path]) -> Iterator[Path]:
    for base in paths:
        if base.is_file():
            if is_spec_file(base):
                yield base
            continue
        if not base.is_dir():
            raise HarnessError("no such spec file or directory", where=base)
        for path in sorted(base.rglob("*.py")):
            if is_spec_file(path) and not any(p.startswith(".") for p in path.parts):
                yield path


def discover(root: Path, paths: Iterable[Path] | None = None, foreign: bool = False) -> list[Spec]:
    """All specs under ``root`` (or the given files/folders inside it), sorted by id."""
    root = root.resolve()
    chosen = [Path(p).resolve() for p in paths] if paths else [root]
    return [load_spec(path, root, foreign=foreign) for path in iter_spec_files(chosen)]
