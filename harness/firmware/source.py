"""Where MicroPython's source comes from for a firmware build, and what identifies it.

In order: ``--source`` / ``MICROPY_SRC`` (a user's checkout, or a source tarball), else a
shallow clone of the release the manifest pins (``release:``), where the network allows, else
the vendored tarball beside the repository (``<repo>/../shared/vendor``). A tarball is
unpacked into ``.harness-cache/firmware/src/``, a release is cloned into
``.harness-cache/firmware/release/`` (never into the repository). A release tag does not
move, so it is cloned once and never fetched again; ``HARNESS_OFFLINE=1`` skips the clone.

The *key* of a source says whether a build is still current: the tarball's sha256, or
a checkout's commit plus the hash of its uncommitted changes.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.errors import HarnessError
from harness.firmware.manifest import CACHE, Release, file_sha256

ENV = "MICROPY_SRC"
OFFLINE_ENV = "HARNESS_OFFLINE"
CLONE_TIMEOUT_S = 900.0  # the clone plus the ports' submodules, on a slow link
VENDORED = Path("shared") / "vendor" / "micropython-1.29-src.tar.gz"
_COMMIT_NOTE = re.compile(r"\bcommit\s+([0-9a-f]{7,40})\b")


@dataclass(frozen=True)
class Source:
    """A MicroPython source tree ready to build."""

    kind: str  # "checkout" or "tarball"
    origin: Path  # what the user gave: the checkout or the tarball
    tree: Path  # the tree make runs in (the checkout, or the unpacked tarball)
    key: str  # changes whenever the source does
    commit: str  # source commit, as far as it is known
    date_epoch: int  # SOURCE_DATE_EPOCH for the build (a reproducible build date)

    def describe(self) -> str:
        return f"{self.kind} {self.origin} (commit {self.commit})"


def vendored_tarball(root: Path) -> Path:
    """The vendored tarball: the repository's clone sits at <repo>/, shared/ beside it."""
    return root.parent / VENDORED


Say = Callable[[str], None]


def locate(root: Path, given: str | None = None, release: Release | None = None,
           ports: Sequence[tuple[str, str]] = (), say: Say = print) -> Path | None:
    """The source to build from, or None when there is none to be had (``no_source_message``
    says why). ``release``: clone it, and the submodules ``ports`` need as (port, board),
    when the user names no source."""
    text = given or os.environ.get(ENV, "")
    if text:
        path = Path(text).expanduser().resolve()
        if not path.exists():
            where = "--source" if given else ENV
            raise HarnessError(f"{where}: no such MicroPython source", where=path)
        return path
    tarball = vendored_tarball(root)
    if release is not None:
        try:
            return fetch_release(root, release, ports, say)
        except HarnessError as err:
            if tarball.is_file():  # with no tarball either, no_source_message says it all
                say(f"firmware: MicroPython {release.ref} not cloned ({err}): "
                    f"building from {tarball}")
    return tarball if tarball.is_file() else None


def release_dir(root: Path, release: Release) -> Path:
    return root / CACHE / "release" / release.ref.replace("/", "_")


