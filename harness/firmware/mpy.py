"""Specs as precompiled bytecode: ``.mpy`` files from ``mpy-cross`` for a target's bytecode version.

A target tells what it loads in ``sys.implementation._mpy``: bits 0-7 the .mpy major
version, bits 8-9 the sub-version, bits 10+ its native architecture. Bytecode-only .mpy
files load where the major version matches; native and viper code also need the same
sub-version and a compatible architecture.

For targets, in ``run(spec, mode="mpy")`` (``run_as_mpy`` does this)::

    target_mpy = sys_mpy(identity.extra["sys.implementation"])
    try:
        code = runner_code(compile_spec(spec, target_mpy, root=root))
    except MpyUnsupported as err:
        return Outcome(unsupported=str(err))
    except MpyCompileError as err:
        return Outcome(stderr=err.stderr, exit_code=1, exception=err.exception)
    return self.run_code(code, spec.timeout)

``runner_code`` serves the bytes from a RAM filesystem and imports them, so it works over
the raw REPL on boards with no filesystem, and on the PC port (``micropython -c``). Once
the file is read, before the spec's first line runs, the runner takes its traces away
(mount, ``sys.path`` entry, ``sys.modules`` entry) and names the module ``__main__``, so
``if __name__ == "__main__":`` runs as in bytecode mode. Differences that remain: the
spec's ``__file__`` is its id (``lang/gen.py``), a traceback has one more frame (the
runner's ``<stdin>`` line) above the spec's, and the compiler is mpy-cross's, not the
target's (a baseline entry with ``mode: mpy`` documents what that changes).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from harness.errors import HarnessError
from harness.firmware.manifest import CACHE, OVERLAY, file_sha256, load_overlay
from harness.records import Outcome, Spec

# MP_NATIVE_ARCH_* (py/persistentcode.h) as mpy-cross's -march names them.
ARCHES: dict[int, str] = {
    1: "x86", 2: "x64", 3: "armv6", 4: "armv6m", 5: "armv7m", 6: "armv7em", 7: "armv7emsp",
    8: "armv7emdp", 9: "xtensa", 10: "xtensawin", 11: "rv32imc", 12: "rv64imc",
}
EMITTERS = ("bytecode", "native", "viper")
MODULE = "__harness_spec"
_EMITS = re.compile(r"mpy v(\d+)\.(\d+)")


class MpyUnsupported(HarnessError):
    """The target cannot load what mpy-cross makes (the spec's verdict: UNSUPPORTED)."""


class MpyCompileError(HarnessError):
    """mpy-cross rejected the spec; ``stderr`` is its message, as the target would print it."""

    def __init__(self, message: str, stderr: str, exception: str | None):
        super().__init__(message)
        self.stderr = stderr
        self.exception = exception


@dataclass(frozen=True)
class MpyVersion:
    major: int
    sub: int
    arch: int = 0  # 0: bytecode only

    @property
    def arch_name(self) -> str | None:
        return ARCHES.get(self.arch)

    def __str__(self) -> str:
        text = f"v{self.major}.{self.sub}"
        return f"{text} ({self.arch_name})" if self.arch_name else text


def decode_sys_mpy(value: int) -> MpyVersion:
    """``sys.implementation._mpy`` -> version, sub-version, architecture."""
    return MpyVersion(value & 0xFF, (value >> 8) & 3, (value >> 10) & 0x2F)


def sys_mpy(implementation: str) -> int | None:
    """``sys.implementation._mpy`` from its printed form (the identity probe's first line)."""
    match = re.search(r"_mpy=(\d+)", implementation or "")
    return int(match.group(1)) if match else None


def find_mpy_cross(root: Path) -> Path:
    """The mpy-cross built from source here, else one on PATH."""
    try:
        stamp = (root / OVERLAY).stat().st_mtime_ns
    except OSError:
        stamp = None
    built = _built_mpy_cross(root, stamp)
    if built is not None and built.is_file():
        return built
    found = shutil.which("mpy-cross")
    if found:
        return Path(found)
    raise HarnessError("no mpy-cross: run `harness firmware build` (or put mpy-cross on PATH)",
                       where=root / CACHE)


@cache
def _built_mpy_cross(root: Path, overlay_stamp: int | None) -> Path | None:
    """The overlay's mpy-cross, read once per version of the file (each .mpy item asks)."""
    record = load_overlay(root).get("mpy-cross") if overlay_stamp is not None else None
    return root / record["path"] if record else None


@cache
def _emits(path: str, mtime: float) -> MpyVersion:
    try:
        proc = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except OSError as err:
        raise HarnessError(f"cannot run mpy-cross: {err}", where=path)
    match = _EMITS.search(proc.stdout + proc.stderr)
    if not match:
        raise HarnessError("mpy-cross --version names no mpy version", where=path)
    return MpyVersion(int(match.group(1)), int(match.group(2)))


def emitted_version(mpy_cross: Path) -> MpyVersion:
    """The .mpy version an mpy-cross emits (``mpy-cross emitting mpy v6.3``)."""
    return _emits(str(mpy_cross), mpy_cross.stat().st_mtime)


def cross_args(target: MpyVersion, emits: MpyVersion, emit: str = "bytecode") -> list[str]:
    """mpy-cross options for this target; MpyUnsupported when it cannot load the result."""
    if emit not in EMITTERS:
        raise HarnessError(f"unknown emitter {emit!r} (known: {', '.join(EMITTERS)})")
    if target.major != emits.major:
        raise MpyUnsupported(f"the target loads .mpy v{target.major}, mpy-cross emits "
                             f"v{emits.major}.{emits.sub}")
    if emit == "bytecode":
        # With the target's architecture, a spec's @micropython.native/viper functions compile
        # as the target's own compiler compiles them (without it mpy-cross says "invalid arch").
        if target.arch_name and target.sub == emits.sub:
            return [f"-march={target.arch_name}"]
        return []
    if target.arch_name is None:
        raise MpyUnsupported(f"the target loads no native code (.mpy {target})")
    if target.sub != emits.sub:
        raise MpyUnsupported(f"native code needs .mpy v{target.major}.{target.sub}, mpy-cross "
                             f"emits v{emits.major}.{emits.sub}")
    return [f"-march={target.arch_name}", "-X", f"emit={emit}"]


def compile_spec(
    spec: Spec,
    target_mpy_version: int | None,
    emit: str = "bytecode",
    *,
    root: Path | None = None,
    mpy_cross: Path | None = None,
) -> bytes:
    """The spec compiled for a target whose ``sys.implementation._mpy`` is given.

    Results are cached by spec content, mpy-cross and options. Raises MpyUnsupported
    (the target cannot load it) or MpyCompileError (the spec does not compile).
    """
    if target_mpy_version is None:
        raise MpyUnsupported("the target has no sys.implementation._mpy: it loads no .mpy files")
    if mpy_cross is None:
        if root is None:
            root = _find_root()
        mpy_cross = find_mpy_cross(root)
    args = cross_args(decode_sys_mpy(target_mpy_version), emitted_version(mpy_cross), emit)
    source = spec.path.read_bytes()
    name = f"{spec.id}.py"
    key = hashlib.sha256(b"\0".join([
        source, name.encode(), _sha256(str(mpy_cross), mpy_cross.stat().st_mtime).encode(),
        " ".join(args).encode()
    ])).hexdigest()
    # By content: a spec compiles once, and one that does not compile fails once, from the cache.
    cached = root / CACHE.parent / "mpy" / f"{key}.mpy" if root else None
    failed = cached.with_suffix(".err") if cached is not None else None
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    if failed is not None and failed.is_file():
        known = json.loads(failed.read_text(encoding="utf-8"))
        raise MpyCompileError(known["message"], known["stderr"], known["exception"])
    try:
        data = _run_cross(mpy_cross, spec.path, name, args)
    except MpyCompileError as err:
        if failed is not None:
            _write_atomic(failed, json.dumps({"message": str(err), "stderr": err.stderr,
                                              "exception": err.exception}).encode())
        raise
    if cached is not None:
        _write_atomic(cached, data)
    return data


@cache
def _sha256(path: str, mtime: float) -> str:
    return file_sha256(Path(path))


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def mpy_unavailable(target_mpy_version: int | None, *, root: Path | None = None) -> str | None:
    """Why specs cannot run as .mpy on a target here (no ``_mpy``, no mpy-cross, a .mpy
    version mpy-cross does not emit); None when they can."""
    if target_mpy_version is None:
        return "the target has no sys.implementation._mpy: it loads no .mpy files"
    try:
        mpy_cross = find_mpy_cross(root if root is not None else _find_root())
        cross_args(decode_sys_mpy(target_mpy_version), emitted_version(mpy_cross))
    except HarnessError as err:  # MpyUnsupported included
        return str(err)
    return None


def run_as_mpy(
    spec: Spec,
    target_mpy_version: int | None,
    run_code: Callable[[str, float], Outcome],
    *,
    root: Path | None = None,
) -> Outcome:
    """Run a spec as .mpy through a target's ``run_code(program, timeout)``; never raises.

    A target that cannot load it gives UNSUPPORTED (with the reason); a spec mpy-cross
    rejects gives the traceback and exception the target's own compiler would have given.
    """
    try:
        code = runner_code(compile_spec(spec, target_mpy_version, root=root))
    except MpyUnsupported as err:
        return Outcome(unsupported=f"mode 'mpy': {err}")
    except MpyCompileError as err:
        return Outcome(stderr=err.stderr, exit_code=1, exception=err.exception,
                       detail="mpy-cross rejected the spec")
    except HarnessError as err:  # no mpy-cross here: the harness cannot, the target might
        return Outcome(unsupported=f"mode 'mpy': {err}")
    except OSError as err:
        return Outcome(link_failed=True, detail=f"mode 'mpy': cannot read the spec: {err}")
    return run_code(code, spec.timeout)


def _find_root() -> Path:
    from harness.project import find_root

    return find_root()


def _run_cross(mpy_cross: Path, path: Path, name: str, args: list[str]) -> bytes:
    argv = [str(mpy_cross), "-o", "-", "-s", name, *args, str(path)]
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise HarnessError(f"mpy-cross failed: {err}", where=path)
    if proc.returncode != 0:
        stderr = proc.stderr.decode(errors="replace").replace("\r\n", "\n")
        # Named as in the .mpy (the spec's id), as the spec's tracebacks are in mpy mode.
        stderr = stderr.replace(f'File "{path}"', f'File "{name}"')
        last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {proc.returncode}"
        exception = last.split(":", 1)[0] if re.match(r"^\w+Error\b", last) else None
        raise MpyCompileError(f"mpy-cross: {last}", stderr, exception)
    if not proc.stdout.startswith(b"M"):
        raise HarnessError("mpy-cross wrote no .mpy file", where=path)
    return proc.stdout


# Serves one .mpy file from RAM through a user filesystem and imports it: targets with no
# filesystem (the qemu port) load it the same way as the PC port. When the import closes the
# file (the code is loaded, none of it has run) the runner unmounts, leaves sys.path and
# sys.modules as they were and renames the module __main__. Kept small for the heap.
_RUNNER = """\
import io,os,sys
class _F(io.IOBase):
 def __init__(s,b):s.b=b;s.o=0
 def readinto(s,m):
  n=min(len(m),len(s.b)-s.o);m[:n]=s.b[s.o:s.o+n];s.o+=n;return n
 def ioctl(s,r,a):
  if r==4:
   os.umount('/__mpy');sys.path.remove('/__mpy')
   sys.modules.pop('{module}').__name__='__main__'
  return 0
class _V:
 def mount(s,r,m):pass
 def umount(s):pass
 def stat(s,p):
  if p=='/{module}.mpy':return(32768,0,0,0,0,0,{size},0,0,0)
  raise OSError(2)
 def open(s,p,m):return _F(_B)
_B={data!r}
os.mount(_V(),'/__mpy')
sys.path.insert(0,'/__mpy')
__import__('{module}')
"""


def runner_code(mpy: bytes, module: str = MODULE) -> str:
    """A program that runs the compiled spec on a MicroPython target."""
    return _RUNNER.format(module=module, size=len(mpy), data=mpy)
