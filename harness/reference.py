"""Expected output: CPython's output of the spec, cached by content hash and CPython version.

A ``.exp`` sidecar overrides CPython (hardware and MicroPython-only specs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from harness.errors import HarnessError
from harness.forkserver import ForkServer
from harness.records import Expected, Spec
from harness.sandbox import ProcessResult
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
        self._prefetched: set[str] = set()

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
        found = self._cached(spec)
        if found is not None:
            if spec.content_hash in self._prefetched:
                self._prefetched.discard(spec.content_hash)  # counted as computed already
            else:
                self.stats.cached += 1
            return found
        expected = self.compute(spec)
        self.stats.computed += 1
        self._store(spec, expected)
        return expected

    def _cached(self, spec: Spec) -> Expected | None:
        try:
            return Expected(**json.loads(self._cache_path(spec).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def _store(self, spec: Spec, expected: Expected) -> None:
        path = self._cache_path(spec)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(asdict(expected)), encoding="utf-8")
        os.replace(tmp, path)  # atomic: parallel workers never see half a file

    def prefetch(self, specs: list[Spec], jobs: int = 2) -> int:
        """Compute the missing references of ``specs`` on ``jobs`` fork servers at once.

        A run's first pass over new specs is then bound by the slower of CPython and the
        targets, not their sum. Returns how many were computed.
        """
        unique = {s.content_hash: s for s in specs if s.expected_path is None}
        todo = [s for s in unique.values() if not self._cache_path(s).exists()]
        if len(todo) < 2 * jobs:
            return 0  # not worth the extra interpreters
        servers = [ForkServer(self.python, spec_env()) for _ in range(jobs)]
        local = threading.local()
        pool_servers = iter(servers)
        lock = threading.Lock()

        def work(spec: Spec) -> None:
            if not hasattr(local, "server"):
                with lock:
                    local.server = next(pool_servers)
            self._store(spec, self._expected_from(local.server.run(spec.path, spec.timeout)))

        try:
            with ThreadPoolExecutor(jobs, thread_name_prefix="reference") as pool:
                list(pool.map(work, todo))
        finally:
            for server in servers:
                server.stop()
        self.stats.computed += len(todo)
        self._prefetched.update(s.content_hash for s in todo)
        return len(todo)

    def compute(self, spec: Spec) -> Expected:
        if self._server is None:
            self._server = ForkServer(self.python, spec_env())
        return self._expected_from(self._server.run(spec.path, spec.timeout))

    def _expected_from(self, result: ProcessResult) -> Expected:
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