def fetch_release(root: Path, release: Release, ports: Sequence[tuple[str, str]] = (),
                  say: Say = print) -> Path:
    """A clone of the pinned release, made once. HarnessError when it cannot be had here
    (no network, an unknown tag, ``HARNESS_OFFLINE`` set); nothing half-cloned is left."""
    dest = release_dir(root, release)
    stamp = f"{release.git} {release.ref}\n"
    marker = dest / ".git" / "harness-release"
    if marker.is_file() and marker.read_text() == stamp:
        return dest
    if os.environ.get(OFFLINE_ENV):
        raise HarnessError(f"{OFFLINE_ENV} is set")
    partial = dest.with_name(dest.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    say(f"firmware: cloning MicroPython {release.ref} from {release.git}")
    try:
        _fetch(["git", "clone", "--quiet", "--depth", "1", "--branch", release.ref,
                "--", release.git, str(partial)], "git clone")
        _check_tree(partial, release.git)
        for port, board in ports:  # each port's own list of the submodules it builds with
            if (partial / "ports" / port).is_dir():
                _fetch(["make", "-C", str(partial / "ports" / port), f"BOARD={board}",
                        "submodules"], f"make -C ports/{port} submodules")
    except BaseException:  # a failure or Ctrl-C: no half clone is ever taken for a release
        shutil.rmtree(partial, ignore_errors=True)
        raise
    (partial / ".git" / "harness-release").write_text(stamp)
    shutil.rmtree(dest, ignore_errors=True)
    os.replace(partial, dest)
    return dest


def _fetch(argv: list[str], what: str) -> None:
    """Run a network step; HarnessError with its last error line on failure or timeout."""
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")  # never wait for a password nobody types
    # A stalled transfer (under 1 KB/s for 30 s) fails instead of hanging the build.
    env.update(GIT_HTTP_LOW_SPEED_LIMIT="1000", GIT_HTTP_LOW_SPEED_TIME="30")
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, env=env,
                              timeout=CLONE_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise HarnessError(f"{what}: no result within {CLONE_TIMEOUT_S:g} s")
    except OSError as err:
        raise HarnessError(f"{what}: {err}")
    if proc.returncode != 0:
        lines = [line.strip() for line in (proc.stderr + proc.stdout).splitlines() if line.strip()]
        raise HarnessError(f"{what}: {lines[-1] if lines else f'exit {proc.returncode}'}")


def no_source_message(root: Path, release: Release | None = None) -> str:
    clone = f", let MicroPython {release.ref} be cloned from {release.git}" if release else ""
    return (f"no MicroPython source: set {ENV} to a checkout (or pass --source){clone}, "
            f"or provide {vendored_tarball(root)}")


def _git(tree: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True,
                          timeout=60)
    if proc.returncode != 0:
        raise HarnessError(f"git {' '.join(args)} failed: {proc.stderr.strip()[:200]}", where=tree)
    return proc.stdout.strip()


def checkout_key(tree: Path) -> tuple[str, str, int]:
    """(key, commit, commit time) of a git checkout; uncommitted changes change the key."""
    commit = _git(tree, "rev-parse", "HEAD")
    when = int(_git(tree, "log", "-1", "--format=%ct"))
    diff = _git(tree, "diff", "HEAD", "--binary")
    untracked = _git(tree, "ls-files", "--others", "--exclude-standard")
    key = commit
    if diff or untracked:
        digest = hashlib.sha256(diff.encode())
        for name in sorted(untracked.splitlines()):
            digest.update(name.encode())
            file = tree / name
            if file.is_file():
                digest.update(file.read_bytes())
        key = f"{commit}+{digest.hexdigest()[:16]}"
        commit = f"{commit[:12]}+dirty"
    return key, commit, when


def _check_tree(tree: Path, where: Path) -> None:
    if not (tree / "py" / "mpconfig.h").is_file() or not (tree / "mpy-cross").is_dir():
        raise HarnessError("not a MicroPython source tree (no py/mpconfig.h, mpy-cross/)", where=where)


def open_source(root: Path, origin: Path) -> Source:
    """Make ``origin`` (a checkout folder or a source tarball) buildable."""
    if origin.is_dir():
        _check_tree(origin, origin)
        if (origin / ".git").exists():
            key, commit, when = checkout_key(origin)
        else:  # a plain tree: its content is its identity
            key, commit, when = _tree_key(origin), "unknown (not a git checkout)", 0
        return Source("checkout", origin, origin, key, commit, when)
    key = file_sha256(origin)
    tree = _unpack(root, origin, key)
    commit = _tarball_commit(origin)
    when = int((tree / "py" / "mpconfig.h").stat().st_mtime)
    return Source("tarball", origin, tree, key, commit, when)


def _tree_key(tree: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(tree.rglob("*")):
        rel = path.relative_to(tree)
        if path.is_file() and not any(part.startswith("build") for part in rel.parts[:-1]):
            digest.update(rel.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _tarball_commit(tarball: Path) -> str:
    """The commit a tarball was made from, as the README beside it says (else unknown)."""
    note = tarball.parent / "README.md"
    if note.is_file():
        match = _COMMIT_NOTE.search(note.read_text(errors="replace"))
        if match:
            return match.group(1)
    return f"unknown (tarball sha256:{file_sha256(tarball)[:12]})"


def _unpack(root: Path, tarball: Path, key: str) -> Path:
    """Unpack once per tarball content; older unpacked trees are removed."""
    src_root = root / CACHE / "src"
    target = src_root / key[:16]
    done = target / ".unpacked"
    if done.exists():
        return _top(target)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    try:
        with tarfile.open(tarball) as archive:
            archive.extractall(target, filter="tar")
    except (OSError, tarfile.TarError) as err:
        shutil.rmtree(target, ignore_errors=True)
        raise HarnessError(f"cannot unpack: {err}", where=tarball)
    tree = _top(target)
    _check_tree(tree, tarball)
    done.write_text(key + "\n")
    for other in src_root.iterdir():
        if other != target:
            shutil.rmtree(other, ignore_errors=True)
    return tree


def _top(folder: Path) -> Path:
    """The tree inside an unpacked tarball (``micropython/``), or the folder itself."""
    entries = [p for p in folder.iterdir() if p.is_dir()]
    return entries[0] if len(entries) == 1 and not (folder / "py").exists() else folder
