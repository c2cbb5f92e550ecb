"""Expected output: CPython's output of the spec, cached by content hash and CPython version.

A ``.exp`` sidecar overrides CPython (hardware and MicroPython-only specs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from harness.errors import HarnessError
from harness.forkserver import ForkServer
from harness.records import Expected, Spec
from harness.targets.base import exception_name

# Bump when the way the reference is computed changes, so old cache entries are not reused.
RECIPE = 4


def spec_env() -> dict[str, str]:
    """Environment for a spec under CPython: reproducible hashing, UTF-8, no PYTHON* leaks.

    (Not `-E`: that would ignore PYTHONHASHSEED too. Specs run with `-S`, plain standard
    library and no site-packages, which also saves most of the interpreter's start-up.)
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    return env


@dataclass
class ReferenceStats:
    cached: int = 0
    computed: int = 0
    sidecar: int = 0


class Reference:
    """Looks up (or computes and stores) the expected output of specs."""

    def __init__(self, cache_dir: Path, python: str = sys.executable):
        self.python = python
        self.cache_root = Path(cache_dir)
        self.stats = ReferenceStats()
        self._server: ForkServer | None = None

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    @cached_property
    def version(self) -> str:
        """e.g. 'cpython-3.11.7' of the interpreter that computes the reference."""
        if self.python == sys.executable:
            impl, ver = sys.implementation.name, ".".join(map(str, sys.version_info[:3]))
        else:
            code = "import sys;print(sys.implementation.name, '.'.join(map(str, sys.version_info[:3])))"
            try:
                out = subprocess.run(
                    [self.python, "-c", code], capture_output=True, text=True, timeout=30, check=True
                ).stdout
            except (OSError, subprocess.SubprocessError) as err:
                raise HarnessError(f"cannot run the reference interpreter: {err}", where=self.python)
            impl, ver = out.split()
        return f"{impl}-{ver}"

    def _cache_path(self, spec: Spec) -> Path:
        folder = f"{self.version}-r{RECIPE}"
        return self.cache_root / folder / spec.content_hash[:2] / f"{spec.content_hash}.json"

    def expected(self, spec: Spec) -> Expected:
        if spec.expected_path is not None:
            self.stats.sidecar += 1
            return Expected(stdout=_read_exp(spec.expected_path), source="exp")
        path = self._cache_path(spec)
        try:
            expected = Expected(**json.loads(path.read_text(encoding="utf-8")))
            self.stats.cached += 1
            return expected
        except (OSError, ValueError, TypeError):
            pass
        expected = self.compute(spec)
        self.stats.computed += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(asdict(expected)), encoding="utf-8")
        os.replace(tmp, path)  # atomic: parallel workers never see half a file
        return expected

    def compute(self, spec: Spec) -> Expected:
        if self._server is None:
            self._server = ForkServer(self.python, spec_env())
        result = self._server.run(spec.path, spec.timeout)
        if result.timed_out:  # kept: a spec that never ends is judged by the target's outcome
            return Expected(stdout=result.stdout, exit_code=-1, timed_out=True, source=self.version)
        exc = exception_name(result.stderr)
        return Expected(
            stdout=result.stdout,
            exit_code=result.returncode if result.returncode is not None else -1,
            exception=exc,
            source=self.version,
        )


def _read_exp(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as err:
        raise HarnessError(f"cannot read expected output: {err}", where=path)
