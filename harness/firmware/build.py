"""Build ``mpy-cross`` and MicroPython firmware images from source, only when the source changed.

Each step (``mpy-cross``, then one per board) runs ``make`` with its build folder in
``.harness-cache/firmware/build/`` (a user's checkout stays clean), copies the result to
``.harness-cache/firmware/images/<board>/`` and records it in the overlay
(``built.yaml``) at once, so an interrupted build keeps the steps that finished. A step
is current when the overlay records the same source key and the file still has the
recorded hash.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.markup import escape

from harness.errors import HarnessError
from harness.firmware.manifest import CACHE, OVERLAY, Manifest, file_sha256, load_overlay
from harness.firmware.source import Source, locate, no_source_message, open_source

MPY_CROSS = "mpy-cross"
TOOLCHAIN = "arm-none-eabi-gcc"
_GIT_TAG = re.compile(r'#define MICROPY_GIT_TAG "v?([^"]+)"')
_MPY_VERSION = re.compile(r"mpy v(\d+)\.(\d+)")
# Bump when the way a step is built changes, so images built the old way are redone.
RECIPE_VERSION = 2

Say = Callable[[str], None]


@dataclass(frozen=True)
class Step:
    """One thing to build: mpy-cross, or a port for a board."""

    name: str  # "mpy-cross" or the board
    port: str | None = None  # None for mpy-cross
    file: str = MPY_CROSS  # the output in the build folder
    image: str | None = None  # the manifest image it makes
    board_dir: Path | None = None  # a board folder of ours instead of the port's boards/<board>

    def recipe(self) -> str:
        """What, besides the source, decides the output (part of the step's key)."""
        what = "mpy-cross" if self.port is None else f"ports/{self.port} BOARD={self.name}"
        if self.board_dir is not None:
            what += f" BOARD_DIR={self.board_dir.name} {_folder_digest(self.board_dir)}"
        return f"recipe {RECIPE_VERSION}: {what}"


def _folder_digest(folder: Path) -> str:
    """The content of a board folder: an edit there rebuilds its images."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class StepResult:
    step: Step
    status: str  # "built" or "current"
    record: dict[str, Any]
    seconds: float = 0.0


@dataclass
class BuildReport:
    source: Source | None
    results: list[StepResult] = field(default_factory=list)
    missing_source: str = ""  # why nothing could be built

    @property
    def built(self) -> list[StepResult]:
        return [r for r in self.results if r.status == "built"]


def plan(manifest: Manifest, boards: list[str] | None = None) -> list[Step]:
    """mpy-cross, then the boards asked for (default: the images marked ``default``)."""
    builds = {i.build_board: i for i in manifest.images.values() if i.build_board}
    if boards:
        unknown = [b for b in boards if b not in builds]
        if unknown:
            raise HarnessError(f"no image builds board {unknown[0]!r} "
                               f"(known: {', '.join(sorted(builds))})", where=manifest.path)
        chosen = [builds[b] for b in boards]
    else:
        chosen = [i for i in builds.values() if i.source["build"].get("default")]
    steps = [Step(MPY_CROSS)]
    for image in chosen:
        build = image.source["build"]
        board_dir = None
        if build.get("board_dir"):
            board_dir = (manifest.path.parent / build["board_dir"]).resolve()
            if not (board_dir / "mpconfigboard.mk").is_file():
                raise HarnessError(f"image {image.name}: board_dir {build['board_dir']} has no "
                                   "mpconfigboard.mk", where=manifest.path)
        steps.append(Step(build["board"], build["port"], build["file"], image.name, board_dir))
    return steps


def step_key(source: Source, step: Step) -> str:
    return hashlib.sha256(f"{source.key}\n{step.recipe()}".encode()).hexdigest()


def is_current(root: Path, record: dict[str, Any] | None, key: str) -> bool:
    if not record or record.get("source_key") != key:
        return False
    path = root / record["path"]
    return path.is_file() and file_sha256(path) == record["sha256"]


def build_firmware(
    root: Path,
    manifest: Manifest,
    boards: list[str] | None = None,
    source: str | None = None,
    force: bool = False,
    jobs: int = 2,
    say: Say = print,
) -> BuildReport:
    """Build what is out of date. No source at all: an empty report saying why."""
    steps = plan(manifest, boards)
    ports = [(step.port, step.name) for step in steps if step.port is not None]
    cache = root / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    with _lock(cache / "build.lock", say):  # the lock also covers cloning a release
        origin = locate(root, source, manifest.release, ports, say)
        if origin is None:
            return BuildReport(None, missing_source=no_source_message(root, manifest.release))
        src = open_source(root, origin)
        report = BuildReport(src)
        overlay = load_overlay(root)
        mpy_cross: Path | None = None
        for step in steps:
            key = step_key(src, step)
            record = overlay.get(step.name)
            if not force and is_current(root, record, key):
                assert record is not None
                report.results.append(StepResult(step, "current", record))
                say(f"firmware: {step.name}: up to date: {describe(record)}")
            else:
                if step.port is not None:
                    _need_toolchain()
                started = time.monotonic()
                record = _run_step(root, src, step, key, mpy_cross, jobs, say)
                seconds = round(time.monotonic() - started, 1)
                record["seconds"] = seconds
                overlay[step.name] = record
                _write_overlay(root, overlay)  # at once: an interrupt keeps what finished
                report.results.append(StepResult(step, "built", record, seconds))
                say(f"firmware: {step.name}: built in {seconds:g} s: {describe(record)}")
            if step.port is None:
                mpy_cross = root / record["path"]
        return report


def describe(record: dict[str, Any]) -> str:
    return (f"{record['path']} (MicroPython {record['micropython']}, commit {record['commit']}, "
            f"sha256 {record['sha256'][:12]}...)")


@contextlib.contextmanager
def _lock(path: Path, say: Say) -> Iterator[None]:
    """One build at a time per cache (make run, make test and a user may overlap)."""
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("firmware: waiting for another build to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _need_toolchain() -> None:
    for tool in ("make", TOOLCHAIN):
        if shutil.which(tool) is None:
            raise HarnessError(f"{tool} not found: run tools/setup-system (Debian gcc-arm-none-eabi, "
                               "libnewlib-arm-none-eabi, make)", where=tool)


def _build_dir(root: Path, src: Source, step: Step) -> Path:
    # One folder per source tree: make's timestamps are only trustworthy within one tree.
    tag = hashlib.sha256(str(src.tree).encode()).hexdigest()[:12]
    return root / CACHE / "build" / tag / step.name


def _run_step(root: Path, src: Source, step: Step, key: str, mpy_cross: Path | None, jobs: int,
              say: Say) -> dict[str, Any]:
    build = _build_dir(root, src, step)
    build.mkdir(parents=True, exist_ok=True)
    if step.port is None:
        folder = src.tree / "mpy-cross"
        args = [f"BUILD={build}"]
    else:
        folder = src.tree / "ports" / step.port
        if not folder.is_dir():
            raise HarnessError(f"this source has no ports/{step.port}", where=src.origin)
        assert mpy_cross is not None
        args = [f"BOARD={step.name}", f"BUILD={build}", f"MICROPY_MPYCROSS={mpy_cross}"]
        if step.board_dir is not None:
            args.append(f"BOARD_DIR={step.board_dir}")
    argv = ["make", f"-j{jobs}", "-C", str(folder), *args]
    log_path = root / CACHE / "logs" / f"{step.name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if src.date_epoch:
        env["SOURCE_DATE_EPOCH"] = str(src.date_epoch)  # the build date, reproducibly
    if src.kind == "tarball":
        # An unpacked tarball has no .git: keep makeversionhdr.py from finding the
        # harness's own repository above the cache and taking its version.
        env["GIT_CEILING_DIRECTORIES"] = str(src.tree.parent)
    say(f"firmware: building {step.name} from {src.describe()} (make -j{jobs}; log {log_path})")
    _make(argv, log_path, env, step)
    output = build / step.file
    if not output.is_file():
        raise HarnessError(f"make succeeded but produced no {step.file}", where=output)
    image_dir = root / CACHE / "images" / step.name
    image_dir.mkdir(parents=True, exist_ok=True)
    final = image_dir / step.file
    tmp = final.with_suffix(final.suffix + ".tmp")
    shutil.copy2(output, tmp)
    os.replace(tmp, final)
    record: dict[str, Any] = {
        "path": final.relative_to(root).as_posix(),
        "sha256": file_sha256(final),
        "micropython": _built_version(build, final, step),
        "commit": src.commit,
        "source": str(src.origin),
        "source_key": key,
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    if step.port is None:
        record["mpy"] = mpy_cross_version(final)
    return record


def _make(argv: list[str], log_path: Path, env: dict[str, str], step: Step) -> None:
    with open(log_path, "wb") as log:
        log.write((" ".join(argv) + "\n").encode())
        log.flush()
        # Its own process group, so an interrupt stops every compiler make started.
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True)
        try:
            status = _wait_showing_progress(proc, step, log_path)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
            raise
    if status != 0:
        raise HarnessError(f"building {step.name} failed (make exit {status}): "
                           f"{_first_error(log_path)}; full log: {log_path}")


def _wait_showing_progress(proc: subprocess.Popen[bytes], step: Step, log_path: Path) -> int:
    """Wait for make; on a terminal, a spinner with the elapsed time and make's last line."""
    console = Console(stderr=True)
    if not console.is_terminal:
        return proc.wait()
    started = time.monotonic()
    with console.status(f"building {step.name}") as status:
        while True:
            try:
                return proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                status.update(f"building {step.name}: {time.monotonic() - started:.0f} s  "
                              f"[dim]{_last_line(log_path)[:80]}[/dim]")


def _last_line(log_path: Path) -> str:
    with open(log_path, "rb") as handle:
        handle.seek(max(0, log_path.stat().st_size - 512))
        lines = handle.read().decode(errors="replace").strip().splitlines()
    return escape(lines[-1]) if lines else ""


def _first_error(log_path: Path) -> str:
    lines = log_path.read_text(errors="replace").splitlines()
    for line in lines:
        if re.search(r"\berror\b|No such file|not found", line, re.IGNORECASE):
            return line.strip()[:300]
    return (lines[-1].strip() if lines else "no output")[:300]


def _built_version(build: Path, final: Path, step: Step) -> str:
    header = build / "genhdr" / "mpversion.h"
    if header.is_file():
        match = _GIT_TAG.search(header.read_text(errors="replace"))
        if match:
            return match.group(1)
    if step.port is None:
        text = _run_version(final)
        match = re.search(r"MicroPython v?(\S+?)[ ;]", text)
        if match:
            return match.group(1)
    return "unknown"


def _run_version(mpy_cross: Path) -> str:
    try:
        proc = subprocess.run([str(mpy_cross), "--version"], capture_output=True, text=True, timeout=30)
    except OSError as err:
        raise HarnessError(f"cannot run mpy-cross: {err}", where=mpy_cross)
    return proc.stdout + proc.stderr


def mpy_cross_version(mpy_cross: Path) -> str:
    """The .mpy version an mpy-cross emits, e.g. ``6.3``."""
    match = _MPY_VERSION.search(_run_version(mpy_cross))
    if not match:
        raise HarnessError("mpy-cross --version names no mpy version", where=mpy_cross)
    return f"{match.group(1)}.{match.group(2)}"


def _write_overlay(root: Path, builds: dict[str, dict[str, Any]]) -> None:
    path = root / OVERLAY
    path.parent.mkdir(parents=True, exist_ok=True)
    text = ("# Generated by `harness firmware build`: what was built from source on this machine.\n"
            "# Merged with firmware/manifest.yaml when it is loaded. Do not edit.\n")
    text += yaml.safe_dump({"version": 1, "builds": builds}, sort_keys=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
